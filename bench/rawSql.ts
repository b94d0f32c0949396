// The limit beside the API: query (1), the household page, as ONE hand-written
// SQL statement building the exact JSON body the API returns
// (json_agg/json_build_object), behind a bare node:http handler. Run as a child
// process: DATABASE_URL, PORT, COUNTY (the admin's scope), POOL_SIZE (as the API's).
// POST any body with {"variables":{"first":N}}; answers {"data":{...}}.
import http from 'node:http';
import pg from 'pg';

const b64 = (expr: string) => `encode(convert_to(${expr}, 'UTF8'), 'base64')`;
const gid = (type: string, col: string) => b64(`'${type}:' || ${col}`);
const money = (col: string) => `(${col})::numeric(16,2)::text`;
const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

// $1 county code (the viewer's scope), $2 page size + 1 (to know hasNextPage).
export const HOUSEHOLD_PAGE_SQL = `
with page as (
  select * from household where county_code = $1 order by id limit $2
), shown as (
  select * from page order by id limit $2 - 1
), edges as (
  select h.id, json_build_object(
    'cursor', ${b64(`'GPC:N:' || h.id`)},
    'node', json_build_object(
      'id', ${gid('Household', 'h.id')}, 'householdNumber', h.household_number, 'address', h.address,
      'registered', h.registered, 'registeredYear', h.registered_year, 'status', h.status,
      'liftedYear', h.lifted_year, 'monitoringCategory', h.monitoring_category,
      'members', coalesce((select json_agg(json_build_object(
          'id', ${gid('Person', 'p.id')}, 'name', p.name, 'gender', p.gender, 'birthDate', ${day('p.birth_date')},
          'relation', p.relation, 'laborCapacity', p.labor_capacity, 'health', p.health) order by p.id)
        from person p where p.household_id = h.id), '[]'),
      'benefitLinkageContracts', json_build_object('edges', coalesce((select json_agg(json_build_object('node', json_build_object(
          'id', ${gid('BenefitLinkageContract', 'c.id')}, 'contractNumber', c.contract_number, 'mode', c.mode,
          'startDate', ${day('c.start_date')}, 'endDate', ${day('c.end_date')}, 'annualBenefit', ${money('c.annual_benefit')},
          'entity', case when e.id is null then null else json_build_object('id', ${gid('BusinessEntity', 'e.id')}, 'name', e.name, 'kind', e.kind) end
        )) order by c.id)
        from (select * from benefit_linkage_contract where household_id = h.id order by id limit 10) c
        left join business_entity e on e.id = c.entity_id), '[]')),
      'incomeRecords', coalesce((select json_agg(json_build_object(
          'id', ${gid('IncomeRecord', 'r.id')}, 'year', r.year,
          'wageIncome', ${money('r.wage_income')}, 'businessIncome', ${money('r.business_income')},
          'propertyIncome', ${money('r.property_income')}, 'transferIncome', ${money('r.transfer_income')},
          'productionExpenses', ${money('r.production_expenses')}, 'members', r.members,
          'netIncome', ${money('r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses')},
          'perCapitaNetIncome', ${money('round((r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) / r.members, 2)')}
        ) order by r.year) from income_record r where r.household_id = h.id), '[]')
    )) as edge
  from shown h
)
select json_build_object('data', json_build_object('households', json_build_object(
  'pageInfo', json_build_object('hasNextPage', (select count(*) from page) = $2, 'endCursor', (select ${b64(`'GPC:N:' || max(id)`)} from shown)),
  'edges', coalesce((select json_agg(edge order by id) from edges), '[]'))))::text as body`;

function main(): void {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
  const county = process.env.COUNTY ?? '341324';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let first = 50;
      try {
        const v = (JSON.parse(Buffer.concat(chunks).toString() || '{}') as { variables?: { first?: number } }).variables?.first;
        if (typeof v === 'number') first = v;
      } catch {
        /* default page */
      }
      pool.query<{ body: string }>({ text: HOUSEHOLD_PAGE_SQL, values: [county, first + 1] }).then(
        (r) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(r.rows[0]!.body);
        },
        (e: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: e.message }] }));
        },
      );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`raw-sql listening ${JSON.stringify(server.address())}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
