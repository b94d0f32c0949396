// npm run db:seed -- [--reset] [--scale N] [--seed S]
// Loads the generated county data set into DATABASE_URL, with a progress bar.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_SEED, loadConfig } from '../services/platform/config.ts';
import { toolDatabase } from '../services/platform/database.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { isStartupError } from '../kernel/errors.ts';
import { terminal } from '../services/platform/terminal.ts';
import { loadCounty } from '../prisma/seed/index.ts';
import { SeedError } from '../prisma/seed/load.ts';
import { MAX_SCALE, MAX_SEED } from '../prisma/seed/generate.ts';

function fail(sentence: string): never {
  terminal.error(`db:seed: ${sentence}`);
  process.exit(1);
}

function integerOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max)
    fail(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return Number(raw);
}

async function main(): Promise<void> {
  let values: { reset?: boolean; scale?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { reset: { type: 'boolean' }, scale: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message} (usage: npm run db:seed -- [--reset] [--scale N] [--seed S]).`);
  }
  if (values.help) {
    terminal.print(
      'usage: npm run db:seed -- [--reset] [--scale N] [--seed S]\n  loads the generated county data set in one transaction into $DATABASE_URL, or into the embedded PostgreSQL of npm start',
    );
    return;
  }
  // Without DATABASE_URL: the embedded PostgreSQL of `npm start` (running or not).
  const database = await toolDatabase(loadConfig(), terminal.print).catch((error: unknown) =>
    fail(isStartupError(error) ? error.message : String(error)),
  );
  const url = database.url;
  await applyMigrations(url, terminal.print);
  const seed = integerOption('seed', values.seed ?? process.env.SEED, DEFAULT_SEED, 0, MAX_SEED);
  const scale = integerOption('scale', values.scale ?? process.env.SCALE, 1, 1, MAX_SCALE);

  const bar = new cliProgress.SingleBar(
    { format: '载入 / loading [{bar}] {percentage}% | {value}/{total} rows | {table}', hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const lines: string[] = [];
  let started = false;
  try {
    const result = await loadCounty(url, {
      seed,
      scale,
      reset: values.reset ?? false,
      log: (line) => (started ? lines.push(line) : terminal.print(line)),
      progress: ({ done, total, table, county }) => {
        if (!started) {
          bar.start(total, 0, { table: '' });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { table: `${county ?? 'reference'} ${table ?? ''}` });
      },
    });
    if (started) bar.stop();
    for (const line of lines) terminal.print(line);
    terminal.print(
      `完成 / done: ${result.rows.toLocaleString('en-US')} rows, ${result.households} households, ${result.persons} persons in ${result.seconds.toFixed(1)} s — ${Math.round(result.rows / result.seconds).toLocaleString('en-US')} rows/s (seed ${seed}, scale ${scale}, checksum ${result.checksum})`,
    );
  } catch (error) {
    if (started) bar.stop();
    for (const line of lines) terminal.print(line);
    if (error instanceof SeedError || error instanceof RangeError) fail(error.message);
    const e = error as { code?: string; message?: string };
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === '3D000' || e.code === '28P01') {
      fail(`cannot connect to the database in DATABASE_URL (${e.message}).`);
    }
    throw error;
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  terminal.error(`db:seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
