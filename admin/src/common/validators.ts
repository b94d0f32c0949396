// Validation as you type, with the same pure checks the API runs
// (kernel/identifiers), so a bad code is caught before it is sent.
import { validateCreditCode } from '../../../kernel/identifiers/creditCode.ts';
import { validateResidentId } from '../../../kernel/identifiers/residentId.ts';
import { moneyText } from '../../../kernel/money.ts';

/** The identifier modules answer "中文 (English)": each language gets its half. */
function localized(reason: string) {
  const match = /^([\s\S]*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(reason);
  return { zh: match ? match[1]! : reason, en: match ? match[2]! : reason };
}

const message = (reason: string) => ({
  message: 'app.validation.identifier',
  args: { detail: localized(reason).zh, detail_en: localized(reason).en },
});

export const creditCode = (value: unknown) => {
  if (value == null || value === '') return undefined;
  const result = validateCreditCode(String(value));
  return result.ok ? undefined : message(result.reason);
};

export const residentId = (value: unknown) => {
  if (value == null || value === '') return undefined;
  const result = validateResidentId(String(value));
  return result.ok ? undefined : message(result.reason);
};

export const money = (value: unknown) => {
  if (value == null || value === '') return undefined;
  return moneyText(String(value)) !== null ? undefined : 'app.validation.money';
};

export const year = (min: number, max: number) => (value: unknown) => {
  if (value == null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? undefined : { message: 'app.validation.year', args: { min, max } };
};

export { localized };
