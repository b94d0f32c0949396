// The household rules a mutation must keep (the database enforces them too; here
// they become BAD_USER_INPUT errors that name the field and the reason).
import { validateResidentId } from '../../kernel/identifiers/index.ts';
import { badInput } from '../graphql/errors.ts';

export const FIRST_REGISTRATION_YEAR = 2013;

export interface HouseholdState {
  registered: boolean;
  registeredYear: number | null;
  status: 'NOT_LIFTED' | 'LIFTED' | null;
  liftedYear: number | null;
  monitoringCategory: 'UNSTABLE_LIFTED' | 'EDGE' | 'SUDDEN_HARDSHIP' | null;
  monitoringSince: Date | null;
  riskEliminatedAt: Date | null;
}

export function checkHousehold(h: HouseholdState, now = new Date()): void {
  const thisYear = now.getUTCFullYear();
  const yearOk = (y: number | null) => y === null || (y >= FIRST_REGISTRATION_YEAR && y <= thisYear);
  if (!yearOk(h.registeredYear)) throw badInput('registeredYear', `建档立卡年份应在 ${FIRST_REGISTRATION_YEAR}–${thisYear} 之间`);
  if (!yearOk(h.liftedYear)) throw badInput('liftedYear', `脱贫年份应在 ${FIRST_REGISTRATION_YEAR}–${thisYear} 之间`);
  if (h.registered) {
    if (h.registeredYear === null) throw badInput('registeredYear', '建档立卡户须填写建档立卡年份');
    if (h.status === null) throw badInput('status', '建档立卡户须填写脱贫状态');
  } else if (h.registeredYear !== null || h.status !== null || h.liftedYear !== null) {
    throw badInput('registered', '非建档立卡户不能有建档年份、脱贫状态或脱贫年份');
  }
  if (h.status === 'LIFTED' && h.liftedYear === null) throw badInput('liftedYear', '已脱贫户须填写脱贫年份');
  if (h.status !== 'LIFTED' && h.liftedYear !== null) throw badInput('liftedYear', '未脱贫户不能有脱贫年份');
  if (h.liftedYear !== null && h.registeredYear !== null && h.liftedYear < h.registeredYear) {
    throw badInput('liftedYear', '脱贫年份不能早于建档立卡年份');
  }
  if (h.monitoringCategory === 'UNSTABLE_LIFTED' && h.status !== 'LIFTED') {
    throw badInput('monitoringCategory', '脱贫不稳定户须为已脱贫的建档立卡户');
  }
  if (h.monitoringCategory === 'EDGE' && h.registered) throw badInput('monitoringCategory', '边缘易致贫户须为非建档立卡户');
  if ((h.monitoringCategory === null) !== (h.monitoringSince === null)) {
    throw badInput('monitoringSince', '纳入监测须同时填写类别和纳入日期');
  }
  if (h.riskEliminatedAt && (!h.monitoringSince || h.riskEliminatedAt < h.monitoringSince)) {
    throw badInput('riskEliminatedAt', '风险消除日期须在纳入监测之后');
  }
}

/** A resident ID checked against the standard, and against the given birth date and gender. */
export function checkResidentId(idNumber: string, birthDate: Date | null | undefined, gender: string | null | undefined) {
  const result = validateResidentId(idNumber);
  if (!result.ok) throw badInput('idNumber', result.reason);
  if (birthDate && birthDate.toISOString().slice(0, 10) !== result.birthDate) {
    throw badInput('birthDate', `出生日期与身份证号不符，身份证号中为 ${result.birthDate}`);
  }
  if (gender && gender !== result.gender) throw badInput('gender', '性别与身份证号第 17 位不符');
  return result;
}

export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
