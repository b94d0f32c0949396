// Money is yuan with at most two decimals (fen), carried as a decimal string
// end to end (API, console, exports): never a binary float. The server turns
// the checked text into a Prisma Decimal (graphql/scalars.ts); the console
// checks its form fields with the same rule before sending the text.

/** Up to 12 integer digits (a county's budget fits) and at most two decimals. */
export const MONEY_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

/** The checked decimal text of a string or finite number, or null when it is not an amount. */
export function moneyText(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return MONEY_PATTERN.test(trimmed) ? trimmed : null;
}
