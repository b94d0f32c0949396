// The calibrated county data set, as loaded by tests/globalSetup.ts (this file
// reads a clone of it): every figure of the source report, checked with SQL
// against the real database, the validity of every generated identifier,
// consistency rules, and determinism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { checksumOf, generateCounty } from '../../prisma/seed/index.ts';
import { validateCreditCode, validateResidentId } from '../../kernel/identifiers/index.ts';
import { verifyPassword } from '../../kernel/password.ts';
import { testDatabaseUrl } from '../support/database.ts';

const GENERATION_TIMEOUT = 600_000;

const url = testDatabaseUrl();
let client: pg.Client;
/** Seed and scale of the loaded data set; figures are per county. */
let seed = 0;
let scale = 1;

async function one<T = number>(sql: string, params: unknown[] = []): Promise<T> {
  const r = await client.query(sql, params);
  const value = Object.values(r.rows[0] as Record<string, unknown>)[0];
  return (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value) as T;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const info = await client.query<{ seed: number; scale: number }>('SELECT seed, scale FROM dataset_info');
  expect(info.rowCount).toBe(1);
  seed = info.rows[0]!.seed;
  scale = info.rows[0]!.scale;
});

afterAll(async () => {
  await client?.end();
});

describe('figures of the source report (per county)', () => {
  it('has 16 townships, 187 villages and 65 formerly poor villages that exited in 2014–2019', async () => {
    expect(await one('SELECT count(*) FROM township')).toBe(16 * scale);
    expect(await one('SELECT count(*) FROM village')).toBe(187 * scale);
    expect(await one('SELECT count(*) FROM village WHERE formerly_poor AND exit_year BETWEEN 2014 AND 2019')).toBe(65 * scale);
    expect(await one('SELECT count(*) FROM village WHERE formerly_poor <> (exit_year IS NOT NULL)')).toBe(0);
    expect(await one("SELECT count(*) FROM township WHERE code NOT LIKE county_code || '%' OR length(code) <> 9")).toBe(0);
    expect(
      await one(
        "SELECT count(*) FROM village WHERE code NOT LIKE township_code || '%' OR township_code NOT LIKE county_code || '%' OR length(code) <> 12",
      ),
    ).toBe(0);
    expect(await one("SELECT count(*) FROM township WHERE code = '341324100'")).toBe(1);
  });

  it('lifted 24,862 registered households with 72,385 persons in 2014–2019', async () => {
    const lifted = "FROM household h WHERE h.registered AND h.status = 'LIFTED' AND h.lifted_year BETWEEN 2014 AND 2019";
    expect(await one(`SELECT count(*) ${lifted}`)).toBe(24_862 * scale);
    expect(await one(`SELECT count(*) FROM person p WHERE p.household_id IN (SELECT h.id ${lifted})`)).toBe(72_385 * scale);
    // Most lifted in 2014–2016, few in 2019.
    const byYear = await client.query<{ y: number; n: string }>(`SELECT h.lifted_year AS y, count(*) AS n ${lifted} GROUP BY 1 ORDER BY 1`);
    const n = Object.fromEntries(byYear.rows.map((r) => [r.y, Number(r.n)]));
    expect(n[2014]! + n[2015]! + n[2016]!).toBeGreaterThan((24_862 * scale) / 2);
    expect(n[2019]!).toBeLessThan(n[2016]! / 5);
  });

  const incidence = (year: number) =>
    one<string>(
      `
    SELECT round(100.0 * (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
                          WHERE h.registered AND h.registered_year <= $1 AND (h.lifted_year IS NULL OR h.lifted_year > $1))
                 / (SELECT sum(rural_population) FROM village_statistic WHERE year = $1), 2)`,
      [year],
    );

  it('has a poverty incidence of 0.22 % at the end of 2019, and about 9 % in 2014', async () => {
    expect(await incidence(2019)).toBe('0.22');
    const y2014 = Number(await incidence(2014));
    expect(y2014).toBeGreaterThanOrEqual(8.5);
    expect(y2014).toBeLessThanOrEqual(11);
    // Still-poor households exist (NOT_LIFTED, no lifted year).
    expect(await one("SELECT count(*) FROM household WHERE status = 'NOT_LIFTED' AND lifted_year IS NULL AND registered")).toBeGreaterThan(
      0,
    );
    // Rural population ≈ 780,000 per county, one statistic per village and year 2014–2020.
    const rural = await one('SELECT sum(rural_population) FROM village_statistic WHERE year = 2019');
    expect(rural / scale).toBeGreaterThan(760_000);
    expect(rural / scale).toBeLessThan(800_000);
    expect(await one('SELECT count(*) FROM village_statistic WHERE year BETWEEN 2014 AND 2020')).toBe(187 * 7 * scale);
  });

  it('has 11,272 assistance cadres, 457 of them section-level, about 20 county leaders', async () => {
    expect(await one('SELECT count(*) FROM cadre')).toBe(11_272 * scale);
    expect(await one("SELECT count(*) FROM cadre WHERE level = 'SECTION_LEVEL'")).toBe(457 * scale);
    const leaders = await one("SELECT count(*) FROM cadre WHERE level = 'COUNTY_LEADER'");
    expect(leaders / scale).toBeGreaterThanOrEqual(15);
    expect(leaders / scale).toBeLessThanOrEqual(25);
  });

  it('has 38,616 family-doctor contracts and 30,362 follow-ups', async () => {
    expect(await one('SELECT count(*) FROM family_doctor_contract')).toBe(38_616 * scale);
    expect(await one('SELECT count(*) FROM family_doctor_follow_up')).toBe(30_362 * scale);
  });

  it('has 174 clinics up to standard and 90 renovated, one per village', async () => {
    expect(await one('SELECT count(*) FROM village_clinic WHERE up_to_standard')).toBe(174 * scale);
    expect(await one('SELECT count(*) FROM village_clinic WHERE renovated_year IS NOT NULL')).toBe(90 * scale);
    expect(await one('SELECT count(*) FROM village_clinic')).toBe(187 * scale);
  });

  it('renovated 525 dangerous houses in 2020 and relocated 541 households with 2,000 persons', async () => {
    expect(await one('SELECT count(*) FROM house_renovation WHERE year = 2020')).toBe(525 * scale);
    expect(await one('SELECT count(*) FROM relocation')).toBe(541 * scale);
    expect(await one('SELECT sum(persons) FROM relocation')).toBe(2_000 * scale);
    expect(
      await one(
        'SELECT count(*) FROM relocation r WHERE r.persons <> (SELECT count(*) FROM person p WHERE p.household_id = r.household_id)',
      ),
    ).toBe(0);
  });

  it('has 15 model water plants, 184 love supermarkets and 16 service windows', async () => {
    expect(await one('SELECT count(*) FROM water_plant WHERE is_model')).toBe(15 * scale);
    expect(await one('SELECT count(*) FROM love_supermarket')).toBe(184 * scale);
    expect(await one('SELECT count(*) FROM service_window')).toBe(16 * scale);
  });

  it('configures the 5,000-yuan monitoring line, the poverty lines and the grading rules', async () => {
    const rules = await client.query<{ year: number; poverty_line: string; monitoring_line: string; grading: unknown }>(
      'SELECT * FROM screening_rule ORDER BY year',
    );
    expect(rules.rows.map((r) => [r.year, r.poverty_line])).toEqual([
      [2014, '2800.00'],
      [2015, '2855.00'],
      [2016, '3146.00'],
      [2017, '3335.00'],
      [2018, '3535.00'],
      [2019, '3747.00'],
      [2020, '4000.00'],
    ]);
    expect(rules.rows.at(-1)!.monitoring_line).toBe('5000.00');
    expect(rules.rows.at(-1)!.grading).toEqual([
      { level: 'RED', maxIncomeRatio: 1.0, minRisks: 1 },
      { level: 'ORANGE', maxIncomeRatio: 1.2, minRisks: 1 },
      { level: 'YELLOW', maxIncomeRatio: 1.5, minRisks: 1 },
    ]);
  });
});

describe('identifiers', () => {
  it('gives every person a valid, unique resident ID matching gender and birth date', async () => {
    const rows = await client.query<{ id_number: string; gender: string; birth: string }>(
      "SELECT id_number, gender, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM person",
    );
    expect(rows.rowCount).toBeGreaterThan(72_385 * scale);
    const bad = rows.rows.filter((r) => {
      const v = validateResidentId(r.id_number);
      return !v.ok || v.gender !== r.gender || v.birthDate !== r.birth;
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(new Set(rows.rows.map((r) => r.id_number)).size).toBe(rows.rowCount);
  });

  it('gives every business entity a valid credit code of the right type', async () => {
    const rows = await client.query<{ credit_code: string; kind: string }>('SELECT credit_code, kind FROM business_entity');
    const bad = rows.rows.filter((r) => {
      const v = validateCreditCode(r.credit_code);
      const type = r.kind === 'COOPERATIVE' ? '93' : r.kind === 'FAMILY_FARM' ? '92' : '91';
      return !v.ok || !r.credit_code.startsWith(type);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('consistency', () => {
  it('has exactly one head per household', async () => {
    expect(
      await one(
        "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.relation = 'HEAD') <> 1",
      ),
    ).toBe(0);
  });

  it('keeps income below the poverty line before lifting and above it afterwards', async () => {
    const net = '(r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) / r.members';
    expect(
      await one(`
      SELECT count(*) FROM income_record r JOIN household h ON h.id = r.household_id JOIN screening_rule s ON s.year = r.year
      WHERE h.registered AND CASE WHEN h.lifted_year IS NULL OR r.year < h.lifted_year THEN ${net} >= s.poverty_line ELSE ${net} <= s.poverty_line END`),
    ).toBe(0);
    // Edge households: not registered, under the monitoring line in 2020, at least one risk.
    expect(
      await one(`
      SELECT count(*) FROM household h JOIN income_record r ON r.household_id = h.id AND r.year = 2020
      WHERE h.monitoring_category = 'EDGE' AND (h.registered OR ${net} >= 5000 OR cardinality(h.risk_types) = 0)`),
    ).toBe(0);
    // Every registered household has a record for each year from registration to 2020.
    expect(
      await one(
        `SELECT count(*) FROM household h WHERE h.registered AND (SELECT count(*) FROM income_record r WHERE r.household_id = h.id) <> 2021 - h.registered_year`,
      ),
    ).toBe(0);
  });

  it('gives every registered household an assistance cadre, and section-level cadres to the not-lifted and monitored', async () => {
    expect(
      await one(
        "SELECT count(*) FROM household h WHERE h.registered AND NOT EXISTS (SELECT 1 FROM cadre_assignment a WHERE a.household_id = h.id AND a.kind = 'ASSISTANCE' AND a.end_date IS NULL)",
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM household h WHERE (h.status = 'NOT_LIFTED' OR h.monitoring_category IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM cadre_assignment a JOIN cadre c ON c.id = a.cadre_id WHERE a.household_id = h.id AND a.kind = 'SECTION_CONTRACT' AND c.level = 'SECTION_LEVEL')`),
    ).toBe(0);
  });

  it('matches employment channels with employers', async () => {
    expect(
      await one(`SELECT count(*) FROM employment e LEFT JOIN business_entity b ON b.id = e.employer_id WHERE NOT CASE e.channel_code
      WHEN 'INDUSTRIAL_PARK_BASE' THEN b.kind = 'INDUSTRIAL_PARK_BASE'
      WHEN 'POVERTY_ALLEVIATION_FACTORY' THEN b.kind = 'POVERTY_ALLEVIATION_WORKSHOP'
      WHEN 'COOPERATIVE' THEN b.kind = 'COOPERATIVE'
      WHEN 'PUBLIC_WELFARE_POST' THEN e.employer_id IS NULL AND e.post_name IS NOT NULL
      ELSE e.employer_id IS NULL END`),
    ).toBe(0);
    expect(await one('SELECT count(DISTINCT channel_code) FROM employment')).toBe(5);
  });

  it('has monitoring cases at every stage, consistent with households and transitions', async () => {
    expect(await one('SELECT count(DISTINCT stage) FROM monitoring_case')).toBe(7);
    expect(
      await one(`SELECT count(*) FROM monitoring_case c JOIN household h ON h.id = c.household_id
      WHERE c.stage IN ('APPROVED', 'RISK_ELIMINATED') AND c.category IS DISTINCT FROM h.monitoring_category`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM household h WHERE h.monitoring_category IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id AND c.stage IN ('APPROVED', 'RISK_ELIMINATED'))`),
    ).toBe(0);
    expect(await one("SELECT count(*) FROM monitoring_case WHERE stage = 'REJECTED' AND reason IS NULL")).toBe(0);
    // The last transition leads to the case's stage; each step's actor has the role for it.
    expect(
      await one(
        `SELECT count(*) FROM monitoring_case c WHERE c.stage <> (SELECT t.to_stage FROM case_transition t WHERE t.case_id = c.id ORDER BY t.at DESC, t.id DESC LIMIT 1)`,
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM case_transition t JOIN app_user u ON u.id = t.actor_id JOIN monitoring_case c ON c.id = t.case_id
      WHERE (t.to_stage IN ('VERIFIED', 'VILLAGE_REVIEWED') AND (u.role <> 'VILLAGE_CADRE' OR u.region_code <> c.village_code))
         OR (t.to_stage = 'TOWNSHIP_REVIEWED' AND (u.role <> 'TOWNSHIP_OFFICER' OR u.region_code <> c.township_code))
         OR (t.to_stage IN ('APPROVED', 'RISK_ELIMINATED') AND u.role <> 'COUNTY_ADMIN')`),
    ).toBe(0);
  });

  it('never lets a love-supermarket balance go below zero', async () => {
    expect(
      await one(
        `SELECT count(*) FROM (SELECT sum(points) OVER (PARTITION BY household_id ORDER BY occurred_at, id) AS balance FROM points_ledger_entry) b WHERE balance < 0`,
      ),
    ).toBe(0);
  });

  it('has the demo users', async () => {
    const users = await client.query<{
      username: string;
      role: string;
      region_code: string;
      can_read_personal_data: boolean;
      department: string | null;
      cadre_id: number | null;
    }>(
      "SELECT username, role::text, region_code, can_read_personal_data, department::text, cadre_id FROM app_user WHERE username IN ('admin', 'stats', 'township1', 'village1', 'dept1', 'township16') ORDER BY username",
    );
    expect(users.rows).toMatchObject([
      { username: 'admin', role: 'COUNTY_ADMIN', region_code: '341324', can_read_personal_data: true },
      { username: 'dept1', role: 'DEPARTMENT_USER', region_code: '341324', department: 'CIVIL_AFFAIRS' },
      { username: 'stats', role: 'STATISTICIAN', region_code: '341324', can_read_personal_data: false },
      { username: 'township1', role: 'TOWNSHIP_OFFICER', region_code: '341324100', can_read_personal_data: true },
      { username: 'township16', role: 'TOWNSHIP_OFFICER' },
      { username: 'village1', role: 'VILLAGE_CADRE', can_read_personal_data: false },
    ]);
    expect(users.rows.find((u) => u.username === 'village1')!.region_code).toMatch(/^341324100\d{3}$/);
    expect(users.rows.find((u) => u.username === 'village1')!.cadre_id).not.toBeNull();
    // The demo users log in with DEMO_PASSWORD; the other village cadre accounts have no password yet ('!').
    expect(
      await one(`SELECT count(*) FROM app_user WHERE password_hash NOT LIKE 'scrypt$16384$8$1$%'
      AND (password_hash <> '!' OR role <> 'VILLAGE_CADRE' OR username ~ '^village1(_\\d+)?$')`),
    ).toBe(0);
    expect(
      await one(
        "SELECT count(*) FROM app_user WHERE username ~ '^(admin|stats|dept1|township\\d+|village1)$' AND password_hash LIKE 'scrypt$%'",
      ),
    ).toBe(20);
    const admin = await one<string>("SELECT password_hash FROM app_user WHERE username = 'admin'");
    expect(await verifyPassword(process.env.DEMO_PASSWORD || 'demo-password', admin)).toBe(true);
    expect(await verifyPassword('wrong password', admin)).toBe(false);
  });
});

describe('determinism and scale', () => {
  // Generating three counties in memory is CPU work: minutes when the machine is busy, and nothing to wait on.
  it(
    'generates byte-identical data for the same seed, as loaded, and different data for another seed',
    { timeout: GENERATION_TIMEOUT },
    () => {
      const first = checksumOf(generateCounty(seed, scale));
      const second = checksumOf(generateCounty(seed, scale));
      expect(second).toBe(first);
      expect(checksumOf(generateCounty(seed + 1, 1))).not.toBe(first);
      return one<string>('SELECT checksum FROM dataset_info').then((stored) => expect(stored).toBe(first));
    },
  );

  it('builds two calibrated counties with distinct codes and no duplicate identifiers at scale 2', { timeout: GENERATION_TIMEOUT }, () => {
    const c = generateCounty(seed, 2);
    const t = c.tables;
    expect(c.counties.map((x) => x.code)).toEqual(['341324', '341321']);
    expect(t.township.length).toBe(32);
    expect(t.village.length).toBe(374);
    const lifted = t.household.filter((h) => h.status === 'LIFTED' && (h.lifted_year as number) <= 2019);
    expect(lifted.length).toBe(2 * 24_862);
    const liftedIds = new Set(lifted.map((h) => h.id));
    expect(t.person.filter((p) => liftedIds.has(p.household_id)).length).toBe(2 * 72_385);
    expect(t.cadre.length).toBe(2 * 11_272);
    expect(t.family_doctor_contract.length).toBe(2 * 38_616);
    expect(t.relocation.length).toBe(2 * 541);
    for (const code of ['341324', '341321']) {
      expect(t.household.every((h) => (h.village_code as string).startsWith(h.township_code as string))).toBe(true);
      expect(t.village.filter((v) => v.county_code === code).length).toBe(187);
    }
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(t.person.map((p) => p.id_number))).toBe(true);
    expect(unique(t.person.map((p) => p.id))).toBe(true);
    expect(unique(t.household.map((h) => h.id))).toBe(true);
    expect(unique(t.household.map((h) => h.household_number))).toBe(true);
    expect(unique(t.business_entity.map((e) => e.credit_code))).toBe(true);
    expect(unique(t.app_user.map((u) => u.username))).toBe(true);
    expect(unique(t.benefit_linkage_contract.map((x) => x.contract_number))).toBe(true);
    expect(unique(t.insurance_policy.map((x) => x.policy_number))).toBe(true);
    expect(t.app_user.some((u) => u.username === 'admin_341321')).toBe(true);
  });
});
