// Cube's REST API at /cubejs-api with the session's JWT (the same token as
// /graphql; Cube scopes every query to the token's region). Numbers are shown
// exactly as Cube returns them: nothing is recomputed here.
import { apiError } from '../data/graphql.ts';
import { getToken } from '../auth/session.ts';
import { tokenExpiry } from '../auth/authProvider.ts';

export interface CubeFilter {
  member: string;
  operator: 'equals' | 'notEquals' | 'gte' | 'lte' | 'set' | 'notSet' | 'contains';
  values?: string[];
}

export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  filters?: CubeFilter[];
  order?: Record<string, 'asc' | 'desc'>;
  limit?: number;
}

export type CubeRow = Record<string, string | number | boolean | null>;

export interface CubeMember {
  name: string;
  title?: string;
  shortTitle?: string;
  type?: string;
}

export interface CubeView {
  name: string;
  title?: string;
  measures: CubeMember[];
  dimensions: CubeMember[];
}

const BASE = '/cubejs-api/v1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = getToken();
  // Cube answers "Continue wait" while a query (or the model's first compile) is still running.
  for (let attempt = 0; attempt < 30; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${BASE}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}), ...(init.headers ?? {}) },
      });
    } catch (error) {
      throw apiError(`无法连接指标服务 (cannot reach Cube): ${(error as Error).message}`, 'NETWORK');
    }
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (body.error === 'Continue wait') {
      await sleep(Math.min(2000, 300 + attempt * 200));
      continue;
    }
    if (response.status === 401 || (response.status === 403 && token && (tokenExpiry(token) ?? Infinity) * 1000 <= Date.now())) {
      throw apiError(body.error ?? 'UNAUTHENTICATED', 'UNAUTHENTICATED');
    }
    if (response.status === 403) throw apiError(body.error ?? 'Forbidden', 'FORBIDDEN');
    if (!response.ok || body.error)
      throw apiError(body.error ?? `HTTP ${response.status}`, response.status === 400 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR');
    return body;
  }
  throw apiError('指标查询超时 (Cube did not answer in time)', 'INTERNAL_SERVER_ERROR');
}

export async function cubeLoad(query: CubeQuery): Promise<CubeRow[]> {
  const body = await call<{ data: CubeRow[] }>('/load', { method: 'POST', body: JSON.stringify({ query }) });
  return body.data ?? [];
}

/** The views (public cubes) with their members, for the report builder. */
export async function cubeMeta(): Promise<CubeView[]> {
  const body = await call<{ cubes: CubeView[] }>('/meta');
  return body.cubes ?? [];
}

export const YEARS_2014_2020 = ['2014', '2015', '2016', '2017', '2018', '2019', '2020'];

/** Cube member values as numbers for charts (null stays null). */
export const num = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** A measure for reading: rounded to 2 decimals on screen (callers keep Cube's exact string in title/data-value). */
export const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(value);
};
