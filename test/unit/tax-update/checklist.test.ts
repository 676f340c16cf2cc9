/**
 * The 確認事項 shared by screen and main: stable unique ids, every item of docs/tax-rules.md#the-checklist present, and
 * missingChecklistIds that only a complete list satisfies.
 */
import { describe, expect, it } from 'vitest';
import { TAX_UPDATE_CHECKLIST, TAX_UPDATE_CHECKLIST_IDS, missingChecklistIds } from '../../../src-shared/tax-update/checklist';

describe('tax-update checklist', () => {
  it('has unique ids and covers every 確認事項', () => {
    expect(new Set(TAX_UPDATE_CHECKLIST_IDS).size).toBe(TAX_UPDATE_CHECKLIST.length);
    const text = TAX_UPDATE_CHECKLIST.map((c) => c.text).join('\n');
    for (const phrase of ['一回のみ', '受付停止', 'ダウンロード', '販売価格(初回)', 'オプション価格', '削除済み', '特定の商品', '1円単位', '編集', '商品管理ツール', '受付再開']) {
      expect(text).toContain(phrase);
    }
  });

  it('only the complete list passes, in any order, duplicates and extras ignored', () => {
    expect(missingChecklistIds([...TAX_UPDATE_CHECKLIST_IDS].reverse())).toEqual([]);
    expect(missingChecklistIds([...TAX_UPDATE_CHECKLIST_IDS, 'extra', 'once-only'])).toEqual([]);
    expect(missingChecklistIds([])).toEqual(TAX_UPDATE_CHECKLIST_IDS);
    for (const id of TAX_UPDATE_CHECKLIST_IDS) {
      expect(missingChecklistIds(TAX_UPDATE_CHECKLIST_IDS.filter((x) => x !== id))).toEqual([id]);
    }
  });
});
