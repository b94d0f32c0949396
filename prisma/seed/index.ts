// Public API of the county data set (泗县 341324 and, with scale > 1, more
// counties), used by the server at start, the db:seed CLI and the tests.
import { generateParts } from './generate.ts';
import { Checksum } from './encode.ts';
import { TABLE_NAMES, emptyTables, type GeneratedCounty } from './model.ts';
import { loadParts, type LoadOptions, type LoadResult } from './load.ts';

export type { GeneratedCounty, Row, TableName, Tables } from './model.ts';
export type { LoadOptions, LoadResult, LoadProgress } from './load.ts';
export { TABLE_NAMES } from './model.ts';

/** Pure and in memory: every table's rows for `scale` counties (same seed → same rows). */
export function generateCounty(seed: number, scale: number): GeneratedCounty {
  const result: GeneratedCounty = { seed, scale, counties: [], tables: emptyTables() };
  for (const part of generateParts(seed, scale)) {
    if (part.county) result.counties.push(part.county);
    for (const name of TABLE_NAMES) {
      const into = result.tables[name];
      for (const row of part.tables[name]) into.push(row);
    }
  }
  return result;
}

/** sha256 over the rows as loaded (COPY lines), table by table in load order. */
export function checksumOf(county: GeneratedCounty): string {
  const sum = new Checksum();
  sum.addTables(county.tables);
  return sum.digest();
}

/**
 * Loads the data set in one transaction: with `reset`, every data table is
 * truncated first (RESTART IDENTITY; employment_channel and _prisma_migrations
 * are kept); without it the database must not hold a data set yet.
 */
export async function loadCounty(databaseUrl: string, opts: LoadOptions): Promise<LoadResult> {
  return loadParts(databaseUrl, opts, false);
}

/**
 * Loads the data set unless dataset_info says one is there (checked again under
 * an advisory lock inside the load's transaction, so two servers starting
 * together load it once).
 */
export async function loadCountyIfEmpty(
  databaseUrl: string,
  opts: { seed: number; scale: number; log?: (line: string) => void; password?: string },
): Promise<{ loaded: boolean; households: number; persons: number }> {
  const result = await loadParts(databaseUrl, { ...opts, reset: false }, true);
  return { loaded: result.loaded, households: result.households, persons: result.persons };
}
