// Rows → PostgreSQL COPY text lines, and the data set's checksum over exactly
// those lines (so "same checksum" means "same bytes loaded").
import { createHash, type Hash } from 'node:crypto';
import { TABLE_NAMES, type Row, type TableName, type Tables, type Value } from './model.ts';

/** COPY text format escaping: backslash, tab, newline and carriage return. */
function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** An array literal {"a","b"}: every element quoted, quotes and backslashes escaped. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function field(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`non-finite number ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return escapeText(v);
  return escapeText(arrayLiteral(v));
}

export function columnsOf(rows: readonly Row[]): string[] {
  return rows.length ? Object.keys(rows[0]!) : [];
}

/** One COPY line (with its newline) in the given column order. */
export function copyLine(row: Row, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i]!];
    if (v === undefined) throw new Error(`row lacks column ${columns[i]}`);
    line += (i ? '\t' : '') + field(v);
  }
  return `${line}\n`;
}

/**
 * sha256 per table over its header (column names) and COPY lines, then sha256
 * over the per-table digests in load order. Parts can be added one at a time.
 */
export class Checksum {
  private readonly hashes = new Map<TableName, { hash: Hash; rows: number; header: boolean }>();

  /** A function that hashes one COPY line of `table` (the loader encodes each row once, for both). */
  sink(table: TableName, columns: readonly string[]): (line: string) => void {
    let entry = this.hashes.get(table);
    if (!entry) this.hashes.set(table, (entry = { hash: createHash('sha256'), rows: 0, header: false }));
    const e = entry;
    return (line: string) => {
      if (!e.header) {
        e.hash.update(`${columns.join('\t')}\n`);
        e.header = true;
      }
      e.hash.update(line);
      e.rows++;
    };
  }

  add(table: TableName, rows: readonly Row[]): void {
    const columns = columnsOf(rows);
    const sink = this.sink(table, columns);
    for (const row of rows) sink(copyLine(row, columns));
  }

  addTables(tables: Tables): void {
    for (const name of TABLE_NAMES) this.add(name, tables[name]);
  }

  digest(): string {
    const all = createHash('sha256');
    for (const name of TABLE_NAMES) {
      const entry = this.hashes.get(name);
      all.update(`${name}\t${entry?.rows ?? 0}\t${entry ? entry.hash.digest('hex') : '-'}\n`);
    }
    return all.digest('hex');
  }
}
