-- Region scope by construction: PostgreSQL row-level security.
--
-- The API runs every statement of a request as the role `fanpin_viewer`, with
-- the viewer's region code, role, department, cadre and user id in transaction
-- settings (services/db/scoped.ts). The policies below decide what that role
-- sees and may write, for every statement: lists, counts, node lookups and the
-- joins Prisma builds for nested relations alike. A record derived from a
-- household (persons, incomes, contracts, visits, cases, ...) has no region of
-- its own here: its policy asks whether the household is visible, so a
-- household that moves takes everything hanging off it along. Cube, the seed and
-- migrations connect as the owner and are not subject to these policies (Cube
-- scopes by its own queryRewrite).
--
-- Why not a scoped data-access layer in TypeScript: the household page's nested
-- relations are one SQL statement with lateral joins (relationJoins); a layer
-- above Prisma cannot filter a to-one join, and a relation added later would
-- have to remember the rule. Measured: see the README ("Region scope").

DO $$
BEGIN
  CREATE ROLE fanpin_viewer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are per cluster: another database of this server made it
END
$$;
GRANT fanpin_viewer TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO fanpin_viewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fanpin_viewer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fanpin_viewer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fanpin_viewer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fanpin_viewer;

-- The viewer's settings; an unset or empty one matches nothing. Policies read
-- the region as `(SELECT fanpin_region())`, evaluated once per statement.
CREATE FUNCTION fanpin_region() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('fanpin.region', true), '') $$;
CREATE FUNCTION fanpin_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('fanpin.role', true), '') $$;
CREATE FUNCTION fanpin_department() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('fanpin.department', true), '') $$;
CREATE FUNCTION fanpin_cadre_id() RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('fanpin.cadre_id', true), '')::integer $$;
CREATE FUNCTION fanpin_user_id() RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('fanpin.user_id', true), '')::integer $$;

-- Records derived from a household carry `region_code`, the household's
-- village code, which the database alone writes: set from the parent on every
-- insert or change of the parent link, and carried down when a parent moves.
-- (A policy that looked the household up per row made counting all persons 15
-- times slower; a column read is as cheap as any filter.)
CREATE PROCEDURE fanpin_derive_region(child text, fk text, parent text, parent_column text) LANGUAGE plpgsql AS $proc$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN region_code VARCHAR(12) NOT NULL DEFAULT %L', child, '');
  EXECUTE format('UPDATE %I c SET region_code = p.%I FROM %I p WHERE p.id = c.%I', child, parent_column, parent, fk);
  EXECUTE format($f$
    CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
      NEW.region_code := coalesce((SELECT p.%I FROM %I p WHERE p.id = NEW.%I), '');
      RETURN NEW;
    END $$ $f$, 'fanpin_region_of_' || child, parent_column, parent, fk);
  EXECUTE format('CREATE TRIGGER region_from_parent BEFORE INSERT OR UPDATE OF %I, region_code ON %I FOR EACH ROW EXECUTE FUNCTION %I()',
    fk, child, 'fanpin_region_of_' || child);
  EXECUTE format($f$
    CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
      UPDATE %I SET region_code = NEW.%I WHERE %I = NEW.id;
      RETURN NULL;
    END $$ $f$, 'fanpin_move_' || child, child, parent_column, fk);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE OF %I ON %I FOR EACH ROW WHEN (OLD.%I IS DISTINCT FROM NEW.%I) EXECUTE FUNCTION %I()',
    'move_' || child, parent_column, parent, parent_column, parent_column, 'fanpin_move_' || child);
END
$proc$;

CALL fanpin_derive_region('person', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('income_record', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('house_renovation', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('relocation', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('benefit_linkage_contract', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('cadre_assignment', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('risk_point', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('look_back_review', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('warning', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('assistance_plan', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('safety_net_enrolment', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('insurance_policy', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('points_ledger_entry', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('visit', 'household_id', 'household', 'village_code');
CALL fanpin_derive_region('employment', 'person_id', 'person', 'region_code');
CALL fanpin_derive_region('family_doctor_contract', 'person_id', 'person', 'region_code');
CALL fanpin_derive_region('family_doctor_follow_up', 'contract_id', 'family_doctor_contract', 'region_code');
CALL fanpin_derive_region('contract_payout', 'contract_id', 'benefit_linkage_contract', 'region_code');
CALL fanpin_derive_region('case_transition', 'case_id', 'monitoring_case', 'village_code');
CALL fanpin_derive_region('assistance_measure', 'plan_id', 'assistance_plan', 'region_code');
CALL fanpin_derive_region('insurance_claim', 'policy_id', 'insurance_policy', 'region_code');
CALL fanpin_derive_region('visit_aspect_result', 'visit_id', 'visit', 'region_code');

-- Monitoring cases and alerts already kept a copy of the household's codes
-- (county, township, village) for their indexes: the database now keeps it.
CREATE FUNCTION fanpin_copy_household_region() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.household_id IS NOT NULL THEN
    SELECT h.county_code, h.township_code, h.village_code INTO NEW.county_code, NEW.township_code, NEW.village_code
      FROM household h WHERE h.id = NEW.household_id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER household_region BEFORE INSERT OR UPDATE OF household_id, county_code, township_code, village_code ON monitoring_case
  FOR EACH ROW EXECUTE FUNCTION fanpin_copy_household_region();
CREATE TRIGGER household_region BEFORE INSERT OR UPDATE OF household_id, county_code, township_code, village_code ON alert
  FOR EACH ROW EXECUTE FUNCTION fanpin_copy_household_region();
CREATE FUNCTION fanpin_household_moved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE monitoring_case SET village_code = NEW.village_code WHERE household_id = NEW.id;
  UPDATE alert SET village_code = NEW.village_code WHERE household_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER household_moved AFTER UPDATE OF village_code ON household
  FOR EACH ROW WHEN (OLD.village_code IS DISTINCT FROM NEW.village_code) EXECUTE FUNCTION fanpin_household_moved();
-- A service request names a household or, failing one, its window's township.
ALTER TABLE service_request ADD COLUMN region_code VARCHAR(12) NOT NULL DEFAULT '';
CREATE FUNCTION fanpin_region_of_service_request() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW.region_code := coalesce((SELECT h.village_code FROM household h WHERE h.id = NEW.household_id),
                              (SELECT w.township_code FROM service_window w WHERE w.id = NEW.window_id), '');
  RETURN NEW;
END
$$;
CREATE TRIGGER region_from_parent BEFORE INSERT OR UPDATE OF household_id, window_id, region_code ON service_request
  FOR EACH ROW EXECUTE FUNCTION fanpin_region_of_service_request();
UPDATE service_request SET region_code = region_code;
CREATE FUNCTION fanpin_move_service_request() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE service_request SET region_code = NEW.village_code WHERE household_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER move_service_request AFTER UPDATE OF village_code ON household
  FOR EACH ROW WHEN (OLD.village_code IS DISTINCT FROM NEW.village_code) EXECUTE FUNCTION fanpin_move_service_request();
CALL fanpin_derive_region('service_routing', 'request_id', 'service_request', 'region_code');
DROP PROCEDURE fanpin_derive_region(text, text, text, text);

-- One policy per table for reads and writes. Inside a subquery of a rule, name
-- the table's own columns with the table (`department_import.id`): a bare `id`
-- is the subquery's. In a rule, IN_REGION(x) means
-- "code x lies inside the viewer's region" and NEAR_REGION(x) also admits a
-- region containing the viewer's (a village cadre sees its own township).
-- The coalesce() is for the planner: it estimates a bare starts_with() with an
-- unknown prefix at 0.5% of the rows, and on a county administrator's 32,000
-- households chose nested loops that made screening 40 times slower; behind
-- coalesce() it assumes half, and plans for many.
CREATE FUNCTION fanpin_policy_expression(rule text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(rule,
    'NEAR_REGION\(([a-z_]+)\)', 'coalesce(starts_with(\1, (SELECT fanpin_region())) OR starts_with((SELECT fanpin_region()), \1), false)', 'g'),
    'IN_REGION\(([a-z_(),. ]+?)\)(?=$| )', 'coalesce(starts_with(\1, (SELECT fanpin_region())), false)', 'g')
$$;
-- `read_rule`, when given, widens what may be read (never what may be written).
CREATE PROCEDURE fanpin_scope_table(tbl text, rule text, read_rule text DEFAULT NULL) LANGUAGE plpgsql AS $$
DECLARE
  expr text := fanpin_policy_expression(rule);
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY region_scope ON %I TO fanpin_viewer USING (%s) WITH CHECK (%s)', tbl, expr, expr);
  IF read_rule IS NOT NULL THEN
    EXECUTE format('CREATE POLICY region_read ON %I FOR SELECT TO fanpin_viewer USING (%s)', tbl, fanpin_policy_expression(read_rule));
  END IF;
END
$$;

-- Regions.
CALL fanpin_scope_table('township', 'NEAR_REGION(code)');
CALL fanpin_scope_table('village', 'IN_REGION(code)');
CALL fanpin_scope_table('village_statistic', 'IN_REGION(village_code)');
CALL fanpin_scope_table('village_clinic', 'IN_REGION(village_code)');
CALL fanpin_scope_table('village_collective_income', 'IN_REGION(village_code)');
CALL fanpin_scope_table('village_cadre_pay', 'IN_REGION(village_code)');
CALL fanpin_scope_table('love_supermarket', 'IN_REGION(village_code)');
CALL fanpin_scope_table('water_plant', 'NEAR_REGION(township_code)');
CALL fanpin_scope_table('water_quality_check', 'EXISTS (SELECT 1 FROM water_plant p WHERE p.id = plant_id)');
CALL fanpin_scope_table('service_window', 'NEAR_REGION(township_code)');

-- Households and what derives from them.
CALL fanpin_scope_table('household', 'IN_REGION(village_code)');
CALL fanpin_scope_table('monitoring_case', 'IN_REGION(village_code)');
CALL fanpin_scope_table('person', 'IN_REGION(region_code)');
CALL fanpin_scope_table('income_record', 'IN_REGION(region_code)');
CALL fanpin_scope_table('house_renovation', 'IN_REGION(region_code)');
CALL fanpin_scope_table('relocation', 'IN_REGION(region_code)');
CALL fanpin_scope_table('benefit_linkage_contract', 'IN_REGION(region_code)');
CALL fanpin_scope_table('contract_payout', 'IN_REGION(region_code)');
CALL fanpin_scope_table('cadre_assignment', 'IN_REGION(region_code)');
CALL fanpin_scope_table('risk_point', 'IN_REGION(region_code)');
CALL fanpin_scope_table('look_back_review', 'IN_REGION(region_code)');
CALL fanpin_scope_table('warning', 'IN_REGION(region_code)');
CALL fanpin_scope_table('case_transition', 'IN_REGION(region_code)');
CALL fanpin_scope_table('assistance_plan', 'IN_REGION(region_code)');
CALL fanpin_scope_table('assistance_measure', 'IN_REGION(region_code)');
CALL fanpin_scope_table('safety_net_enrolment', 'IN_REGION(region_code)');
CALL fanpin_scope_table('insurance_policy', 'IN_REGION(region_code)');
CALL fanpin_scope_table('insurance_claim', 'IN_REGION(region_code)');
CALL fanpin_scope_table('points_ledger_entry', 'IN_REGION(region_code)');
CALL fanpin_scope_table('family_doctor_contract', 'IN_REGION(region_code)');
CALL fanpin_scope_table('family_doctor_follow_up', 'IN_REGION(region_code)');
CALL fanpin_scope_table('employment', 'IN_REGION(region_code)');
CALL fanpin_scope_table('service_request', 'IN_REGION(region_code)');
CALL fanpin_scope_table('service_routing', 'IN_REGION(region_code)');
-- An assistance cadre also sees the visits they made.
CALL fanpin_scope_table('visit', 'IN_REGION(region_code) OR cadre_id = (SELECT fanpin_cadre_id())');
CALL fanpin_scope_table('visit_aspect_result', 'IN_REGION(region_code)');

-- Business entities: those inside the region. A contract or job of a visible
-- household with an entity elsewhere shows the contract, its entity as null.
CALL fanpin_scope_table('business_entity', 'IN_REGION(coalesce(village_code, township_code))');
CALL fanpin_scope_table('business_entity_industry', 'EXISTS (SELECT 1 FROM business_entity e WHERE e.id = entity_id)');

-- Cadres and responsibility.
CALL fanpin_scope_table('cadre', 'township_code IS NULL OR NEAR_REGION(township_code) OR id = (SELECT fanpin_cadre_id())');
CALL fanpin_scope_table('region_pledge', 'NEAR_REGION(region_code)');
CALL fanpin_scope_table('inspection_visit', 'IN_REGION(township_code) OR (SELECT fanpin_region()) = ANY (village_codes)');

-- Department cross-checks: an import is seen by county administrators, by its
-- own department, and by whoever sees an alert it raised; a record by those
-- who see its import in full, or one of its alerts. The alert → record →
-- import links are read by SECURITY DEFINER functions so that the
-- policies do not refer to each other in a circle.
CREATE FUNCTION fanpin_record_import(record integer) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT r.import_id FROM department_record r WHERE r.id = record $$;
CREATE FUNCTION fanpin_import_department(import integer) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT i.department::text FROM department_import i WHERE i.id = import $$;
CREATE FUNCTION fanpin_record_department(record integer) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT i.department::text FROM department_record r JOIN department_import i ON i.id = r.import_id WHERE r.id = record $$;

CALL fanpin_scope_table('alert',
  'IN_REGION(coalesce(village_code, township_code, county_code))'
  || ' AND (fanpin_role() IS DISTINCT FROM ''DEPARTMENT_USER'' OR fanpin_record_department(record_id) = fanpin_department())');
CALL fanpin_scope_table('department_import',
  'fanpin_role() = ''COUNTY_ADMIN'' OR (fanpin_role() = ''DEPARTMENT_USER'' AND department::text = fanpin_department())'
  || ' OR EXISTS (SELECT 1 FROM alert a WHERE fanpin_record_import(a.record_id) = department_import.id)');
CALL fanpin_scope_table('department_record',
  'fanpin_role() = ''COUNTY_ADMIN'''
  || ' OR (fanpin_role() = ''DEPARTMENT_USER'' AND fanpin_import_department(import_id) = fanpin_department())'
  || ' OR EXISTS (SELECT 1 FROM alert a WHERE a.record_id = department_record.id)');

-- Users: written inside the region; read also when their region contains the
-- viewer's (the county administrator who approved a township's case), and oneself.
CALL fanpin_scope_table('app_user', 'IN_REGION(region_code)', 'NEAR_REGION(region_code) OR id = (SELECT fanpin_user_id())');

DROP PROCEDURE fanpin_scope_table(text, text, text);
DROP FUNCTION fanpin_policy_expression(text);
