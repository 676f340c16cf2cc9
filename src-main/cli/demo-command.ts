/**
 * `npm run demo [-- --data-dir DIR]`: the main job end to end without a BCart account. Starts the
 * BCart simulator in-process (demo shop, limiter off, only supported payment methods), runs the
 * 初期設定 (`init`) into a fresh data folder, then 出荷取込処理 until caught up to today, printing a
 * Japanese summary per run and the システムログ. Exit 0 when every run succeeded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { openCliTokenStore } from '../core/file-token-store';
import type { ImportOutcome } from '../core/import/run-import';
import { DEMO_SHOP, demoShopPort } from '../simulator';
import { parseCliArgs } from './args';
import { openCliCore } from './cli-core';
import type { CliCommand } from './cli-types';
import { importSummary, systemLogLines } from './import-report';

/** Upper bound of runs (30 days at 7 days per run need 5). */
const MAX_RUNS = 20;


export const demoCommand: CliCommand = {
  summary: 'デモ: BカートシミュレーターとデモデータでBカート連携の初期設定と出荷取込処理を実行します',
  usage: 'demo [--data-dir DIR]',
  async run(argv, io) {
    const args = parseCliArgs(argv, { 'data-dir': { type: 'string' } });
    const dataDir = typeof args['data-dir'] === 'string' && args['data-dir'] !== '' ? args['data-dir'] : mkdtempSync(join(tmpdir(), 'bcart-desk-demo-'));
    const today = jstDateOf(Date.now());
    const from = addDays(today, -DEMO_SHOP.days);
    const core = await openCliCore(dataDir, { tokenStore: openCliTokenStore(dataDir), demoShop: demoShopPort });
    try {
      const sim = await core.services.demo.shop();
      io.out(`デモ用のBカートシミュレーターを起動しました (${sim.url}、注文 ${DEMO_SHOP.orders} 件、受注日 ${from}〜${today})。`);
      io.out(`データフォルダ: ${dataDir}`);
      const setup = await core.services.initialSetup.run({ baseUrl: sim.url, token: sim.token, from, settingName: 'デモ', conventions: demoShopPort.conventions });
      io.out('初期設定:');
      for (const [label, codes] of Object.entries(setup.created)) if (codes.length > 0) io.out(`  ${label}: ${codes.length}件`);
      const outcomes: ImportOutcome[] = [];
      for (let i = 0; i < MAX_RUNS; i++) {
        const o = await core.services.imports.run({ settingId: setup.settingId, dryRun: false, trigger: 'cli' });
        outcomes.push(o);
        io.out('');
        for (const l of importSummary(o)) io.out(l);
        if (o.status !== 'succeeded' || o.caughtUp) break;
      }
      io.out('');
      io.out('システムログ:');
      for (const l of systemLogLines(core.services.repos.importRuns, outcomes.map((o) => o.runId))) io.out(l);
      const ok = outcomes.every((o) => o.status === 'succeeded') && outcomes.at(-1)?.caughtUp === true;
      const sum = (k: 'shipments' | 'invoices' | 'amount') => outcomes.reduce((n, o) => n + o.counts[k], 0);
      io.out('');
      if (ok) {
        io.out(`デモ完了: 出荷伝票 ${sum('shipments')} 件・請求伝票 ${sum('invoices')} 件（請求額 ¥${sum('amount').toLocaleString('en-US')}）を取り込みました。`);
        io.out(`未発送・一部発送の注文は出荷待ちとして記録し、次回以降の取込で確認します。`);
        return 0;
      }
      io.err('デモの出荷取込処理が完了しませんでした。上のシステムログを確認してください。');
      return 1;
    } finally {
      await core.services.demo.stop();
      core.close();
    }
  },
};
