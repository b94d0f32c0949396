// `region_code` of the records derived from a household, written by the
// generator exactly as the database's triggers would (migration
// row_level_security), so that the load can switch those triggers off instead
// of paying a lookup per row. The list mirrors the migration's calls;
// tests/seed/county.test.ts checks the loaded county against the parents.
import type { Row, TableName, Tables } from './model.ts';

/** child, its link to the parent, the parent, the parent's column holding the code: parents first. */
const DERIVED: readonly (readonly [TableName, string, TableName, string])[] = [
  ['person', 'household_id', 'household', 'village_code'],
  ['income_record', 'household_id', 'household', 'village_code'],
  ['house_renovation', 'household_id', 'household', 'village_code'],
  ['relocation', 'household_id', 'household', 'village_code'],
  ['benefit_linkage_contract', 'household_id', 'household', 'village_code'],
  ['cadre_assignment', 'household_id', 'household', 'village_code'],
  ['risk_point', 'household_id', 'household', 'village_code'],
  ['look_back_review', 'household_id', 'household', 'village_code'],
  ['warning', 'household_id', 'household', 'village_code'],
  ['assistance_plan', 'household_id', 'household', 'village_code'],
  ['safety_net_enrolment', 'household_id', 'household', 'village_code'],
  ['insurance_policy', 'household_id', 'household', 'village_code'],
  ['points_ledger_entry', 'household_id', 'household', 'village_code'],
  ['visit', 'household_id', 'household', 'village_code'],
  ['employment', 'person_id', 'person', 'region_code'],
  ['family_doctor_contract', 'person_id', 'person', 'region_code'],
  ['family_doctor_follow_up', 'contract_id', 'family_doctor_contract', 'region_code'],
  ['contract_payout', 'contract_id', 'benefit_linkage_contract', 'region_code'],
  ['case_transition', 'case_id', 'monitoring_case', 'village_code'],
  ['assistance_measure', 'plan_id', 'assistance_plan', 'region_code'],
  ['insurance_claim', 'policy_id', 'insurance_policy', 'region_code'],
  ['visit_aspect_result', 'visit_id', 'visit', 'region_code'],
];

/** The tables whose BEFORE INSERT trigger sets the region; the loader may switch them off. */
export const REGION_TRIGGERS: readonly (readonly [TableName, string])[] = [
  ...DERIVED.map(([child]) => [child, 'region_from_parent'] as const),
  ['service_request', 'region_from_parent'],
  ['service_routing', 'region_from_parent'],
  ['monitoring_case', 'household_region'],
  ['alert', 'household_region'],
];

function codes(rows: Row[], column: string): Map<number, string> {
  return new Map(rows.map((row) => [row.id as number, String(row[column] ?? '')]));
}

/** Sets `region_code` on every derived row of one county's tables. */
export function fillDerivedRegions(tables: Tables): void {
  for (const [child, link, parent, column] of DERIVED) {
    const parents = codes(tables[parent], column);
    for (const row of tables[child]) row.region_code = parents.get(row[link] as number) ?? '';
  }
  // A service request names a household or, failing one, its window's township.
  const households = codes(tables.household, 'village_code');
  const windows = codes(tables.service_window, 'township_code');
  for (const row of tables.service_request) {
    row.region_code =
      (row.household_id == null ? undefined : households.get(row.household_id as number)) ?? windows.get(row.window_id as number) ?? '';
  }
  const requests = codes(tables.service_request, 'region_code');
  for (const row of tables.service_routing) row.region_code = requests.get(row.request_id as number) ?? '';
}
