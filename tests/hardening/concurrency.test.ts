// Optimistic locking under real concurrency: many sessions racing on one row.
// Exactly one stale-version writer wins, the rest get CONFLICT, and retried
// increments lose nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.ts';
import { closeSql, globalId, sql, sqlOne } from '../support/sql.ts';

let api: TestApi;
let admin: string;
let auditBaseline: number;

beforeAll(async () => {
  api = await startApi();
  admin = await api.token('admin');
  auditBaseline = Number((await sqlOne<{ m: string }>(`select coalesce(max(id), 0) as m from audit_log`)).m);
});
afterAll(async () => {
  await api?.close();
  await closeSql();
});

describe('concurrent updates of one record', () => {
  it('100 concurrent updateBusinessEntity with one version: exactly 1 wins, 99 CONFLICT, version +1', async () => {
    const row = await sqlOne<{ id: number; version: number; name: string; township_code: string }>(
      `select id, version, name, township_code from business_entity where township_code = '341324100' order by id limit 1`,
    );
    // Two kinds of session: the county admin and the township officer of the entity's township.
    const township = await api.token('township1');
    try {
      const attempts = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          api.gql(
            `mutation($input: UpdateBusinessEntityInput!) { updateBusinessEntity(input: $input) { businessEntity { name version } } }`,
            { input: { id: globalId('BusinessEntity', row.id), version: row.version, name: `并发测试 race ${i}` } },
            i % 2 ? township : admin,
          ),
        ),
      );
      const winners = attempts.filter((r) => !r.errors && r.data?.updateBusinessEntity);
      const codes = attempts.flatMap((r) => r.errors?.map((e) => e.extensions?.code) ?? []);
      expect(winners).toHaveLength(1);
      expect(codes).toEqual(Array(99).fill('CONFLICT'));
      const after = await sqlOne<{ version: number; name: string }>(`select version, name from business_entity where id = $1`, [row.id]);
      expect(after.version).toBe(row.version + 1);
      expect(after.name).toBe(winners[0]!.data.updateBusinessEntity.businessEntity.name);
      const audits = await sqlOne<{ n: string }>(
        `select count(*) as n from audit_log where entity = 'BusinessEntity' and entity_id = $1 and action = 'UPDATE' and id > $2`,
        [String(row.id), auditBaseline],
      );
      expect(Number(audits.n)).toBe(1);
    } finally {
      await sql(`update business_entity set name = $2, version = $3 where id = $1`, [row.id, row.name, row.version]);
    }
  });

  // A hundred audited transactions with retries: minutes on a busy machine; the test waits on their answers.
  it('10 parallel clients × 10 increments with retry on CONFLICT: no lost update', { timeout: 600_000 }, async () => {
    // A village, year and source with no income recorded yet: this test's own row.
    const free = await sqlOne<{ code: string; year: number }>(
      `select v.code, y.year from village v cross join generate_series(2000, 2026) as y(year)
       where v.township_code = '341324100' and not exists (select 1 from village_collective_income i
         where i.village_code = v.code and i.year = y.year and i.source = 'OTHER') order by v.code, y.year limit 1`,
    );
    const created = await api.gql(
      `mutation($input: CreateVillageCollectiveIncomeInput!) { createVillageCollectiveIncome(input: $input) { villageCollectiveIncome { id version amount } } }`,
      { input: { villageCode: free.code, year: free.year, source: 'OTHER', amount: '0.00' } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id: string = created.data.createVillageCollectiveIncome.villageCollectiveIncome.id;
    const rowId = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    try {
      let successes = 0;
      let conflicts = 0;
      const client = async () => {
        for (let done = 0; done < 10;) {
          const read = await api.gql(
            `query($id: ID!) { node(id: $id) { ... on VillageCollectiveIncome { amount version } } }`,
            { id },
            admin,
          );
          const { amount, version } = read.data.node as { amount: string; version: number };
          const next = (Number(amount) + 1).toFixed(2);
          const write = await api.gql(
            `mutation($input: UpdateVillageCollectiveIncomeInput!) { updateVillageCollectiveIncome(input: $input) { villageCollectiveIncome { version } } }`,
            { input: { id, version, amount: next } },
            admin,
          );
          if (write.errors) {
            expect(write.errors.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
            conflicts++;
          } else {
            successes++;
            done++;
          }
        }
      };
      await Promise.all(Array.from({ length: 10 }, client));
      const after = await sqlOne<{ amount: string; version: number }>(
        `select amount::text, version from village_collective_income where id = $1`,
        [rowId],
      );
      expect(successes).toBe(100);
      expect(Number(after.amount)).toBe(successes);
      expect(after.version).toBe(1 + successes);
      // Contention really happened (otherwise the test proves little).
      expect(conflicts).toBeGreaterThan(0);
    } finally {
      await sql(`delete from village_collective_income where id = $1`, [rowId]);
    }
  });
});
