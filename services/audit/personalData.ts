// Personal data: what each viewer is shown, and the audit of every unmasked read.
//
// A resident ID (GB 11643) is address(6) + birth date(8) + sequence(3) + check(1).
// The mask `341324********123X` hides exactly the birth date: the gender (17th
// digit's parity) and the check character stay visible. So any field that gives
// the full birth date, or lets a viewer test guesses of the ID, undoes the mask.
//
// Who sees what (persons are never shown to statisticians at all):
//
// | field / path                         | with personal data¹       | masked²                                  |
// |--------------------------------------|---------------------------|------------------------------------------|
// | Person.idNumber                      | full, audited             | 341324********123X                       |
// | Person.phone, Household.phone, BusinessEntity.phone | full, audited | 138****5678                        |
// | Person.birthDate                     | full, audited             | null                                     |
// | Person.birthYear                     | yes                       | yes (4 of the 8 hidden digits)           |
// | Person.age                           | yes                       | null (watched daily, it dates the birthday) |
// | Person.disabilityCertificate         | full, audited             | masked like the ID (2nd-generation numbers are ID + 2 digits) |
// | persons(filter: { search: <full ID> })| yes                      | FORBIDDEN (would confirm guesses)        |
// | persons(orderBy: { field: birthDate })| yes                      | FORBIDDEN (ranks birthdays within a year) |
// | updatePerson(birthDate) without a new idNumber | yes             | FORBIDDEN (accepting only the true date confirms it) |
// | console lists and exports            | as the API returns        | as the API returns, masked again client-side |
// | department imports, alerts           | no ID numbers: reports give line numbers and reasons, alerts a name, a date and `person` (this table) |
//
// ¹ a role holding READ_PERSONAL_DATA (kernel/policy.ts) and a user whose own
//   flag `canReadPersonalData` is set. ² everyone else.
// Residual, by design: a masked writer creating a person with an ID that
// already exists gets CONFLICT (duplicates must be refused); with the birth year
// and the visible check character about 33 guesses remain per person.
import { maskPhone, maskResidentId } from '../../kernel/identifiers/index.ts';
import { CodedError } from '../../kernel/errors.ts';
import { can } from '../../kernel/policy.ts';
import type { AuditedRequest } from './audit.ts';

/** What masking needs of a request (the GraphQL context has it). */
type Context = Pick<AuditedRequest, 'viewer' | 'personalDataReads'>;

/** The policy's READ_PERSONAL_DATA: the role holds it and the user's own flag is set. */
export const canReadPersonalData = (ctx: Context): boolean => can(ctx.viewer, 'READ_PERSONAL_DATA');

/** Refuses an argument that would act as an oracle for a masked viewer. */
export function requirePersonalData(ctx: Context, field: string, what: string): void {
  if (canReadPersonalData(ctx)) return;
  throw new CodedError('FORBIDDEN', `无查看个人信息权限，不能${what} (${field} needs the personal-data permission)`, { field });
}

function reveal<T>(ctx: Context, entity: string, id: number, value: T | null, masked: (v: T) => T | null): T | null {
  if (value == null) return null;
  if (!canReadPersonalData(ctx)) return masked(value);
  ctx.personalDataReads.add(`${entity}:${id}`);
  return value;
}

export const residentIdFor = (ctx: Context, entity: string, id: number, value: string | null) =>
  reveal(ctx, entity, id, value, maskResidentId);

export const phoneFor = (ctx: Context, entity: string, id: number, value: string | null) => reveal(ctx, entity, id, value, maskPhone);

/** The full birth date rebuilds a masked ID: null without the permission. */
export const birthDateFor = (ctx: Context, entity: string, id: number, value: Date | null) => reveal(ctx, entity, id, value, () => null);

/** A second-generation disability certificate is the ID number + category + grade. */
export const certificateFor = (ctx: Context, entity: string, id: number, value: string | null) =>
  reveal(ctx, entity, id, value, (v) => (v.length >= 18 ? maskResidentId(v.slice(0, 18)) + v.slice(18) : v));
