/**
 * 売掛管理 from the command line (docs/receivables-rules.md), over the same core and service as the
 * app. The command names and the JSON shapes are a contract checked outside the repo:
 *   company:set, partner:billing, payment:record, billing:close, billing:pdf, receivables:list,
 *   receivables:schedule (plus billing:issue and billing:undo).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../src-shared/errors';
import { isIsoDate } from '../../src-shared/domain/jst-date';
import { partnerInput, type PartnerValues } from '../../src-shared/masters/partner';
import { END_OF_MONTH_DAY } from '../../src-shared/masters/partner-billing';
import type { ClosingResult, StatementSummary } from '../../src-shared/receivables/statements';
import type { Core } from '../core/create-core';
import { CliUsageError, parseCliArgs, required } from './args';
import { withCliCore } from './cli-core';
import type { CliCommand, CliIo } from './cli-types';

function date(values: Record<string, unknown>, name: string): string {
  const v = required(values, name);
  if (!isIsoDate(v)) throw new CliUsageError(`--${name} は YYYY-MM-DD 形式の正しい日付で指定してください（指定値: ${v}）。`);
  return v;
}

function optionalDate(values: Record<string, unknown>, name: string): string | undefined {
  return typeof values[name] === 'string' ? date(values, name) : undefined;
}

function integer(text: string, name: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliUsageError(`--${name} は ${min}〜${max} の整数で指定してください（指定値: ${text}）。`);
  return n;
}

/** "20" / "末日" → 20 / 31 */
function day(text: string, name: string): number {
  if (text.trim() === '末日' || text.trim() === '末') return END_OF_MONTH_DAY;
  return integer(text, name, 1, END_OF_MONTH_DAY);
}

/** `--invoice A:1 B:2` and `--invoice A:1,B:2` become `--invoice A:1 --invoice B:2`. */
export function expandInvoiceArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a !== '--invoice') {
      out.push(a);
      continue;
    }
    let any = false;
    while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      for (const part of argv[++i]!.split(',').filter((p) => p.trim() !== '')) {
        out.push('--invoice', part.trim());
        any = true;
      }
    }
    if (!any) out.push('--invoice');
  }
  return out;
}

/** The statements as `billing:close --json` prints them (the contract's keys only). */
export function closingJson(statements: readonly StatementSummary[]) {
  return statements.map((s) => ({
    customer: s.customer,
    statementId: s.statementId,
    previous: s.previous,
    received: s.received,
    carriedOver: s.carriedOver,
    sales: s.sales.map((r) => ({ rate: r.rate, net: r.net, tax: r.tax })),
    salesTotal: s.salesTotal,
    total: s.total,
    dueDate: s.dueDate,
  }));
}

function printClosing(io: CliIo, result: ClosingResult, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(closingJson(result.statements)));
  } else {
    for (const s of result.statements) {
      io.out(
        `請求書 No.${s.statementId} ${s.customer} ${s.customerName}: 前回請求額 ${s.previous} / 今回入金額 ${s.received} / 繰越金額 ${s.carriedOver} / 今回売上(税込) ${s.salesTotal}` +
          `${s.taxAdjustment !== 0 ? ` (消費税調整 ${s.taxAdjustment})` : ''} / 今回請求額 ${s.total} / 入金予定日 ${s.dueDate}${s.needsReview ? ' [要確認]' : ''}`,
      );
    }
    io.out(`請求書 ${result.statements.length}件を作成しました。`);
  }
  for (const k of result.skipped) io.err(`対象外 ${k.customer} ${k.customerName}: ${k.reason}`);
}

export const companySetCommand: CliCommand = {
  summary: '自社情報(会社名・登録番号・住所・電話)を登録します。登録番号はチェックディジットも確認します',
  usage: 'company:set --data-dir DIR --name 会社名 --registration-number T1234567890123 [--address 住所] [--phone 電話番号] [--postal-code 郵便番号]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      'registration-number': { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      'postal-code': { type: 'string' },
    });
    const name = required(args, 'name');
    const registrationNumber = typeof args['registration-number'] === 'string' ? args['registration-number'] : '';
    return withCliCore(required(args, 'data-dir'), async (core) => {
      const current = core.services.receivables.company.get();
      const saved = await call(core, 'company:save', {
        name,
        registrationNumber,
        postalCode: typeof args['postal-code'] === 'string' ? args['postal-code'] : (current.postalCode ?? ''),
        address1: typeof args.address === 'string' ? args.address : (current.address1 ?? ''),
        address2: typeof args.address === 'string' ? '' : (current.address2 ?? ''),
        phone: typeof args.phone === 'string' ? args.phone : (current.phone ?? ''),
        bankAccountIds: current.bankAccounts.map((b) => b.id),
      });
      const c = saved as { name: string; registrationNumber: string | null };
      io.out(`自社情報を保存しました: ${c.name}${c.registrationNumber ? ` (登録番号 ${c.registrationNumber})` : ' (登録番号なし: 適格請求書になりません)'}`);
      return 0;
    });
  },
};

/** Calls a channel through the core's dispatch (same validation as the app); errors become AppErrors. */
async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const r = await core.dispatch(channel, input, { via: 'cli' });
  if (!r.ok) {
    const fields = (r.error.fields ?? []).map((f) => f.message).join(' ');
    throw new AppError(r.error.code, fields && !r.error.message.includes(fields) ? `${r.error.message} ${fields}` : r.error.message, { retryable: r.error.retryable });
  }
  return r.value;
}

export const partnerBillingCommand: CliCommand = {
  summary: '得意先の請求条件(請求区分・締日・回収サイト・消費税計算単位)を設定します。締日の変更は次の期間から有効です',
  usage:
    'partner:billing --data-dir DIR --code 取引先コード --billing 締請求|個別請求 [--closing-day N|末日] [--collect-months N] [--collect-day N|末日] [--tax-unit slip|statement] [--rounding floor|ceil|round] [--holiday before|after] [--no-statement|--statement] [--opening-balance N]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      code: { type: 'string' },
      billing: { type: 'string' },
      'closing-day': { type: 'string' },
      'collect-months': { type: 'string' },
      'collect-day': { type: 'string' },
      'tax-unit': { type: 'string' },
      rounding: { type: 'string' },
      holiday: { type: 'string' },
      'no-statement': { type: 'boolean' },
      statement: { type: 'boolean' },
      'opening-balance': { type: 'string' },
    });
    const code = required(args, 'code');
    const billingArg = required(args, 'billing');
    const billing: '締' | '個別' | undefined = ({ 締請求: '締', 締: '締', 個別請求: '個別', 個別: '個別' } as Record<string, '締' | '個別'>)[billingArg];
    if (!billing) throw new CliUsageError(`--billing は「締請求」か「個別請求」を指定してください（指定値: ${billingArg}）。`);
    const bag = args as Record<string, unknown>;
    const str = (n: string) => (typeof bag[n] === 'string' ? (bag[n] as string) : undefined);
    const taxUnit = str('tax-unit');
    if (taxUnit !== undefined && !['slip', 'statement', '伝票単位', '請求単位'].includes(taxUnit)) throw new CliUsageError('--tax-unit は slip(伝票単位)か statement(請求単位)を指定してください。');
    const rounding = str('rounding');
    if (rounding !== undefined && !['floor', 'ceil', 'round'].includes(rounding)) throw new CliUsageError('--rounding は floor(切り捨て)、ceil(切り上げ)、round(四捨五入)のいずれかを指定してください。');
    const holiday = str('holiday');
    if (holiday !== undefined && !['before', 'after'].includes(holiday)) throw new CliUsageError('--holiday は before(前営業日)か after(翌営業日)を指定してください。');
    return withCliCore(required(args, 'data-dir'), async (core) => {
      const found = core.services.repos.partners.list({ query: code, limit: 1000 }).rows.find((p) => p.code === code);
      if (!found) throw new AppError('NOT_FOUND', `取引先コード「${code}」がありません。取引先マスタでコードを確認してください。`);
      if (found.kind !== '得意先') throw new AppError('VALIDATION', `取引先「${code}」は${found.kind}です。請求条件は得意先にだけ設定できます。`);
      const { id, confirmed, createdAt: _c, updatedAt: _u, ...current } = found;
      const closingDay = str('closing-day');
      const next: Record<string, unknown> = {
        ...current,
        taxDisplay: current.taxDisplay ?? '税込',
        billingType: billing,
        closingDay: billing === '個別' ? null : closingDay !== undefined ? day(closingDay, 'closing-day') : current.closingDay,
      };
      if (str('collect-months') !== undefined) next.collectMonths = integer(str('collect-months')!, 'collect-months', 0, 12);
      if (str('collect-day') !== undefined) next.collectDay = day(str('collect-day')!, 'collect-day');
      if (taxUnit !== undefined) next.taxUnit = taxUnit === 'statement' || taxUnit === '請求単位' ? '請求単位' : '伝票単位';
      if (rounding !== undefined) next.taxRounding = ({ floor: '切り捨て', ceil: '切り上げ', round: '四捨五入' } as const)[rounding as 'floor'];
      if (holiday !== undefined) next.holidayShift = holiday === 'before' ? '前営業日' : '翌営業日';
      if (args['no-statement'] === true) next.noStatement = true;
      if (args.statement === true) next.noStatement = false;
      if (str('opening-balance') !== undefined) next.openingBalance = integer(str('opening-balance')!, 'opening-balance', -99_999_999_999, 99_999_999_999);
      const parsed = partnerInput.safeParse(next);
      if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join(' '));
      const values: PartnerValues = parsed.data;
      // a confirmed 取引先 is edited as the screen would: 確定取消 → 保存 → 確定, here in one transaction
      const { repos, receivables } = core.services;
      repos.transaction(() => {
        receivables.guardPartnerUpdate(id, values);
        if (confirmed) repos.partners.setConfirmed(id, false);
        repos.partners.update(id, values);
        if (confirmed) repos.partners.setConfirmed(id, true);
      });
      const p = core.services.receivables.customers.byId(id);
      io.out(
        `${p.code} ${p.name}: ${p.billingType === '締' ? `締請求 (締日 ${p.closingDay === END_OF_MONTH_DAY ? '末日' : `${p.closingDay}日`})` : '個別請求'}・回収 ${p.collection.months}か月後の${p.collection.day === END_OF_MONTH_DAY ? '末日' : `${p.collection.day}日`}(休日は${p.collection.holidayShift})・消費税 ${p.taxUnit}${p.taxUnit === '請求単位' ? `(${p.taxRounding})` : ''}${p.noStatement ? '・請求書を発行しない(入金管理のみ)' : ''}`,
      );
      return 0;
    });
  },
};

export const paymentRecordCommand: CliCommand = {
  summary: '入金伝票を登録し、古い請求から順に(または --invoice で指定した請求伝票に)消込します',
  usage: 'payment:record --data-dir DIR --customer 取引先コード --date YYYY-MM-DD --amount N [--kind 振込] [--fee N] [--invoice [EC連携設定ID:]受注番号:金額 …] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(expandInvoiceArgs(argv), {
      'data-dir': { type: 'string' },
      customer: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      kind: { type: 'string' },
      fee: { type: 'string' },
      invoice: { type: 'string', multiple: true },
      memo: { type: 'string' },
      json: { type: 'boolean' },
    });
    const customer = required(args, 'customer');
    const on = date(args, 'date');
    const amount = integer(required(args, 'amount'), 'amount', 1, 99_999_999_999);
    const kind = typeof args.kind === 'string' ? args.kind : '振込';
    const fee = typeof args.fee === 'string' ? integer(args.fee, 'fee', 1, 99_999_999_999) : null;
    const wanted = (args.invoice ?? []).map((spec) => {
      const at = spec.lastIndexOf(':');
      if (at <= 0) throw new CliUsageError(`--invoice は「受注番号:金額」の形で指定してください（指定値: ${spec}）。`);
      return { name: spec.slice(0, at), amount: integer(spec.slice(at + 1), 'invoice', 1, 99_999_999_999) };
    });
    return withCliCore(required(args, 'data-dir'), async (core) => {
      const terms = core.services.receivables.customers.byCode(customer);
      const allocations = wanted.map((w) => {
        const inv = core.services.receivables.statements.invoiceByName(terms.id, w.name);
        if (!inv) throw new AppError('NOT_FOUND', `得意先「${customer}」の請求伝票「${w.name}」がありません。受注番号を確認してください。`);
        return { debitKind: 'invoice', debitId: inv.id, amount: w.amount };
      });
      const lines = [{ kind, amount }, ...(fee === null ? [] : [{ kind: '手数料', amount: fee }])];
      const r = (await call(core, 'payments:record', {
        customerId: terms.id,
        date: on,
        lines,
        ...(typeof args.memo === 'string' ? { memo: args.memo } : {}),
        ...(wanted.length > 0 ? { allocations } : {}),
      })) as { paymentId: number; allocations: { name: string; amount: number }[]; unallocated: number };
      const json = { paymentId: r.paymentId, allocations: r.allocations.map((a) => ({ invoice: a.name, amount: a.amount })), unallocated: r.unallocated };
      if (args.json === true) io.out(JSON.stringify(json));
      else {
        io.out(`入金伝票 No.${r.paymentId} を登録しました(${customer} ${on} ${lines.map((l) => `${l.kind} ${l.amount}`).join('・')})。`);
        for (const a of json.allocations) io.out(`  消込 ${a.invoice}: ${a.amount}`);
        io.out(`  未消込 ${r.unallocated}`);
      }
      return 0;
    });
  },
};

function closingCommand(verb: 'close' | 'issue'): CliCommand {
  return {
    summary:
      verb === 'close'
        ? '請求締め: 指定日が締日の締請求の得意先ごとに請求書を作成します(前回請求額・今回入金額・繰越金額・今回売上・今回請求額・入金予定日)'
        : '個別請求: 個別請求の得意先の請求伝票ごとに請求書を作成します(指定日までの未請求分)',
    usage: `billing:${verb} --data-dir DIR --date YYYY-MM-DD [--customer 取引先コード] [--json]`,
    async run(argv, io) {
      const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, date: { type: 'string' }, customer: { type: 'string' }, json: { type: 'boolean' } });
      const on = date(args, 'date');
      return withCliCore(required(args, 'data-dir'), async (core) => {
        const input = typeof args.customer === 'string' ? { date: on, customer: args.customer } : { date: on };
        const result = (await call(core, `billing:${verb}`, input)) as ClosingResult;
        printClosing(io, result, args.json === true);
        return 0;
      });
    },
  };
}

export const billingCloseCommand = closingCommand('close');
export const billingIssueCommand = closingCommand('issue');

export const billingUndoCommand: CliCommand = {
  summary: '締め取消: 請求書を取り消します(その得意先の最後の締めのみ)',
  usage: 'billing:undo --data-dir DIR --statement N',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, statement: { type: 'string' } });
    const id = integer(required(args, 'statement'), 'statement', 1, Number.MAX_SAFE_INTEGER);
    return withCliCore(required(args, 'data-dir'), async (core) => {
      await call(core, 'billing:undo', { id });
      io.out(`請求書 No.${id} を締め取消しました。`);
      return 0;
    });
  },
};

export const billingPdfCommand: CliCommand = {
  summary: '請求書PDF(適格請求書)を出力します(--date で締日の全得意先を1ファイルに)',
  usage: 'billing:pdf --data-dir DIR (--statement N | --date YYYY-MM-DD) --out FILE.pdf',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, statement: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } });
    const out = resolve(required(args, 'out'));
    const closingDate = optionalDate(args, 'date');
    if (closingDate === undefined && typeof args.statement !== 'string') throw new CliUsageError('--statement(請求書番号)か --date(締日)を指定してください。');
    return withCliCore(required(args, 'data-dir'), async (core) => {
      const pdf =
        closingDate !== undefined
          ? await core.services.receivables.pdf.batch(closingDate)
          : await core.services.receivables.pdf.statement(integer(args.statement as string, 'statement', 1, Number.MAX_SAFE_INTEGER));
      try {
        writeFileSync(out, pdf.bytes);
      } catch (e) {
        throw new AppError('NOT_FOUND', `「${out}」に書き込めません。出力先のフォルダと権限を確認してください。`, { cause: e });
      }
      io.out(`${out} に請求書PDF(${pdf.pages}ページ)を出力しました。`);
      return 0;
    });
  },
};

export const receivablesListCommand: CliCommand = {
  summary: '売掛金残高一覧(請求額累計・入金額累計・残高。未消込の入金も入金に含みます)',
  usage: 'receivables:list --data-dir DIR [--as-of YYYY-MM-DD] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } });
    const asOf = optionalDate(args, 'as-of');
    return withCliCore(required(args, 'data-dir'), (core) => {
      const r = core.services.receivables.ledger.balances(asOf);
      if (args.json === true) io.out(JSON.stringify(r.rows.map((x) => ({ customer: x.customer, invoiced: x.invoiced, received: x.received, balance: x.balance }))));
      else {
        io.out(`売掛金残高一覧 (${r.asOf} 時点)`);
        for (const x of r.rows) {
          io.out(`${x.customer}\t${x.customerName}\t請求 ${x.invoiced}\t入金 ${x.received}\t残高 ${x.balance}\t期日前 ${x.aging.current} / 1〜30日 ${x.aging.d30} / 31〜60日 ${x.aging.d60} / 61〜90日 ${x.aging.d90} / 91日以上 ${x.aging.over90}`);
        }
      }
      return 0;
    });
  },
};

export const receivablesScheduleCommand: CliCommand = {
  summary: '入金予定(得意先・入金予定日ごとの未入金額。期日を過ぎたものは「期日超過」)',
  usage: 'receivables:schedule --data-dir DIR [--as-of YYYY-MM-DD] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } });
    const asOf = optionalDate(args, 'as-of');
    return withCliCore(required(args, 'data-dir'), (core) => {
      const r = core.services.receivables.ledger.schedule(asOf);
      if (args.json === true) io.out(JSON.stringify(r.rows.map((x) => ({ customer: x.customer, dueDate: x.dueDate, amount: x.amount }))));
      else {
        io.out(`入金予定 (${r.asOf} 時点)`);
        for (const x of r.rows) io.out(`${x.dueDate}\t${x.customer}\t${x.customerName}\t${x.amount}${x.overdue ? '\t期日超過' : ''}`);
      }
      return 0;
    });
  },
};
