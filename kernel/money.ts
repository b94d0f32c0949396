// Money is yuan with at most two decimals (fen), carried as a decimal string
// end to end (API, console, exports): never a binary float. The server turns
// the checked text into a Prisma Decimal; the console sends it as it is.

/** Up to 12 integer digits (a county's budget fits) and at most two decimals. */
export const MONEY_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

/** The checked decimal text of a string or finite number, or null when it is not an amount. */
export function moneyText(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return MONEY_PATTERN.test(trimmed) ? trimmed : null;
}

/** Exactly two decimals (`12.5` → `12.50`, `-3` → `-3.00`) by string padding, so no float rounding. */
export function formatMoney(value: string | number): string {
  const text = moneyText(value);
  if (text === null) throw new RangeError(`not an amount of money: ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
