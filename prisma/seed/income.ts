// Household income by year (income_record).
//
// The per-capita net income is drawn as a ratio to that year's poverty line,
// which makes the poverty status hold by construction:
//   registered, before the lifted year (and every year when not lifted): 0.50–0.94 × line
//   from the lifted year on: ≥ 1.04 × line, usually growing 2–10 % a year
//   unstable lifted households: just above the line and barely growing
//   edge households: above the line but under the 5,000-yuan monitoring line in 2020
//   sudden-hardship households: ordinary until 2019, then a collapse in 2020
//   ordinary households: ≈ 7,800 yuan in 2014, growing 4–11 % a year.
// Every household also feels its village's yearly shock (regions.ts), so some
// villages see farmer income fall in some years and dual-income growth is not
// trivially true everywhere. Net income is then split into the four components
// plus production expenses in whole fen, the last component taking the rounding
// remainder, so wage + business + property + transfer − expenses = net exactly.
import type { Random } from './random.ts';
import type { HouseholdModel } from './households.ts';
import { POVERTY_LINE, YEARS, yuan, type Ids, type Tables } from './model.ts';

export interface IncomeYear {
  year: number;
  members: number;
  /** Net income in fen. */
  net: number;
}

/** Per-capita net income (yuan) of household h in year y, by its trajectory. */
function perCapita(rnd: Random, h: HouseholdModel, traits: Traits, year: number): number {
  const line = POVERTY_LINE[year]!;
  const shock = h.village.shock.get(year)!;
  const noise = Math.exp(rnd.normal(0, 0.03));
  switch (h.kind) {
    case 'LIFTED': {
      const lifted = h.liftedYear!;
      if (year < lifted) return line * Math.min(0.93, (traits.base + 0.05 * (year - h.registeredYear!)) * noise);
      const ratio = traits.liftRatio * traits.growth ** (year - lifted) * shock * noise;
      return line * Math.max(1.04, ratio);
    }
    case 'NOT_LIFTED':
      return line * Math.min(0.94, (traits.base + 0.03 * (year - h.registeredYear!)) * noise);
    case 'EDGE':
      if (year === 2020) return rnd.range(4050, 4980);
      return line * rnd.range(1.08, 1.3);
    case 'CANDIDATE':
      if (year === 2020) return rnd.range(4300, 4990);
      return Math.max(line * 1.3, traits.start * traits.growth ** (year - 2014) * shock * noise);
    case 'SUDDEN':
      if (year === 2020) return rnd.range(2600, 4900);
      return Math.max(line * 1.3, traits.start * traits.growth ** (year - 2014) * shock * noise);
    case 'PLAIN':
      return Math.max(line * 1.3, traits.start * traits.growth ** (year - 2014) * shock * noise);
  }
}

interface Traits {
  base: number;
  liftRatio: number;
  growth: number;
  start: number;
}

function traitsOf(rnd: Random, h: HouseholdModel): Traits {
  const unstable = h.category === 'UNSTABLE_LIFTED';
  return {
    base: rnd.range(0.5, 0.82),
    liftRatio: unstable ? rnd.range(1.06, 1.22) : rnd.range(1.1, 1.5),
    growth: h.kind === 'LIFTED' ? (unstable ? rnd.range(0.97, 1.03) : rnd.range(1.02, 1.1)) : rnd.range(1.04, 1.11),
    start: Math.max(4200, rnd.logNormal(7800, 0.3)),
  };
}

/** Members in year y: those born by the end of y (everyone else was already there). */
function membersIn(h: HouseholdModel, year: number): number {
  let n = 0;
  for (const p of h.members) if (p.birthYear <= year) n++;
  return n;
}

/** Fills h.income for its years: from registration (registered) or 2014 (others). */
export function planIncome(rnd: Random, h: HouseholdModel): void {
  const traits = traitsOf(rnd, h);
  const first = h.registered ? h.registeredYear! : 2014;
  h.income = [];
  for (const year of YEARS) {
    if (year < first) continue;
    const members = membersIn(h, year);
    const pc = perCapita(rnd, h, traits, year);
    h.income.push({ year, members, net: Math.round(pc * 100) * members });
  }
}

/** Component shares of gross income (before expenses) by situation. */
function shares(h: HouseholdModel, year: number): [number, number, number, number] {
  if (h.registered && (h.liftedYear === null || year < h.liftedYear)) return [0.3, 0.22, 0.02, 0.46];
  if (h.registered) return [0.5, 0.2, 0.06, 0.24];
  return [0.62, 0.24, 0.03, 0.11];
}

export function emitIncome(rnd: Random, out: Tables, ids: Ids, h: HouseholdModel): void {
  const canWork = h.members.some((p) => p.labor === 'FULL' || p.labor === 'PARTIAL');
  const jitter = [rnd.range(0.6, 1.4), rnd.range(0.5, 1.5), rnd.range(0.3, 1.7), rnd.range(0.7, 1.3)];
  const expenseRate = rnd.range(0.06, 0.22);
  for (const inc of h.income) {
    const base = shares(h, inc.year);
    const w = base.map((s, i) => s * jitter[i]!);
    if (!canWork) w[0] = w[0]! * 0.1; // no labour: little wage income, more transfers
    const total = w.reduce((a, b) => a + b, 0);
    const expenses = Math.round(inc.net * expenseRate);
    const gross = inc.net + expenses;
    const wage = Math.round((gross * w[0]!) / total);
    const business = Math.round((gross * w[1]!) / total);
    const property = Math.round((gross * w[2]!) / total);
    const transfer = gross - wage - business - property;
    out.income_record.push({
      id: ids.take('income_record'),
      household_id: h.id,
      year: inc.year,
      members: inc.members,
      wage_income: yuan(wage),
      business_income: yuan(business),
      property_income: yuan(property),
      transfer_income: yuan(transfer),
      production_expenses: yuan(expenses),
      version: 1,
    });
  }
}

/** Per-capita net income in yuan for a year (undefined without a record). */
export function perCapitaIn(h: HouseholdModel, year: number): number | undefined {
  const r = h.income.find((i) => i.year === year);
  return r ? r.net / r.members / 100 : undefined;
}
