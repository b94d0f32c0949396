// The front-end queries the benchmark fires at /graphql: what an app for cadres
// shows on its list and detail pages. No personal fields (idNumber, phone) are
// selected: an unmasked read writes an audit row, which is not a read benchmark.
export interface BenchQuery {
  name: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

export const HOUSEHOLD_PAGE = `query HouseholdPage($first: Int!) {
  households(first: $first) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id householdNumber address registered registeredYear status liftedYear monitoringCategory
      members { id name gender birthDate relation laborCapacity health }
      benefitLinkageContracts(first: 10) { edges { node {
        id contractNumber mode startDate endDate annualBenefit
        entity { id name kind }
      } } }
      incomeRecords { id year wageIncome businessIncome propertyIncome transferIncome productionExpenses members netIncome perCapitaNetIncome }
    } }
  }
}`;

export const COOPERATIVE_PAGE = `query CooperativePage($first: Int!) {
  cooperatives(first: $first) {
    edges { node {
      id name creditCode legalRepresentative memberCount registeredCapital
      benefitLinkageContracts(first: 20) {
        totalCount
        edges { node { id contractNumber mode annualBenefit household { id householdNumber address status } } }
      }
    } }
  }
}`;

export const TOWNSHIP_VILLAGES = `query TownshipVillages($code: String!) {
  townships(first: 1, filter: { regionCode: $code }) {
    edges { node {
      id code name
      villages(first: 50) { edges { node {
        id code name formerlyPoor
        collectiveIncomes(year: 2020, first: 10) { edges { node { id source amount } } }
      } } }
    } }
  }
}`;

export const NODE_LOOKUP = `query NodeLookup($id: ID!) {
  node(id: $id) { id ... on Household { householdNumber address status members { id name relation } } }
}`;

export const FILTERED_COUNT = `query FilteredCount($code: String!) {
  households(first: 1, filter: { regionCode: $code, registered: true, status: LIFTED }) { totalCount }
}`;

export function frontEndQueries(householdId: string, township: string): BenchQuery[] {
  return [
    {
      name: 'householdPage',
      label: '(1) household page of 50 with members, contracts + entity, incomes',
      query: HOUSEHOLD_PAGE,
      variables: { first: 50 },
    },
    {
      name: 'cooperativePage',
      label: '(2) cooperative page of 20 with contracts and households',
      query: COOPERATIVE_PAGE,
      variables: { first: 20 },
    },
    {
      name: 'townshipVillages',
      label: "(3) a township's villages with 2020 collective income",
      query: TOWNSHIP_VILLAGES,
      variables: { code: township },
    },
    { name: 'nodeLookup', label: '(4) node(id) lookup of a household', query: NODE_LOOKUP, variables: { id: householdId } },
    {
      name: 'filteredCount',
      label: '(5) filtered totalCount (township, registered, lifted)',
      query: FILTERED_COUNT,
      variables: { code: township },
    },
  ];
}
