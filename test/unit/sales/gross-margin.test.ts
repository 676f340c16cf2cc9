/** 粗利 / 粗利率 of a 売上分析 group: null without a complete 原価, one decimal rounded half away from zero. */
import { describe, expect, it } from 'vitest';
import { grossMargin, grossMarginRate } from '../../../src-shared/analysis/gross-margin';

describe('grossMargin / grossMarginRate', () => {
  it('粗利 = net − cost; none without a cost', () => {
    expect(grossMargin(10_000, 7_000)).toBe(3_000);
    expect(grossMargin(10_000, 12_500)).toBe(-2_500);
    expect(grossMargin(10_000, null)).toBeNull();
    expect(grossMargin(0, 0)).toBe(0);
  });
  it('粗利率 to one decimal, halves away from zero, no rate of a zero net', () => {
    expect(grossMarginRate(10_000, 3_000)).toBe('30.0%');
    expect(grossMarginRate(3, 1)).toBe('33.3%'); // 33.33…
    expect(grossMarginRate(3, 2)).toBe('66.7%'); // 66.66…
    expect(grossMarginRate(2_000, 1)).toBe('0.1%'); // 0.05 → 0.1
    expect(grossMarginRate(2_000, -1)).toBe('-0.1%'); // −0.05 → −0.1
    expect(grossMarginRate(10_000, -2_500)).toBe('-25.0%');
    expect(grossMarginRate(0, 100)).toBeNull();
    expect(grossMarginRate(10_000, null)).toBeNull();
    // exact where binary floats are not: 1,234,567 / 9,999,999 = 12.345671…
    expect(grossMarginRate(9_999_999, 1_234_567)).toBe('12.3%');
  });
});
