// Scalars with exact semantics: money as decimal strings, calendar dates as
// YYYY-MM-DD (the rules are the kernel's: kernel/money.ts, kernel/dates.ts).
import { Kind } from 'graphql';
import { Prisma } from '../db.ts';
import { isoDate, parseIsoDate } from '../../kernel/dates.ts';
import { moneyText } from '../../kernel/money.ts';
import { CodedError, badInput } from './errors.ts';

/** Scalars do not know which input field they parse: name it when the caller does. */
const refuse = (field: string | undefined, reason: string) => (field ? badInput(field, reason) : new CodedError('BAD_USER_INPUT', reason));

/** Yuan with at most two decimals (fen), as a string both ways: never a float. */
export function parseMoney(value: unknown, field?: string): Prisma.Decimal {
  const text = moneyText(value);
  if (text === null) {
    throw refuse(field, `金额格式错误，应为最多两位小数的数字字符串，如 "1234.56" (invalid decimal: ${JSON.stringify(value)})`);
  }
  return new Prisma.Decimal(text);
}

export function serializeMoney(value: unknown): string {
  if (value instanceof Prisma.Decimal) return value.toFixed(2);
  if (typeof value === 'string' || typeof value === 'number') return new Prisma.Decimal(value).toFixed(2);
  throw new TypeError(`Decimal expected, got ${typeof value}`);
}

/** A calendar date stored as DATE; JavaScript Dates at UTC midnight. */
export function parseDate(value: unknown, field?: string): Date {
  const date = typeof value === 'string' ? parseIsoDate(value) : null;
  if (!date) {
    throw refuse(field, `日期格式错误，应为 YYYY-MM-DD (invalid date: ${JSON.stringify(value)})`);
  }
  return date;
}

export function serializeDate(value: unknown): string {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'string') return value.slice(0, 10);
  throw new TypeError('Date expected');
}

export const literalValue = (ast: { kind: string; value?: string }) =>
  ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined;
