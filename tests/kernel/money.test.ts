// Money as decimal text: checked and formatted without binary floats.
import { describe, expect, it } from 'vitest';
import { formatMoney, moneyText } from '../../kernel/money.ts';

describe('money', () => {
  it('accepts at most two decimals and twelve integer digits', () => {
    expect(moneyText(' 1234.5 ')).toBe('1234.5');
    expect(moneyText(12.34)).toBe('12.34');
    for (const bad of ['1.234', '1e3', '', 'NaN', '1234567890123', Number.POSITIVE_INFINITY, null]) expect(moneyText(bad), String(bad)).toBeNull();
  });

  it('formats with exactly two decimals by padding, not rounding', () => {
    expect(formatMoney('12.5')).toBe('12.50');
    expect(formatMoney(-3)).toBe('-3.00');
    expect(formatMoney('999999999999.99')).toBe('999999999999.99');
    expect(() => formatMoney('0.125')).toThrow(RangeError);
  });
});
