// The report builder's views: Cube's /meta when it answers, else the contract
// of DOMAIN.md "Indicators" (the names statisticians rely on).
import type { CubeView } from '../cube/cube.ts';

const m = (view: string, names: string[]) => names.map((n) => ({ name: `${view}.${n}`, shortTitle: n }));

export const FALLBACK_VIEWS: CubeView[] = [
  {
    name: 'poverty',
    measures: m('poverty', ['poverty_incidence', 'poor_persons', 'rural_population', 'lifted_households', 'lifted_persons']),
    dimensions: m('poverty', ['year', 'township', 'village']),
  },
  {
    name: 'dual_income',
    measures: m('dual_income', [
      'collective_income',
      'collective_income_growth',
      'farmer_income_per_capita',
      'farmer_income_growth',
      'dual_growth_villages',
      'village_count',
    ]),
    dimensions: m('dual_income', ['year', 'township', 'village']),
  },
  {
    name: 'employment',
    measures: m('employment', ['employed_persons', 'average_monthly_wage']),
    dimensions: m('employment', ['channel', 'channel_kind', 'township', 'village']),
  },
  {
    name: 'benefit_linkage',
    measures: m('benefit_linkage', ['contract_count', 'linked_households', 'linkage_coverage', 'annual_benefit']),
    dimensions: m('benefit_linkage', ['mode', 'entity_kind', 'township']),
  },
  {
    name: 'monitoring',
    measures: m('monitoring', ['monitored_households', 'risk_eliminated_rate']),
    dimensions: m('monitoring', ['category', 'risk_type', 'warning_level', 'township']),
  },
];

export const memberLabel = (member: { name: string; title?: string; shortTitle?: string }) =>
  member.shortTitle && member.shortTitle !== member.name.split('.')[1] ? `${member.shortTitle} (${member.name})` : member.name;
