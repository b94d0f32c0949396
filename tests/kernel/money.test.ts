// Money as decimal text: the one rule the API's Decimal scalar and the console's forms check.
import { describe, expect, it } from 'vitest';
import { moneyText } from '../../kernel/money.ts';

describe('money', () => {
  it('accepts at most two decimals and twelve integer digits', () => {
    expect(moneyText(' 1234.5 ')).toBe('1234.5');
    expect(moneyText('-3')).toBe('-3');
    expect(moneyText(12.34)).toBe('12.34');
    for (const bad of ['1.234', '1e3', '', 'NaN', '1234567890123', Number.POSITIVE_INFINITY, null])
      expect(moneyText(bad), String(bad)).toBeNull();
  });
});
