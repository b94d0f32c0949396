// Employment channel enums, with their Chinese labels, and the rule tying each
// indirect channel to the kind of business entity that employs through it.
import { labelledEnum } from '../graphql/enums.ts';
import { BusinessEntityKind, EmploymentChannelCode, EmploymentChannelKind } from '../../prisma/generated/client/enums.ts';

export const EmploymentChannelCodeEnum = labelledEnum('EmploymentChannelCode', EmploymentChannelCode, '就业渠道（共五类）');

export const EmploymentChannelKindEnum = labelledEnum(
  'EmploymentChannelKind',
  EmploymentChannelKind,
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
