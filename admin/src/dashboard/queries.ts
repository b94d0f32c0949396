// The dashboard's Cube queries (names are the statisticians' contract, DOMAIN.md "Indicators").
import { YEARS_2014_2020, type CubeQuery } from '../cube/cube.ts';

const years2014to2020 = (member: string) => ({ member, operator: 'equals' as const, values: YEARS_2014_2020 });

export const DASHBOARD_QUERIES = {
  incidence: {
    measures: ['poverty.poverty_incidence'],
    dimensions: ['poverty.year'],
    filters: [years2014to2020('poverty.year')],
    order: { 'poverty.year': 'asc' },
  },
  lifted: {
    measures: ['poverty.lifted_households'],
    dimensions: ['poverty.year'],
    filters: [years2014to2020('poverty.year')],
    order: { 'poverty.year': 'asc' },
  },
  // The latest complete year of the seed (growth is Y against Y−1).
  dualIncome: {
    measures: ['dual_income.collective_income_growth', 'dual_income.farmer_income_growth'],
    dimensions: ['dual_income.township'],
    filters: [{ member: 'dual_income.year', operator: 'equals', values: ['2020'] }],
    order: { 'dual_income.township': 'asc' },
  },
  employment: {
    measures: ['employment.employed_persons'],
    dimensions: ['employment.channel'],
    order: { 'employment.employed_persons': 'desc' },
  },
  coverage: {
    measures: ['benefit_linkage.linkage_coverage', 'benefit_linkage.linked_households', 'benefit_linkage.contract_count'],
  },
} satisfies Record<string, CubeQuery>;
