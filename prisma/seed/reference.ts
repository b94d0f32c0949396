// County-independent reference rows, generated once per data set: the industry
// catalogue and the yearly screening rules. (employment_channel rows come from
// the migration and are never written here.)
import { POVERTY_LINE, YEARS, AS_OF_STAMP, yuan, MONITORING_LINE_2020, type Tables } from './model.ts';

export type IndustryCategory =
  | 'PLANTING'
  | 'BREEDING'
  | 'PROCESSING'
  | 'STRAW_UTILIZATION'
  | 'MACHINERY_SERVICE'
  | 'LABOUR_SERVICE'
  | 'RURAL_TOURISM'
  | 'E_COMMERCE'
  | 'OTHER';

export interface IndustryModel {
  id: number;
  code: string;
  name: string;
  /** Short form used in entity names, e.g. 山芋种植. */
  short: string;
  category: IndustryCategory;
}

// Si County's own specialities first (泗县山芋, 金丝绞瓜), then the usual mix.
const INDUSTRIES: readonly [string, string, IndustryCategory][] = [
  ['泗县山芋种植', '山芋种植', 'PLANTING'],
  ['金丝绞瓜种植', '绞瓜种植', 'PLANTING'],
  ['设施蔬菜种植', '蔬菜种植', 'PLANTING'],
  ['优质小麦种植', '小麦种植', 'PLANTING'],
  ['食用菌种植', '食用菌种植', 'PLANTING'],
  ['特色水果种植', '果蔬种植', 'PLANTING'],
  ['中药材种植', '中药材种植', 'PLANTING'],
  ['生猪养殖', '生猪养殖', 'BREEDING'],
  ['肉牛肉羊养殖', '牛羊养殖', 'BREEDING'],
  ['家禽养殖', '家禽养殖', 'BREEDING'],
  ['特色水产养殖', '水产养殖', 'BREEDING'],
  ['粮食加工', '粮食加工', 'PROCESSING'],
  ['山芋粉丝加工', '粉丝加工', 'PROCESSING'],
  ['服装鞋帽来料加工', '服装加工', 'PROCESSING'],
  ['电子元件组装', '电子组装', 'PROCESSING'],
  ['秸秆饲料化利用', '秸秆饲料', 'STRAW_UTILIZATION'],
  ['秸秆基料化利用', '秸秆基料', 'STRAW_UTILIZATION'],
  ['秸秆燃料化利用', '秸秆燃料', 'STRAW_UTILIZATION'],
  ['农机作业服务', '农机服务', 'MACHINERY_SERVICE'],
  ['植保飞防服务', '植保服务', 'MACHINERY_SERVICE'],
  ['劳务输出', '劳务', 'LABOUR_SERVICE'],
  ['家政服务', '家政服务', 'LABOUR_SERVICE'],
  ['乡村旅游', '乡村旅游', 'RURAL_TOURISM'],
  ['农家乐', '农家乐', 'RURAL_TOURISM'],
  ['农村电子商务', '电子商务', 'E_COMMERCE'],
  ['直播带货', '电商直播', 'E_COMMERCE'],
  ['光伏扶贫电站', '光伏发电', 'OTHER'],
  ['柳编草编手工艺', '手工编织', 'OTHER'],
];

export function buildIndustries(): IndustryModel[] {
  return INDUSTRIES.map(([name, short, category], i) => ({
    id: i + 1,
    code: `IND${String(i + 1).padStart(3, '0')}`,
    name,
    short,
    category,
  }));
}

/**
 * The grading rules are data: evaluated in order, the first matching level
 * wins (per-capita net income ≤ ratio × poverty line, and at least minRisks).
 */
export const GRADING = [
  { level: 'RED', maxIncomeRatio: 1.0, minRisks: 1 },
  { level: 'ORANGE', maxIncomeRatio: 1.2, minRisks: 1 },
  { level: 'YELLOW', maxIncomeRatio: 1.5, minRisks: 1 },
] as const;

/** The monitoring line: 5,000 yuan in 2020; earlier years in proportion to the poverty line, in whole hundreds. */
export function monitoringLine(year: number): number {
  if (year === 2020) return MONITORING_LINE_2020;
  return Math.round((MONITORING_LINE_2020 * POVERTY_LINE[year]!) / POVERTY_LINE[2020]! / 100) * 100;
}

export function emitReference(out: Tables, industries: IndustryModel[]): void {
  for (const i of industries) {
    out.industry.push({ id: i.id, code: i.code, name: i.name, category: i.category, version: 1 });
  }
  for (const year of YEARS) {
    out.screening_rule.push({
      year,
      poverty_line: yuan(POVERTY_LINE[year]! * 100),
      monitoring_line: yuan(monitoringLine(year) * 100),
      grading: JSON.stringify(GRADING),
      version: 1,
      updated_at: AS_OF_STAMP,
    });
  }
}
