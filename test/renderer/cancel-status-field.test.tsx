import { describe, expect, it } from 'vitest';
import { emptyEcSetting } from '../../src-shared/ec-settings/ec-setting';
import { splitStatuses, toFormValues, toInput } from '../../src-renderer/features/ec-settings/ec-setting-fields';

describe('キャンセル扱いの対応状況 on the EC連携設定 form', () => {
  it('shows the list joined by 「、」 and reads 、 , ， and newlines back as separate names', () => {
    const form = toFormValues({ ...emptyEcSetting('2025-05-01'), cancelStatuses: ['キャンセル', '取消し'] });
    expect(form['cancelStatuses']).toBe('キャンセル、取消し');
    expect(toInput({ ...form, cancelStatuses: 'キャンセル, 取消し，返品キャンセル\n 注文取消 ' }).cancelStatuses).toEqual(['キャンセル', '取消し', '返品キャンセル', '注文取消']);
    expect(splitStatuses(' 、 ')).toEqual([]);
  });
});
