/**
 * Every master list search forgives kana, width and case through the real SQLite connection
 * (search_fold registered in db/open.ts), and 取引先 / 商品 sort by フリガナ.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../helpers/core';

type List = { rows: { code: string; kana: string }[]; total: number };

describe('list search folds hiragana / katakana, full / half width and case', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
  });
  afterEach(() => t.close());

  it('ほてる, ﾎﾃﾙ and ＨＯＴＥＬ find ホテル; フリガナ is stored as katakana and searched', async () => {
    await t.call('partners:create', { code: 'C001', name: 'ホテル銀座', kind: '得意先', billingType: '個別', closingDay: '', taxDisplay: '税込' });
    await t.call('partners:create', { code: 'C002', name: 'HOTEL PARK', kind: '得意先', billingType: '個別', closingDay: '', taxDisplay: '税込' });
    await t.call('partners:create', { code: 'C003', name: '山田商店', kana: 'やまだしょうてん', kind: '得意先', billingType: '個別', closingDay: '', taxDisplay: '税込' });
    const codes = async (query: string) => (await t.call<List>('partners:list', { query })).rows.map((r) => r.code);
    expect(await codes('ほてる')).toEqual(['C001']);
    expect(await codes('ﾎﾃﾙ')).toEqual(['C001']);
    expect(await codes('ＨＯＴＥＬ')).toEqual(['C002']);
    expect(await codes('hotel')).toEqual(['C002']);
    expect(await codes('ﾔﾏﾀﾞ')).toEqual(['C003']);
    expect(await codes('ｃ００３')).toEqual(['C003']);
    expect(await codes('旅館')).toEqual([]);
    // a LIKE wildcard typed by the clerk is matched literally
    expect(await codes('%')).toEqual([]);
    const c3 = (await t.call<List>('partners:list', { query: 'C003' })).rows[0]!;
    expect(c3.kana).toBe('ヤマダショウテン');
  });

  it('商品: full-width codes become half width; search by フリガナ; sort by フリガナ', async () => {
    const base = { unitQuantity: 1, inventoryTracked: true, unitPrice: 100 };
    const p = await t.call<{ code: string }>('products:create', { ...base, code: 'ＰＲ－００１', name: '珈琲豆', kana: 'こーひーまめ' });
    expect(p.code).toBe('PR-001');
    await t.call('products:create', { ...base, code: 'PR-002', name: '紅茶', kana: 'コウチャ' });
    await t.call('products:create', { ...base, code: 'PR-003', name: '緑茶', kana: 'ﾘｮｸﾁｬ' });
    const list = async (input: object) => (await t.call<List>('products:list', input)).rows.map((r) => r.code);
    expect(await list({ query: 'コーヒー' })).toEqual(['PR-001']);
    expect(await list({ query: 'pr-00' })).toEqual(['PR-001', 'PR-002', 'PR-003']);
    // コウチャ < コーヒーマメ < リョクチャ in Unicode order of the stored katakana
    expect(await list({ sortKey: 'kana', sortDir: 'asc' })).toEqual(['PR-002', 'PR-001', 'PR-003']);
    expect(await list({ sortKey: 'kana', sortDir: 'desc' })).toEqual(['PR-003', 'PR-001', 'PR-002']);
  });
});
