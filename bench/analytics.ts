// Cube's dashboard queries through /cubejs-api/v1/load with a STATISTICIAN
// token: cold (first call in a fresh server), warm (result cache), and
// `cache: 'no-cache'` (Cube 1.7's cache mode: skips the result cache, still
// reads the pre-aggregation), against the same aggregation run directly in SQL
// (the SQL Cube generates without pre-aggregations, from an in-process Cube
// mounted with preAggregations: false, executed through pg).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import { mountCube } from '../services/analytics/cube.ts';
import { createPrisma } from '../services/db.ts';
import { DEV_JWT_SECRET } from '../services/platform/config.ts';

export const DASHBOARDS: { name: string; label: string; query: Record<string, unknown> }[] = [
  {
    name: 'povertyByYear',
    label: 'poverty incidence by year',
    query: {
      measures: ['poverty.poverty_incidence', 'poverty.poor_persons', 'poverty.rural_population'],
      dimensions: ['poverty.year'],
      order: { 'poverty.year': 'asc' },
    },
  },
  {
    name: 'liftedByYear',
    label: 'lifted households by year',
    query: {
      measures: ['poverty.lifted_households', 'poverty.lifted_persons'],
      dimensions: ['poverty.year'],
      filters: [
        { member: 'poverty.year', operator: 'gte', values: ['2014'] },
        { member: 'poverty.year', operator: 'lte', values: ['2019'] },
      ],
      order: { 'poverty.year': 'asc' },
    },
  },
  {
    name: 'dualIncomeByTownship2020',
    label: 'dual income growth by township, 2020',
    query: {
      measures: [
        'dual_income.collective_income_growth',
        'dual_income.farmer_income_growth',
        'dual_income.dual_growth_villages',
        'dual_income.village_count',
      ],
      dimensions: ['dual_income.township'],
      filters: [{ member: 'dual_income.year', operator: 'equals', values: ['2020'] }],
    },
  },
  {
    name: 'employmentByChannel',
    label: 'employment by channel',
    query: {
      measures: ['employment.employed_persons', 'employment.average_monthly_wage'],
      dimensions: ['employment.channel'],
    },
  },
  {
    name: 'linkageCoverageByTownship',
    label: 'linkage coverage by township',
    query: {
      measures: ['benefit_linkage.linkage_coverage', 'benefit_linkage.contract_count'],
      dimensions: ['benefit_linkage.township'],
    },
  },
];

interface LoadAnswer {
  ms: number;
  status: number;
  error?: string;
  usedPreAggregations: string[];
  rows: number;
}

async function load(base: string, token: string, body: Record<string, unknown>): Promise<LoadAnswer> {
  // "Continue wait" (Cube still building/querying) is retried like @cubejs-client does; the wait is part of the latency.
  const started = performance.now();
  for (;;) {
    const r = await fetch(`${base}/cubejs-api/v1/load`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify(body),
    });
    const j = (await r.json()) as { error?: string; data?: unknown[]; usedPreAggregations?: Record<string, unknown> };
    if (j.error === 'Continue wait') continue;
    return {
      ms: performance.now() - started,
      status: r.status,
      error: j.error,
      usedPreAggregations: Object.keys(j.usedPreAggregations ?? {}),
      rows: j.data?.length ?? 0,
    };
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! * 10) / 10;
};
const stats = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });

export interface DashboardFigure {
  query: string;
  label: string;
  rows: number;
  usedPreAggregations: string[];
  coldMs: number;
  warmMs: { p50: number; p95: number; n: number };
  noCacheMs: { p50: number; p95: number; n: number };
  noCachePreAggregations: string[];
  directSqlMs: { p50: number; p95: number; n: number };
  errors: string[];
}

/** Cube's SQL for each dashboard without pre-aggregations (what runs against PostgreSQL otherwise). */
async function sourceSql(databaseUrl: string, token: string): Promise<Map<string, [string, unknown[]]>> {
  const app = express();
  // The token is checked against its session, so this Cube needs the API's client too.
  const prisma = createPrisma(databaseUrl, { poolSize: 1 });
  const cube = await mountCube(app, {
    databaseUrl,
    prisma,
    jwtSecret: DEV_JWT_SECRET,
    production: true,
    preAggregations: false,
    log: () => {},
  });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out = new Map<string, [string, unknown[]]>();
  try {
    for (const d of DASHBOARDS) {
      const r = await fetch(`${base}/cubejs-api/v1/sql?query=${encodeURIComponent(JSON.stringify(d.query))}`, {
        headers: { authorization: token },
      });
      const j = (await r.json()) as { sql?: { sql: [string, unknown[]] }; error?: string };
      if (j.sql) out.set(d.name, j.sql.sql);
    }
  } finally {
    server.close();
    await cube.shutdown();
    await prisma.$disconnect();
  }
  return out;
}

export async function measureAnalytics(
  base: string,
  databaseUrl: string,
  token: string,
  opts: { warm: number; noCache: number; sql: number },
): Promise<{ dashboards: DashboardFigure[]; renewQueryAccepted: string }> {
  const figures: DashboardFigure[] = [];
  // Cold: the first call per query in a freshly started server (empty result cache).
  const cold = new Map<string, LoadAnswer>();
  for (const d of DASHBOARDS) cold.set(d.name, await load(base, token, { query: d.query }));
  const sqls = await sourceSql(databaseUrl, token);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (const d of DASHBOARDS) {
      const errors: string[] = [];
      const c = cold.get(d.name)!;
      if (c.error) errors.push(`cold: ${c.error}`);
      const warm: number[] = [];
      for (let i = 0; i < opts.warm; i++) {
        const r = await load(base, token, { query: d.query });
        if (r.error) errors.push(r.error);
        else warm.push(r.ms);
      }
      const noCache: number[] = [];
      let used: string[] = [];
      for (let i = 0; i < opts.noCache; i++) {
        const r = await load(base, token, { query: d.query, cache: 'no-cache' });
        if (r.error) errors.push(r.error);
        else {
          noCache.push(r.ms);
          used = r.usedPreAggregations;
        }
      }
      const direct: number[] = [];
      const sql = sqls.get(d.name);
      if (!sql) errors.push('no SQL from /v1/sql');
      else
        for (let i = 0; i < opts.sql; i++) {
          const started = performance.now();
          await pool.query(sql[0].replace(/\$(\d+)\$/g, '$$$1'), sql[1]);
          direct.push(performance.now() - started);
        }
      figures.push({
        query: d.name,
        label: d.label,
        rows: c.rows,
        usedPreAggregations: c.usedPreAggregations,
        coldMs: Math.round(c.ms * 10) / 10,
        warmMs: stats(warm),
        noCacheMs: stats(noCache),
        noCachePreAggregations: used,
        directSqlMs: stats(direct),
        errors: [...new Set(errors)].slice(0, 3),
      });
    }
  } finally {
    await pool.end();
  }
  // Cube before 1.x took `renewQuery: true` inside the query; 1.7 validates the query and has `cache` instead.
  const renew = await load(base, token, { query: { ...DASHBOARDS[0]!.query, renewQuery: true } });
  return { dashboards: figures, renewQueryAccepted: renew.error ? `no: ${renew.error.slice(0, 120)}` : 'yes' };
}
