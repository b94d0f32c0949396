// The generator: the reference part, then one part per county. Each part is a
// set of rows per table; ids continue from one county to the next, so the
// parts can be loaded (and checksummed) one at a time without holding the
// whole data set in memory.
import { fillDerivedRegions } from './derivedRegions.ts';
import { Random } from './random.ts';
import { Ids, emptyTables, type Tables } from './model.ts';
import { buildIndustries, emitReference, type IndustryModel } from './reference.ts';
import { buildRegions, countyDef, emitRegions, type CountyDef } from './regions.ts';
import { buildHouseholds, emitHouseholds } from './households.ts';
import { buildContracts, buildEntities } from './economy.ts';
import { buildCadrePay, buildCollectiveIncome, buildEmployment } from './jobs.ts';
import { buildCadres } from './cadres.ts';
import { buildLookBack, buildVisits } from './visits.ts';
import { buildFacilities, buildFamilyDoctors, buildHousing, buildInsurance, buildSafetyNet } from './welfare.ts';
import { buildDepartmentData, buildWarnings } from './alerts.ts';
import { buildCases, buildPlans } from './cases.ts';
import { buildLoveSupermarkets, buildServiceWindows } from './community.ts';

export interface Part {
  /** null for the reference part (industries, screening rules). */
  county: CountyDef | null;
  tables: Tables;
}

export const MAX_SEED = 2 ** 31 - 1;
export const MAX_SCALE = 100;

export function checkArgs(seed: number, scale: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED} (dataset_info.seed is an int4), got ${seed}`);
  }
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be a whole number of counties from 1 to ${MAX_SCALE}, got ${scale}`);
  }
}

export function* generateParts(seed: number, scale: number): Generator<Part> {
  checkArgs(seed, scale);
  const industries = buildIndustries();
  const reference = emptyTables();
  emitReference(reference, industries);
  yield { county: null, tables: reference };
  const ids = new Ids();
  for (let i = 0; i < scale; i++) {
    const county = countyDef(i);
    yield { county, tables: generateOneCounty(seed, county, industries, ids) };
  }
}

function generateOneCounty(seed: number, county: CountyDef, industries: IndustryModel[], ids: Ids): Tables {
  const out = emptyTables();
  const code = county.code;
  const townships = buildRegions(Random.stream(seed, `county:${code}/regions`), county);
  emitRegions(out, code, townships);
  buildFacilities(seed, county, townships, ids, out);

  const households = buildHouseholds({ seed, countyCode: code, countyName: county.name, townships, ids });
  emitHouseholds(out, ids, code, households, seed);
  buildFamilyDoctors(seed, code, households, ids, out);
  const renovated2020 = buildHousing(seed, county, households, ids, out);

  const entities = buildEntities(seed, county, townships, industries, ids, out);
  const contracts = buildContracts(seed, code, households, entities, ids, out);
  const collective = buildCollectiveIncome(seed, code, townships, ids, out);
  buildCadrePay(seed, code, townships, collective, ids, out);
  const jobs = buildEmployment(seed, code, households, entities, ids, out);

  const world = buildCadres(seed, county, townships, households, ids, out);
  const visits = buildVisits(seed, code, households, world, ids, out);
  buildLookBack(seed, code, households, ids, out);

  const enrolments = buildSafetyNet(seed, code, households, ids, out);
  buildInsurance(seed, county, households, ids, out);
  const alerts = buildDepartmentData(seed, code, households, world, enrolments, ids, out);
  const warnings = buildWarnings(seed, code, households, ids, out);
  buildCases(seed, code, { households, world, visits, alerts, warnings }, ids, out);
  buildPlans(seed, code, households, { jobs, contracts, enrolments, renovated2020 }, ids, out);

  buildServiceWindows(seed, code, townships, households, ids, out);
  buildLoveSupermarkets(seed, code, townships, households, ids, out);
  fillDerivedRegions(out);
  return out;
}
