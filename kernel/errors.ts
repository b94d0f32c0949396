// The error type of the domain: a plain Error carrying `extensions.code`.
// graphql-js copies `extensions` from a resolver's error (GraphQLError's
// originalError), so rules can throw it without knowing GraphQL; the HTTP
// routes read the same code. Messages: Chinese first, English in parentheses.

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorExtensions = { code: ErrorCode } & Record<string, unknown>;

export class CodedError extends Error {
  override readonly name = 'CodedError';
  readonly extensions: ErrorExtensions;

  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.extensions = { code, ...extra };
  }

  get code(): ErrorCode {
    return this.extensions.code;
  }
}

export const unauthenticated = () => new CodedError('UNAUTHENTICATED', '请先登录 (authentication required)');

export const forbidden = (what = '该操作') =>
  new CodedError('FORBIDDEN', `${what}超出您的权限或管辖区域 (forbidden: outside your role or region)`);

export const notFound = (what: string, id?: string) =>
  new CodedError('NOT_FOUND', `${what}不存在或不在您的管辖区域 (not found${id ? `: ${id}` : ''})`);

/** A stale `version`: someone else changed the record first. */
export const conflict = (what: string) =>
  new CodedError('CONFLICT', `${what}已被他人修改，请刷新后重试 (the record was changed by someone else; reload and retry)`);

/** Bad input, naming the failing field (a dotted path into the mutation input). */
export const badInput = (field: string, reason: string) => new CodedError('BAD_USER_INPUT', `${field}: ${reason}`, { field });

/**
 * Errors the operator can act on: a wrong setting, an unreachable database, a
 * taken port, a data set that cannot be loaded. The message is one complete
 * sentence (Chinese / English) printed as-is, without a stack trace; the entry
 * point (services/main.ts, the seed's CLI) exits with `exitCode`.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  readonly exitCode: number;

  constructor(message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isStartupError(error: unknown): error is StartupError {
  return error instanceof StartupError;
}

/** First line of an unknown error's message, for embedding in a sentence. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}
