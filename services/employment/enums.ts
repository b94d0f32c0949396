// Employment channel enums, with their Chinese labels, and the rule tying each
// indirect channel to the kind of business entity that employs through it.
import { labelledEnum } from '../graphql/enums.ts';
import { BusinessEntityKind, EmploymentChannelCode, EmploymentChannelKind } from '../../prisma/generated/client/enums.ts';

export const EmploymentChannelCodeEnum = labelledEnum(
  'EmploymentChannelCode',
  EmploymentChannelCode,
  {
    INDUSTRIAL_PARK_BASE: '园区基地',
    POVERTY_ALLEVIATION_FACTORY: '扶贫工厂',
    COOPERATIVE: '合作社',
    PUBLIC_WELFARE_POST: '公益性岗位',
    HOME_BASED: '居家就业',
  },
  '就业渠道（共五类）',
);

export const EmploymentChannelKindEnum = labelledEnum(
  'EmploymentChannelKind',
  EmploymentChannelKind,
  { INDIRECT: '间接就业', DIRECT: '直接就业' },
  '就业方式：间接就业（经营主体吸纳）或直接就业',
);

/** The entity kind an indirect channel's employer must have; null: a direct channel, no employer. */
export const EMPLOYER_KIND: Record<EmploymentChannelCode, BusinessEntityKind | null> = {
  INDUSTRIAL_PARK_BASE: BusinessEntityKind.INDUSTRIAL_PARK_BASE,
  POVERTY_ALLEVIATION_FACTORY: BusinessEntityKind.POVERTY_ALLEVIATION_WORKSHOP,
  COOPERATIVE: BusinessEntityKind.COOPERATIVE,
  PUBLIC_WELFARE_POST: null,
  HOME_BASED: null,
};

export const isChannelCode = (value: unknown): value is EmploymentChannelCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(EmploymentChannelCode, value);

/** Today's date in China Standard Time, as a Date at UTC midnight (how DATE columns are read). */
export function today(now = new Date()): Date {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate()));
}
