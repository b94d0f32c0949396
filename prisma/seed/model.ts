// Shared shapes of the generator: rows, tables in load order, id counters and
// the small formatting helpers that keep values canonical (money as fen
// integers printed with two decimals, dates as 'YYYY-MM-DD', timestamps with
// an explicit +08 offset) so the data never depends on float noise or the
// machine's time zone.

/** One column value, ready for COPY: arrays become PostgreSQL array literals. */
export type Value = string | number | boolean | null | readonly string[];
/** A row keyed by database column name (snake_case), in the table's column order. */
export type Row = Record<string, Value>;

/**
 * Every table the generator fills, in an order that satisfies the foreign
 * keys (parents first). `serial` tables get their sequence set after the load.
 * employment_channel (reference rows from the migration), audit_log and
 * dataset_info are not here: the loader writes dataset_info itself.
 */
export const TABLES = [
  ['industry', true],
  ['screening_rule', false],
  ['township', false],
  ['village', false],
  ['village_statistic', false],
  ['village_clinic', false],
  ['water_plant', true],
  ['water_quality_check', true],
  ['household', true],
  ['person', true],
  ['income_record', true],
  ['family_doctor_contract', true],
  ['family_doctor_follow_up', true],
  ['house_renovation', true],
  ['relocation', true],
  ['business_entity', true],
  ['business_entity_industry', false],
  ['benefit_linkage_contract', true],
  ['contract_payout', true],
  ['village_collective_income', true],
  ['village_cadre_pay', true],
  ['employment', true],
  ['cadre', true],
  ['cadre_assignment', true],
  ['region_pledge', true],
  ['inspection_visit', true],
  ['visit', true],
  ['visit_aspect_result', false],
  ['risk_point', true],
  ['look_back_review', true],
  ['app_user', true],
  ['department_import', true],
  ['department_record', true],
  ['alert', true],
  ['warning', true],
  ['monitoring_case', true],
  ['case_transition', true],
  ['safety_net_enrolment', true],
  ['assistance_plan', true],
  ['assistance_measure', true],
  ['insurance_policy', true],
  ['insurance_claim', true],
  ['service_window', true],
  ['service_request', true],
  ['service_routing', true],
  ['love_supermarket', true],
  ['points_ledger_entry', true],
] as const satisfies readonly (readonly [string, boolean])[];

export type TableName = (typeof TABLES)[number][0];
export const TABLE_NAMES: readonly TableName[] = TABLES.map(([name]) => name);
export const SERIAL_TABLES: readonly TableName[] = TABLES.filter(([, serial]) => serial).map(([name]) => name);

export type Tables = Record<TableName, Row[]>;

export function emptyTables(): Tables {
  const t = {} as Tables;
  for (const name of TABLE_NAMES) t[name] = [];
  return t;
}

/**
 * The generated data set: rows per table, all counties together. `counties`
 * lists the division codes in generation order.
 */
export interface GeneratedCounty {
  seed: number;
  scale: number;
  counties: { code: string; name: string }[];
  tables: Tables;
}

/** Next explicit id per serial table, carried from one county to the next. */
export class Ids {
  private readonly next = new Map<string, number>();
  take(table: TableName): number {
    const id = this.next.get(table) ?? 1;
    this.next.set(table, id + 1);
    return id;
  }
  /** The largest id handed out so far (0 if none). */
  max(table: TableName): number {
    return (this.next.get(table) ?? 1) - 1;
  }
}

// ───────────── money ─────────────

/** Integer fen → '1234.56'. */
export function yuan(fen: number): string {
  const f = Math.round(fen);
  const sign = f < 0 ? '-' : '';
  const a = Math.abs(f);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Yuan (any real) → integer fen. */
export const fen = (yuanAmount: number): number => Math.round(yuanAmount * 100);

// ───────────── dates ─────────────
// A "day" is a day number (days since 1970-01-01); all arithmetic is in UTC,
// so the calendar never shifts with the server's time zone.

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): number {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

const dateCache = new Map<number, string>();
export function dateStr(d: number): string {
  let s = dateCache.get(d); // ~50,000 distinct days at most: cheaper than toISOString per row
  if (s === undefined) dateCache.set(d, (s = new Date(d * MS_PER_DAY).toISOString().slice(0, 10)));
  return s;
}

export function yearOf(d: number): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** A China-time timestamp: 'YYYY-MM-DD HH:MM:SS+08'. */
export function stamp(d: number, minuteOfDay: number): string {
  const m = Math.max(0, Math.min(1439, Math.floor(minuteOfDay)));
  return `${dateStr(d)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08`;
}

/** The data set describes the county as of the end of 2020 (the source report's year). */
export const AS_OF_YEAR = 2020;
export const AS_OF = day(2020, 12, 31);
/** updated_at of every generated row: the close of the data set, not the load time. */
export const AS_OF_STAMP = stamp(AS_OF, 18 * 60);

export const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020] as const;

/** Poverty line (yuan per capita per year, the national line at current prices) by year. */
export const POVERTY_LINE: Readonly<Record<number, number>> = {
  2014: 2800,
  2015: 2855,
  2016: 3146,
  2017: 3335,
  2018: 3535,
  2019: 3747,
  2020: 4000,
};
/** Edge-household monitoring line for 2020 (the seed's 5,000 yuan); earlier years scale with the poverty line. */
export const MONITORING_LINE_2020 = 5000;
