/** BCart's stock write syntax: number overwrites, "+N" adds, "+-N" subtracts, anything else is invalid. */
import { describe, expect, it } from 'vitest';
import { applyStockOp, parseStockValue } from '../../../src-main/simulator/stock-value';

describe('parseStockValue / applyStockOp', () => {
  it.each([
    [5, 10, 5],
    ['7', 10, 7],
    [0, 10, 0],
    ['+3', 10, 13],
    ['+-3', 10, 7],
    ['+-15', 10, -5],
    ['+0', 10, 10],
    ['+4', null, 4],
  ] as const)('%j on %j → %j', (value, current, expected) => {
    const op = parseStockValue(value);
    expect(op).not.toBeNull();
    expect(applyStockOp(current, op!)).toBe(expected);
  });

  it.each([['abc'], ['+'], ['+-'], ['-+3'], ['++3'], [1.5], ['1.5'], [null], [undefined], [{}], [''], ['+ 3'], [Number.NaN]])(
    '%j is invalid',
    (value) => {
      expect(parseStockValue(value)).toBeNull();
    },
  );
});
