// Hand-written documents outside the per-resource maps (checked against
// schema.graphql by tests/admin/schemaContract.test.ts, like the generated ones).

export const HOUSEHOLD_EMPLOYMENT =
  'query HouseholdEmployment($id: ID!) { node(id: $id) { id ... on Household { members { id name employments { id channelCode postName startDate endDate monthlyWage active employer { id name } } } } } }';

export const RECORD_PAYOUT =
  'mutation recordContractPayout($input: RecordContractPayoutInput!) { recordContractPayout(input: $input) { benefitLinkageContract { id version totalPaid } } }';

export const VIEWER = 'query Viewer { viewer { id username role regionCode canReadPersonalData permissions } }';
