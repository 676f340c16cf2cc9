/**
 * subscriptions:export reads the applications a chunk at a time (keyset on id) and writes the CSV as
 * it goes, instead of loading every application first. Over the real core (SQLite temp file,
 * dispatch). Oracle: the CSV of the very applications that were imported, written by the
 * whole-list serialiser from the fixture (not from the database), and the 2019 event's target rule
 * applied to the fixture.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseSubscriptionCsv } from '../../../src-main/core/subscriptions/subscription-csv';
import { toPlainApplication } from '../../../src-main/core/subscriptions/subscription-repository';
import { isTaxUpdateTarget } from '../../../src-shared/tax-update/rate-change-event';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { insertProducts, makeDataset } from './tax-update-fixture';

const COUNT = 2_345; // three chunks of 1,000, the last one partial

function csvOf(apps: Parameters<typeof serialiseSubscriptionCsv>[0], encoding: 'utf-8' | 'cp932'): Buffer {
  const r = serialiseSubscriptionCsv(apps, { encoding });
  if (!r.ok) throw new Error('fixture CSV');
  return Buffer.from(r.bytes);
}

describe('subscriptions:export streamed', () => {
  let t: TestCore;
  const data = makeDataset(23, COUNT);

  beforeEach(async () => {
    t = await makeTestCore();
    insertProducts(t.core.db, data.products);
    const contentBase64 = csvOf(data.apps, 'cp932').toString('base64');
    const r = await t.call<{ applications: number }>('subscriptions:import', { fileName: 'a.csv', contentBase64 });
    expect(r.applications).toBe(COUNT);
  });
  afterEach(() => t.close());

  it('every application, byte for byte the whole-list CSV, in both encodings', async () => {
    for (const encoding of ['utf-8', 'cp932'] as const) {
      const got = await t.call<{ fileName: string; contentBase64: string; rows: number }>('subscriptions:export', { encoding });
      expect(got.rows).toBe(COUNT);
      expect(got.fileName).toContain('定期申込');
      expect(Buffer.from(got.contentBase64, 'base64').equals(csvOf(data.apps, encoding))).toBe(true);
    }
  });

  it('only the targets of an event (the backup before the update)', async () => {
    const targets = data.apps.filter((a) => isTaxUpdateTarget(a, PRESET_2019));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.length).toBeLessThan(COUNT);
    const got = await t.call<{ fileName: string; contentBase64: string; rows: number }>('subscriptions:export', {
      encoding: 'utf-8',
      targetsOf: PRESET_2019.id,
    });
    expect(got.rows).toBe(targets.length);
    expect(got.fileName).toContain(`定期申込_自動更新対象_${PRESET_2019.id}`);
    expect(Buffer.from(got.contentBase64, 'base64').equals(csvOf(targets, 'utf-8'))).toBe(true);
  });

  it('the chunked read yields what the whole load does, in the same order, for any chunk size', () => {
    const repo = t.core.services.repos.subscriptions;
    const all = repo.loadAll();
    for (const chunk of [1, 7, 1000, 5000]) expect([...repo.iterateById(chunk)]).toEqual(all);
    expect(all.map(toPlainApplication)).toEqual(data.apps);
  });

  it('an application without items is still refused by its row (the whole-list path)', async () => {
    t.core.db
      .prepare(
        "insert into subscription_applications (code, customer_code, status, order_processed, standard_rate, reduced_rate, created_at, updated_at) values ('ZZ-EMPTY', 'C1', '継続中', 0, 10, 8, '2026-01-01T00:00:00+09:00', '2026-01-01T00:00:00+09:00')",
      )
      .run();
    expect(t.core.services.repos.subscriptions.hasApplicationWithoutItems()).toBe(true);
    const err = await t.call('subscriptions:export', { encoding: 'utf-8' }).then(
      () => null,
      (e: { data: { code: string; message: string; fields?: { message: string }[] } }) => e.data,
    );
    expect(err?.code).toBe('CSV_UNENCODABLE'); // what the whole-list export always answered
    expect(JSON.stringify(err)).toContain('ZZ-EMPTY');
  });
});
