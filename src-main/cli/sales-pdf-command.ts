/**
 * `sales:pdf`: writes the 納品書 PDF of a confirmed 売上伝票 (the same bytes as the editor's
 * 「納品書PDF」). --slip takes the slip's ID or its 伝票番号 (e.g. D01-000001); digits that are both
 * an ID and another slip's 伝票番号 are refused as ambiguous. The file is written beside --out under
 * a temporary name and renamed into place, so a failed write leaves no half-written PDF.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../src-shared/errors';
import { STATUS_LABELS } from '../../src-shared/sales/slip-status';
import type { Core } from '../core/create-core';
import { CliUsageError, parseCliArgs, required } from './args';
import { withCliCore } from './cli-core';
import type { CliCommand } from './cli-types';

/** The slip id that `ref` names: an ID (digits) or a 伝票番号, never both meaning different slips. */
export function resolveSlipRef(ref: string, byId: (id: number) => boolean, bySlipNo: (slipNo: string) => number[]): number {
  const asId = /^\d+$/.test(ref) && Number.isSafeInteger(Number(ref)) && byId(Number(ref)) ? Number(ref) : null;
  const numbered = bySlipNo(ref);
  const candidates = new Set([...(asId === null ? [] : [asId]), ...numbered]);
  if (candidates.size === 0) {
    throw new AppError('NOT_FOUND', `売上伝票「${ref}」が見つかりません。--slip には売上伝票の ID か伝票番号 (例: D01-000001) を指定してください。`);
  }
  if (candidates.size > 1) {
    throw new AppError(
      'VALIDATION',
      `「${ref}」は複数の売上伝票に当たります (ID ${[...candidates].join('、')})。--slip に ID を指定してください。`,
    );
  }
  return [...candidates][0]!;
}

/** Writes `bytes` to `out` through a temporary file in the same folder (a rename replaces atomically). */
export function writeFileAtomically(out: string, bytes: Buffer): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('NOT_FOUND', `「${out}」に書き込めません。出力先のフォルダがあるか、書き込みの権限があるかを確認してください。`, { cause: e });
  }
}

async function deliveryNote(core: Core, ref: string) {
  const repo = core.services.repos.sales;
  const id = resolveSlipRef(ref, (n) => repo.state(n) !== undefined, (no) => repo.idsBySlipNo(no));
  const slip = core.services.sales.get(id);
  if (slip.status !== 'confirmed') {
    const name = slip.slipNo ?? `ID ${slip.id}`;
    throw new AppError(
      'VALIDATION',
      `売上伝票 ${name} は${STATUS_LABELS[slip.status]}のため納品書を作れません。納品書は確定済みの売上伝票だけ作れます。売上伝票を確定してから、もう一度実行してください。`,
    );
  }
  return core.services.deliveryNotes.pdf(id);
}

export const salesPdfCommand: CliCommand = {
  summary: '確定済みの売上伝票の納品書PDFを出力します (--slip は伝票の ID か伝票番号)',
  usage: 'sales:pdf --data-dir DIR --slip ID|伝票番号 --out FILE.pdf',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, slip: { type: 'string' }, out: { type: 'string' } });
    const dataDir = required(args, 'data-dir');
    const ref = required(args, 'slip').trim();
    if (ref === '') throw new CliUsageError('--slip に売上伝票の ID か伝票番号を指定してください。');
    const out = resolve(required(args, 'out'));
    return withCliCore(dataDir, async (core) => {
      const pdf = await deliveryNote(core, ref);
      writeFileAtomically(out, Buffer.from(pdf.contentBase64, 'base64'));
      io.out(`${out} に納品書PDF(${pdf.pages}ページ)を出力しました。`);
      return 0;
    });
  },
};
