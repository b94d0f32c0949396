/**
 * The platform's one logger (pino): JSON lines, one per event, with the level
 * from LOG_LEVEL (default info). Every line written while an HTTP request is
 * being served carries that request's id (`requestId`), taken from an
 * AsyncLocalStorage that `requestIds()` opens per request, so deep code (audit
 * writes, Cube's logger, GraphQL's error formatting) never passes it by hand.
 *
 * Outside production, on a terminal, lines are pretty-printed by pino-pretty
 * (a development dependency; JSON when it is not installed). Secrets never
 * reach a line: known fields are redacted by path, and error texts have ID and
 * phone numbers masked (a PostgreSQL `detail` can quote a row's values).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { NextFunction, Request, Response } from 'express';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger } from 'pino';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Fields never logged: at the top level and inside the objects a line may carry (pino's redact paths). */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'passwordHash',
  'token',
  'authorization',
  'cookie',
  'jwtSecret',
  'secret',
  'idNumber',
  'phone',
  'databaseUrl',
];
// Named parents, not `*.field`: wildcards made every line about 8 times slower here (~110 µs against ~12 µs).
const SECRET_PARENTS = ['input', 'variables', 'user', 'viewer', 'params', 'headers', 'req.headers'];
const REDACT_PATHS = [...SECRET_FIELDS, ...SECRET_PARENTS.flatMap((p) => SECRET_FIELDS.map((f) => `${p}.${f}`))];

// A resident ID (17 digits and a digit or X) or a mainland mobile number inside free text.
const ID_NUMBER_TEXT = /(?<![0-9])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9])/g;
const PHONE_TEXT = /(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g;

/** `text` with ID and mobile numbers masked the way the API masks them. */
export function scrubText(text: string): string {
  return text.replace(ID_NUMBER_TEXT, '$1********$2').replace(PHONE_TEXT, '$1****$2');
}

/** Every string in `value` scrubbed, a few levels deep (an error's cause, a driver's meta). */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (!value || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** pino's error serializer, with every text the error carries scrubbed (a PostgreSQL detail quotes row values). */
function errorSerializer(error: unknown): unknown {
  return scrubDeep(pino.stdSerializers.err(error as Error));
}

function levelFromEnv(raw = process.env.LOG_LEVEL): { level: string; invalid?: string } {
  const value = raw?.trim().toLowerCase();
  if (!value) return { level: 'info' };
  return LEVELS.includes(value) ? { level: value } : { level: 'info', invalid: raw };
}

/** Readable lines for a developer at a terminal; null where JSON is wanted or pino-pretty is absent. */
function prettyStream(): DestinationStream | null {
  if (process.env.NODE_ENV === 'production' || !process.stdout.isTTY) return null;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (o: object) => DestinationStream;
    return pretty({
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      messageFormat: '{if component}{component} {end}{if requestId}[{requestId}] {end}{msg}',
      ignore: 'pid,hostname,component,requestId',
    });
  } catch {
    return null;
  }
}

// Lines go through this indirection so a test can read them (setLogDestination).
let target: DestinationStream = prettyStream() ?? pino.destination({ dest: 1, sync: true });
const destination: DestinationStream = { write: (line: string) => target.write(line) };

interface RequestInfo {
  requestId: string;
}
const requestStore = new AsyncLocalStorage<RequestInfo>();

/** The id of the HTTP request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestStore.getStore()?.requestId;
}

const configured = levelFromEnv();

export const logger: Logger = pino(
  {
    level: configured.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // A requestId given explicitly (Cube's, outside the request's async context) wins.
    mixin: () => {
      const id = currentRequestId();
      return id ? { requestId: id } : {};
    },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errorSerializer, error: errorSerializer },
  },
  destination,
);

if (configured.invalid !== undefined) {
  logger.warn(`LOG_LEVEL 取值无效，使用 info / LOG_LEVEL "${configured.invalid}" is not one of ${LEVELS.join(', ')}; using info`);
}

/** A `(line) => void` for code that reports progress as sentences (startup, migrations, the data set). */
export function lineLogger(component: string, level: Level = 'info'): (line: string) => void {
  const child = logger.child({ component });
  return (line) => child[level](line);
}

/** Sends log lines to `stream` until the returned function is called (tests read lines this way). */
export function setLogDestination(stream: DestinationStream): () => void {
  const previous = target;
  target = stream;
  return () => {
    target = previous;
  };
}

/** What an incoming X-Request-Id may be: short, and only characters safe in a header, a log and a URL. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function acceptRequestId(raw: unknown): string | null {
  return typeof raw === 'string' && REQUEST_ID.test(raw) ? raw : null;
}

const http = logger.child({ component: 'http' });

/**
 * Express middleware, first on the app: gives the request an id (the caller's
 * X-Request-Id when acceptable, else a new UUID), echoes it in the response,
 * runs the rest of the request inside its log context and logs one line when
 * the response ends (path without the query string, which can carry personal data).
 */
export function requestIds() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = acceptRequestId(req.headers['x-request-id']) ?? randomUUID();
    // Cube reads the header for its own request id: let it see the same one.
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?')[0] ?? '';
    // 'close' runs outside the request's context: the id is given explicitly.
    res.once('close', () => {
      const line = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 10_000n) / 100,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const level: Level = path === '/healthz' ? 'debug' : res.statusCode >= 500 ? 'warn' : 'info';
      http[level](line, 'request');
    });
    requestStore.run({ requestId }, next);
  };
}
