-- Indicator views: the SQL behind the Cube semantic layer (analytics/model/).
--
-- Plain VIEWs over the base tables, one per Cube fact cube, so that every
-- indicator formula lives here, in version control, reviewed like a schema
-- change, and never as an ad-hoc string in the model or the services. Prisma
-- does not manage views (no `views` preview feature), so they are invisible to
-- `prisma migrate diff` and never show up as drift.
--
-- Conventions shared by all views
-- - Every row carries county_code, township_code and village_code: a user's data
--   scope is a prefix of village_code (6, 9 or 12 digits).
-- - township_name / village_name are for display only.
-- - Enum columns are cast to text, so filters compare plain strings.
-- - No personal data: no names of persons, ID numbers, phones or addresses.
-- - "Active today" means start_date <= CURRENT_DATE and (end_date IS NULL or
--   end_date >= CURRENT_DATE), evaluated when the view is read.

-- ─────────────── Regions: village → township, for names ───────────────
CREATE VIEW indicator_village AS
SELECT v.code          AS village_code,
       v.township_code AS township_code,
       v.county_code   AS county_code,
       v.name          AS village_name,
       t.name          AS township_name
FROM village v
JOIN township t ON t.code = v.township_code;

-- ─────────────── Poverty (贫困发生率) per village and year ───────────────
-- One row per village and year, for every year with a registered rural
-- population (village_statistic) or a lifted household.
--   poor_households / poor_persons: registered households not lifted at the end
--     of the year: registered_year <= year AND (lifted_year IS NULL OR
--     lifted_year > year); persons = their person rows.
--   lifted_households / lifted_persons: registered households with
--     lifted_year = year, and their person rows.
--   rural_population: village_statistic.rural_population (NULL without a row).
CREATE VIEW indicator_poverty_village_year AS
WITH registered_household AS (
  SELECT h.id, h.village_code, h.registered_year, h.lifted_year, count(p.id) AS persons
  FROM household h
  LEFT JOIN person p ON p.household_id = h.id
  WHERE h.registered
  GROUP BY h.id
),
cohort AS (
  -- registered households grouped by village, registration year and lift year
  SELECT village_code, registered_year, lifted_year,
         count(*) AS households, sum(persons) AS persons
  FROM registered_household
  GROUP BY village_code, registered_year, lifted_year
),
village_year AS (
  SELECT village_code, year FROM village_statistic
  UNION
  SELECT village_code, lifted_year FROM cohort WHERE lifted_year IS NOT NULL
),
counted AS (
  SELECT vy.village_code, vy.year,
         sum(c.households) FILTER (WHERE c.registered_year <= vy.year AND (c.lifted_year IS NULL OR c.lifted_year > vy.year)) AS poor_households,
         sum(c.persons)    FILTER (WHERE c.registered_year <= vy.year AND (c.lifted_year IS NULL OR c.lifted_year > vy.year)) AS poor_persons,
         sum(c.households) FILTER (WHERE c.lifted_year = vy.year) AS lifted_households,
         sum(c.persons)    FILTER (WHERE c.lifted_year = vy.year) AS lifted_persons
  FROM village_year vy
  LEFT JOIN cohort c ON c.village_code = vy.village_code
  GROUP BY vy.village_code, vy.year
)
SELECT k.village_code,
       v.township_code,
       v.county_code,
       v.village_name,
       v.township_name,
       k.year,
       s.rural_population,
       COALESCE(k.poor_households, 0)::bigint   AS poor_households,
       COALESCE(k.poor_persons, 0)::bigint      AS poor_persons,
       COALESCE(k.lifted_households, 0)::bigint AS lifted_households,
       COALESCE(k.lifted_persons, 0)::bigint    AS lifted_persons
FROM counted k
JOIN indicator_village v ON v.village_code = k.village_code
LEFT JOIN village_statistic s ON s.village_code = k.village_code AND s.year = k.year;

-- ─────────────── Dual income (双增收) per village and year ───────────────
-- One row per village and year for every year from the first to the last year
-- with collective income or income records, so the previous year's values of
-- a village are on its row even when the current year has none.
--   collective_income: Σ village_collective_income.amount (NULL: no record).
--   collective_income_prev: the same for year − 1.
--   collective_income_same / collective_income_prev_same: both, only for a
--     village with collective income records in both years (the same-villages
--     base of collective_income_growth), else NULL.
--   net_income / members / households: Σ (wage + business + property + transfer
--     − production_expenses), Σ income_record.members and the number of
--     households with an income_record in the year; *_prev for year − 1.
--   collective_growth: the village's collective income rose (prev > 0 and
--     current > prev); farmer_growth: its per-capita net income rose (prev
--     per capita > 0 and current > prev); dual_growth: both (1/0).
CREATE VIEW indicator_dual_income_village_year AS
WITH collective AS (
  SELECT village_code, year, sum(amount) AS amount
  FROM village_collective_income
  GROUP BY village_code, year
),
farm AS (
  SELECT h.village_code, r.year,
         sum(r.wage_income + r.business_income + r.property_income + r.transfer_income - r.production_expenses) AS net_income,
         sum(r.members) AS members,
         count(*) AS households
  FROM income_record r
  JOIN household h ON h.id = r.household_id
  GROUP BY h.village_code, r.year
),
bounds AS (
  SELECT min(year) AS first_year, max(year) AS last_year
  FROM (SELECT year FROM collective UNION ALL SELECT year FROM farm) y
),
village_year AS (
  SELECT v.village_code, v.township_code, v.county_code, v.village_name, v.township_name, y.year
  FROM indicator_village v
  CROSS JOIN bounds b
  CROSS JOIN LATERAL generate_series(b.first_year, b.last_year) AS y(year)
),
joined AS (
  SELECT vy.*,
         c.amount  AS collective_income,
         cp.amount AS collective_income_prev,
         f.net_income, f.members, f.households,
         fp.net_income AS net_income_prev, fp.members AS members_prev
  FROM village_year vy
  LEFT JOIN collective c  ON c.village_code = vy.village_code AND c.year = vy.year
  LEFT JOIN collective cp ON cp.village_code = vy.village_code AND cp.year = vy.year - 1
  LEFT JOIN farm f  ON f.village_code = vy.village_code AND f.year = vy.year
  LEFT JOIN farm fp ON fp.village_code = vy.village_code AND fp.year = vy.year - 1
),
flagged AS (
  SELECT j.*,
         (j.collective_income_prev > 0 AND j.collective_income > j.collective_income_prev) IS TRUE AS collective_growth,
         (j.members > 0 AND j.members_prev > 0 AND j.net_income_prev > 0
          AND j.net_income / j.members > j.net_income_prev / j.members_prev) IS TRUE AS farmer_growth
  FROM joined j
)
SELECT village_code, township_code, county_code, village_name, township_name, year,
       collective_income,
       collective_income_prev,
       CASE WHEN collective_income IS NOT NULL AND collective_income_prev IS NOT NULL THEN collective_income END      AS collective_income_same,
       CASE WHEN collective_income IS NOT NULL AND collective_income_prev IS NOT NULL THEN collective_income_prev END AS collective_income_prev_same,
       net_income, members, households,
       net_income_prev, members_prev,
       collective_growth,
       farmer_growth,
       (collective_growth AND farmer_growth)::int AS dual_growth
FROM flagged;

-- ─────────────── Employment active today (就业) ───────────────
-- One row per employment active today, with the person's household's region.
CREATE VIEW indicator_employment_active AS
SELECT e.id                AS employment_id,
       e.person_id,
       e.channel_code::text AS channel,
       c.kind::text         AS channel_kind,
       e.monthly_wage,
       v.village_code, v.township_code, v.county_code, v.village_name, v.township_name
FROM employment e
JOIN employment_channel c ON c.code = e.channel_code
JOIN person p ON p.id = e.person_id
JOIN household h ON h.id = p.household_id
JOIN indicator_village v ON v.village_code = h.village_code
WHERE e.start_date <= CURRENT_DATE
  AND (e.end_date IS NULL OR e.end_date >= CURRENT_DATE);

-- ─────────────── Benefit linkage (利益联结) ───────────────
-- row_key is unique per row. Rows of two kinds:
-- 1. one per benefit-linkage contract active today (contract_id set), with the
--    household's region, the mode and the partner entity's kind;
-- 2. one "grid" row per village × mode × entity kind (contract_id NULL), so
--    that every village is present under every mode and entity kind.
-- Every row carries its village's registered households (建档立卡户, the
-- linkage-coverage denominator) encoded so that Σ DISTINCT recovers the sum over
-- the distinct villages of any group of rows:
--   registered_key = registered_households × 10^12 + village_code (12 digits)
--   village_key    = village_code
--   Σ registered households = (Σ DISTINCT registered_key − Σ DISTINCT village_key) / 10^12
-- Because of the grid rows, the denominator of a group is the registered
-- households of all villages in the group's region whatever mode / entity kind
-- the group has: coverage by mode is never divided by a partitioned base.
CREATE VIEW indicator_benefit_linkage AS
WITH registry AS (
  SELECT v.village_code, v.township_code, v.county_code, v.village_name, v.township_name,
         (SELECT count(*) FROM household h WHERE h.village_code = v.village_code AND h.registered) AS registered_households
  FROM indicator_village v
),
active AS (
  SELECT c.id AS contract_id, c.household_id, h.registered, h.village_code,
         c.mode::text AS mode, e.kind::text AS entity_kind, c.annual_benefit
  FROM benefit_linkage_contract c
  JOIN business_entity e ON e.id = c.entity_id
  JOIN household h ON h.id = c.household_id
  WHERE c.start_date <= CURRENT_DATE
    AND (c.end_date IS NULL OR c.end_date >= CURRENT_DATE)
),
facts AS (
  SELECT a.contract_id, a.household_id,
         CASE WHEN a.registered THEN a.household_id END AS registered_household_id,
         a.annual_benefit, a.mode, a.entity_kind, a.village_code
  FROM active a
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, m.mode::text, k.kind::text, r.village_code
  FROM registry r
  CROSS JOIN unnest(enum_range(NULL::"LinkageMode")) AS m(mode)
  CROSS JOIN unnest(enum_range(NULL::"BusinessEntityKind")) AS k(kind)
)
SELECT COALESCE(f.contract_id::text, 'grid:' || r.village_code || ':' || f.mode || ':' || f.entity_kind) AS row_key,
       f.contract_id, f.household_id, f.registered_household_id, f.annual_benefit,
       f.mode, f.entity_kind,
       r.village_code, r.township_code, r.county_code, r.village_name, r.township_name,
       r.registered_households,
       r.registered_households::numeric * 1000000000000 + r.village_code::numeric AS registered_key,
       r.village_code::numeric AS village_key
FROM facts f
JOIN registry r ON r.village_code = f.village_code;

-- ─────────────── Monitoring (防返贫监测) ───────────────
-- One row per monitored household (monitoring_category set) and risk type
-- (household.risk_types unnested; 'NONE' when it has none), with the level of
-- its latest warning (highest year, then latest created) or 'NONE'.
CREATE VIEW indicator_monitoring AS
WITH latest_warning AS (
  SELECT DISTINCT ON (w.household_id) w.household_id, w.level::text AS level
  FROM warning w
  ORDER BY w.household_id, w.year DESC, w.created_at DESC, w.id DESC
)
SELECT h.id::text || ':' || COALESCE(r.risk_type::text, 'NONE') AS row_key,
       h.id AS household_id,
       h.monitoring_category::text AS category,
       COALESCE(r.risk_type::text, 'NONE') AS risk_type,
       COALESCE(lw.level, 'NONE') AS warning_level,
       h.monitoring_since,
       h.risk_eliminated_at,
       (h.risk_eliminated_at IS NOT NULL) AS risk_eliminated,
       v.village_code, v.township_code, v.county_code, v.village_name, v.township_name
FROM household h
JOIN indicator_village v ON v.village_code = h.village_code
LEFT JOIN LATERAL unnest(h.risk_types) AS r(risk_type) ON true
LEFT JOIN latest_warning lw ON lw.household_id = h.id
WHERE h.monitoring_category IS NOT NULL;
