// Plain-fetch GraphQL client of the console: no introspection, no schema copy.
// Every failure becomes a react-admin HttpError carrying the API's error code,
// so the UI (checkError, forms, the conflict notice) can react to the code.
import { HttpError } from 'react-admin';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'NETWORK' | string;

export interface ApiErrorBody {
  code: ErrorCode;
  /** The input field named by BAD_USER_INPUT (without the `input.` prefix). */
  field?: string;
  /** react-admin shows these under the form's inputs (server-side validation). */
  errors?: Record<string, string>;
  graphQLErrors?: unknown[];
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
};

export function apiError(message: string, code: ErrorCode, extra: Partial<ApiErrorBody> = {}): HttpError {
  return new HttpError(message, STATUS[code] ?? 500, { code, ...extra } satisfies ApiErrorBody);
}

/** The API's first error as an HttpError; BAD_USER_INPUT with a field becomes a form error. */
export function toHttpError(errors: GraphQLErrorShape[], httpStatus: number): HttpError {
  const first = errors[0] ?? { message: `HTTP ${httpStatus}` };
  const code = first.extensions?.code ?? (httpStatus === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  const rawField = first.extensions?.field;
  const field = typeof rawField === 'string' ? rawField.replace(/^input\./, '') : undefined;
  if (code === 'BAD_USER_INPUT' && field) {
    // The API prefixes messages with "field: "; the form shows the message under the field itself.
    const prefix = [`${rawField}: `, `${field}: `].find((p) => first.message.startsWith(p));
    const reason = prefix ? first.message.slice(prefix.length) : first.message;
    return apiError(first.message, code, { field, errors: { [field]: reason }, graphQLErrors: errors });
  }
  return apiError(first.message, code, { graphQLErrors: errors });
}

export interface GraphQLClientOptions {
  url?: string;
  getToken?: () => string | null;
  fetch?: typeof fetch;
}

export type GraphQLRequest = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createGraphQLClient(options: GraphQLClientOptions = {}): GraphQLRequest {
  const url = options.url ?? '/graphql';
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const token = options.getToken?.() ?? null;
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw apiError(`无法连接服务器 (cannot reach the server): ${(error as Error).message}`, 'NETWORK');
    }
    let body: { data?: T | null; errors?: GraphQLErrorShape[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      const code = response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR';
      throw apiError(`服务器返回了无法解析的响应 (HTTP ${response.status})`, code);
    }
    if (body.errors?.length) throw toHttpError(body.errors, response.status);
    if (!response.ok || body.data == null)
      throw apiError(`请求失败 (HTTP ${response.status})`, response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
    return body.data;
  };
}

export const errorCode = (error: unknown): ErrorCode | undefined =>
  (error as { body?: ApiErrorBody } | null)?.body?.code ??
  ((error as { status?: number } | null)?.status === 401 ? 'UNAUTHENTICATED' : undefined);

/** A stale `version` (someone else saved first), as opposed to a duplicate value, which names a field or constraint. */
export function isVersionConflict(error: unknown): boolean {
  const body = (error as { body?: ApiErrorBody } | null)?.body;
  if (body?.code !== 'CONFLICT' || body.field) return false;
  const extensions = (body.graphQLErrors?.[0] as GraphQLErrorShape | undefined)?.extensions ?? {};
  return !('field' in extensions) && !('constraint' in extensions);
}
