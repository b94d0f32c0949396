/**
 * Errors the operator can act on: a wrong setting, an unreachable database, a
 * taken port. The message is one complete sentence (Chinese / English) that is
 * printed as-is, without a stack trace; `services/main.ts` exits with `exitCode`.
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
