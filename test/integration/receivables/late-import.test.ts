/**
 * The closed-period check inside the real import (docs/receivables-rules.md, closed periods): the
 * books are closed for April while the import has only reached its first week; the runs that catch
 * up then bring 請求伝票 dated inside the closed period. Each is still imported, logged as 要確認
 * (CLOSED_PERIOD) by the import's own write, and billed on the next 請求書 marked late. The oracle is
 * the database itself: which invoices of a closed customer arrived after the closing, dated in it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClosingResult, StatementDetail } from '../../../src-shared/receivables/statements';
import { startImportHarness, type ImportHarness } from '../import/import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('an import reaching into a closed period', () => {
  it('imports the late invoices, logs each as 要確認, and the next 請求書 bills them marked late', async () => {
    h = await startImportHarness({ seed: 7, orders: 80, fromDate: '2025-04-01', toDate: '2025-05-01' });
    const db = h.t.core.db;
    const first = await h.run();
    expect(first.status).toBe('succeeded');
    // every 得意先 is billed 締 末日 with a 請求書 (the fixture's customers predate the terms)
    db.prepare(
      "update partners set billing_type = '締', closing_day = 31, no_statement = 0, tax_display = '税込' where kind = '得意先'",
    ).run();
    const april = await h.t.call<ClosingResult>('billing:close', { date: '2025-04-30' });
    expect(april.statements.length).toBeGreaterThan(0);
    const closed = new Set(april.statements.map((s) => s.customer));

    const rest = await h.catchUp();
    expect(rest.every((r) => r.status === 'succeeded')).toBe(true);
    const laterRuns = rest.map((r) => r.runId);
    const expected = (
      db
        .prepare(
          `select bcart_order_code as code from invoices where date <= '2025-04-30' and import_run_id in (${laterRuns.map(() => '?').join(',')})`,
        )
        .all(...laterRuns) as { code: string }[]
    )
      .map((r) => r.code)
      .filter((code) => closed.has(customerOf(code)))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const logged = db
      .prepare(`select order_code as code, level, message from system_logs where code = 'CLOSED_PERIOD' order by order_code`)
      .all() as {
      code: string;
      level: string;
      message: string;
    }[];
    expect(logged.map((l) => l.code)).toEqual(expected);
    for (const l of logged) {
      expect(l.level).toBe('warn');
      expect(l.message).toContain('2025-04-30まで');
    }

    // May's closing bills them, each marked late, on a 請求書 that needs review
    const may = await h.t.call<ClosingResult>('billing:close', { date: '2025-05-31' });
    const lateOnStatements: string[] = [];
    for (const s of may.statements) {
      const detail = await h.t.call<StatementDetail>('billing:get', { id: s.statementId });
      const late = detail.invoices.filter((i) => i.late).map((i) => i.name);
      expect(s.needsReview).toBe(late.length > 0);
      lateOnStatements.push(...late);
    }
    expect(lateOnStatements.sort()).toEqual(expected);

    function customerOf(orderCode: string): string {
      return (
        db.prepare('select p.code from invoices i join partners p on p.id = i.customer_id where i.bcart_order_code = ?').get(orderCode) as {
          code: string;
        }
      ).code;
    }
  });
});
