// Scalars with exact semantics: money as decimal strings, calendar dates as YYYY-MM-DD.
import { Kind } from 'graphql';
import { Prisma } from '../db.ts';
import { CodedError, badInput } from './errors.ts';

const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Scalars do not know which input field they parse: name it when the caller does. */
const refuse = (field: string | undefined, reason: string) =>
  field ? badInput(field, reason) : new CodedError('BAD_USER_INPUT', reason);

/** Yuan with at most two decimals (fen), as a string both ways: never a float. */
export function parseMoney(value: unknown, field?: string): Prisma.Decimal {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !MONEY.test(text.trim())) {
    throw refuse(field, `金额格式错误，应为最多两位小数的数字字符串，如 "1234.56" (invalid decimal: ${JSON.stringify(value)})`);
  }
  return new Prisma.Decimal(text.trim());
}

export function serializeMoney(value: unknown): string {
  if (value instanceof Prisma.Decimal) return value.toFixed(2);
  if (typeof value === 'string' || typeof value === 'number') return new Prisma.Decimal(value).toFixed(2);
  throw new TypeError(`Decimal expected, got ${typeof value}`);
}

/** A calendar date stored as DATE; JavaScript Dates at UTC midnight. */
export function parseDate(value: unknown, field?: string): Date {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw refuse(field, `日期格式错误，应为 YYYY-MM-DD (invalid date: ${JSON.stringify(value)})`);
  }
  return date;
}

export function serializeDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.slice(0, 10);
  throw new TypeError('Date expected');
}

export const literalValue = (ast: { kind: string; value?: string }) =>
  ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined;
