import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../helpers/core';

describe('部門 master through the real dispatch and SQLite', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
  });
  afterEach(() => t.close());

  it('creates, lists, searches, confirms and refuses edits of a confirmed 部門', async () => {
    const a = await t.call<{ id: number; confirmed: boolean }>('departments:create', { code: 'D001', name: '営業部' });
    await t.call('departments:create', { code: 'D002', name: 'EC事業部' });
    expect(a.confirmed).toBe(false);

    const all = await t.call<{ rows: { code: string }[]; total: number }>('departments:list', {});
    expect(all.total).toBe(2);
    const found = await t.call<{ rows: { code: string }[] }>('departments:list', { query: 'EC' });
    expect(found.rows.map((r) => r.code)).toEqual(['D002']);

    const confirmed = await t.call<{ confirmed: boolean }>('departments:confirm', { id: a.id });
    expect(confirmed.confirmed).toBe(true);
    const locked = await t.core.dispatch('departments:update', { id: a.id, values: { code: 'D001', name: '変更' } });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('CONFIRMED_LOCKED');

    await t.call('departments:unconfirm', { id: a.id });
    const edited = await t.call<{ name: string }>('departments:update', { id: a.id, values: { code: 'D001', name: '営業一部' } });
    expect(edited.name).toBe('営業一部');
  });

  it('rejects a duplicate code with a message on the code field', async () => {
    await t.call('departments:create', { code: 'D001', name: '営業部' });
    const r = await t.core.dispatch('departments:create', { code: 'D001', name: '別' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.fields?.[0]?.path).toBe('code');
      expect(r.error.message).toContain('部門コード');
    }
  });

  it('reports every invalid field at once in Japanese', async () => {
    const r = await t.core.dispatch('departments:create', { code: 'あ', name: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      const paths = r.error.fields?.map((f) => f.path).sort();
      expect(paths).toEqual(['code', 'name']);
      expect(r.error.fields?.every((f) => /[ぁ-んァ-ン一-龥]/.test(f.message))).toBe(true);
    }
  });

  it('search treats % and _ literally', async () => {
    await t.call('departments:create', { code: 'A_1', name: '100%部門' });
    await t.call('departments:create', { code: 'AB1', name: '通常' });
    const r = await t.call<{ rows: { code: string }[] }>('departments:list', { query: '_' });
    expect(r.rows.map((x) => x.code)).toEqual(['A_1']);
    const p = await t.call<{ rows: { code: string }[] }>('departments:list', { query: '%' });
    expect(p.rows.map((x) => x.code)).toEqual(['A_1']);
  });

  it('seeds the standard tax classes and workflows on first run, confirmed', async () => {
    const tax = await t.call<{ rows: { name: string; rate: number; kind: string; confirmed: boolean }[] }>('taxClasses:list', {});
    expect(tax.rows.map((r) => [r.name, r.rate, r.kind, r.confirmed])).toEqual([
      ['非課税0%', 0, '非課税', true],
      ['軽減8%', 8, '軽減', true],
      ['標準10%', 10, '標準', true],
    ]);
    const wf = await t.call<{ rows: { name: string; kind: string }[] }>('workflows:list', { sortKey: 'name' });
    expect(wf.rows.map((r) => `${r.name}/${r.kind}`).sort()).toEqual(['入荷管理/入荷', '出荷管理/出荷', '在庫移動管理/在庫移動', '請求管理(繰越なし)/請求']);
  });
});
