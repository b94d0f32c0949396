// Members of one household: who lives there (relation, age, gender), their ID
// numbers, names, health, labour capacity, schooling and insurance.
//
// Ages are "at the end of 2020", so a person of age a was born in 2020 − a
// and the age implied by the ID's birth date is always a. Relations keep ages
// plausible: a spouse within a few years of the head, children 20–35 years
// younger, grandchildren a generation below them, parents 20–35 years older.
import { makeResidentId } from '../../kernel/identifiers/index.ts';
import type { Random } from './random.ts';
import { NameMaker, mobile } from './names.ts';
import { day, dateStr } from './model.ts';

export type Gender = 'MALE' | 'FEMALE';
export type Relation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'CHILD_IN_LAW' | 'GRANDCHILD' | 'PARENT' | 'SIBLING' | 'OTHER';
export type Health = 'HEALTHY' | 'CHRONIC_ILLNESS' | 'SERIOUS_ILLNESS' | 'DISABLED';
export type Labor = 'FULL' | 'PARTIAL' | 'NONE' | 'NOT_WORKING_AGE';
export type Schooling =
  'NOT_IN_SCHOOL' | 'PRESCHOOL' | 'PRIMARY' | 'JUNIOR_SECONDARY' | 'SENIOR_SECONDARY' | 'VOCATIONAL' | 'TERTIARY' | 'DROPPED_OUT';

export interface PersonModel {
  id: number;
  idNumber: string;
  name: string;
  gender: Gender;
  birthDay: number;
  birthYear: number;
  /** Age at the end of 2020. */
  age: number;
  relation: Relation;
  phone: string | null;
  labor: Labor;
  health: Health;
  chronicCertificate: string | null;
  disabilityCertificate: string | null;
  disabilityGrade: number | null;
  schooling: Schooling;
  basicMedical: boolean;
  criticalIllness: boolean;
  medicalAssistance: boolean;
  pension: boolean;
}

interface Slot {
  relation: Relation;
  age: number;
  gender: Gender;
}

const clampAge = (a: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(a)));
const otherGender = (g: Gender): Gender => (g === 'MALE' ? 'FEMALE' : 'MALE');

/** Relations, ages and genders for a household of `size` with a head of `headAge`. */
export function compose(rnd: Random, size: number, headAge: number): Slot[] {
  const elderly = headAge >= 65;
  const headGender: Gender = rnd.chance(size === 1 && elderly ? 0.55 : 0.86) ? 'MALE' : 'FEMALE';
  const slots: Slot[] = [{ relation: 'HEAD', age: headAge, gender: headGender }];
  if (size >= 2 && rnd.chance(elderly ? 0.7 : 0.88)) {
    const offset = headGender === 'MALE' ? rnd.normal(-2, 3) : rnd.normal(2, 3);
    slots.push({ relation: 'SPOUSE', age: clampAge(headAge + offset, 20, 99), gender: otherGender(headGender) });
  }
  // Who else: young heads live with children (and sometimes a parent); older heads
  // with an adult son, his wife and grandchildren, or with left-behind grandchildren.
  let son: Slot | null = null;
  while (slots.length < size) {
    const left = size - slots.length;
    if (headAge < 50 && headAge + 24 <= 95 && !slots.some((s) => s.relation === 'PARENT') && rnd.chance(0.22)) {
      slots.push({ relation: 'PARENT', age: clampAge(headAge + rnd.int(22, 32), 45, 96), gender: rnd.chance(0.5) ? 'MALE' : 'FEMALE' });
      continue;
    }
    if (headAge >= 50 && son && left >= 1) {
      if (!slots.some((s) => s.relation === 'CHILD_IN_LAW') && son.age >= 21 && rnd.chance(0.75)) {
        slots.push({ relation: 'CHILD_IN_LAW', age: clampAge(son.age + rnd.normal(-1, 2), 20, 80), gender: otherGender(son.gender) });
        continue;
      }
      const gAge = son.age - rnd.int(21, 32);
      if (gAge >= 0) {
        slots.push({ relation: 'GRANDCHILD', age: gAge, gender: rnd.chance(0.52) ? 'MALE' : 'FEMALE' });
        continue;
      }
    }
    const childAge = headAge >= 21 ? headAge - rnd.int(21, Math.min(34, headAge)) : -1;
    if (childAge < 0 || rnd.chance(0.02)) {
      // A head too young for another child: a younger sibling lives with them.
      slots.push({ relation: 'SIBLING', age: clampAge(headAge - rnd.int(1, 8), 0, 99), gender: rnd.chance(0.5) ? 'MALE' : 'FEMALE' });
      continue;
    }
    const child: Slot = { relation: 'CHILD', age: childAge, gender: rnd.chance(0.53) ? 'MALE' : 'FEMALE' };
    slots.push(child);
    if (!son && child.gender === 'MALE' && child.age >= 21) son = child;
  }
  return slots;
}

/** Per-county state for unique resident IDs: (birth day, sequence) pairs in use. */
export class IdAllocator {
  private readonly used = new Set<number>();
  constructor(
    private readonly regionCode: string,
    private readonly rnd: Random,
  ) {}

  /** A fresh valid ID whose 17th digit matches the gender (odd = male). */
  make(birthDay: number, gender: Gender): string {
    const parity = gender === 'MALE' ? 1 : 0;
    let seq = this.rnd.int(0, 499) * 2 + parity;
    for (let tries = 0; tries < 500; tries++) {
      const key = birthDay * 1000 + seq;
      if (!this.used.has(key)) {
        this.used.add(key);
        return makeResidentId(this.regionCode, dateStr(birthDay), seq);
      }
      seq = (seq + 2) % 1000;
    }
    throw new Error(`no free ID sequence for ${dateStr(birthDay)} (${gender})`);
  }
}

export interface PersonContext {
  rnd: Random;
  names: NameMaker;
  ids: IdAllocator;
  countyCode: string;
  registered: boolean;
  /** EDGE / SUDDEN_HARDSHIP households get some medical assistance too. */
  vulnerable: boolean;
  nextId: () => number;
  nextCertificate: () => number;
}

function health(rnd: Random, age: number, registered: boolean): Health {
  // Illness and disability are the commonest causes of poverty (因病/因残致贫), so
  // registered households carry more of them; both rise with age.
  const disabled = registered ? 0.055 + (age > 60 ? 0.04 : 0) : 0.018;
  const serious = registered ? 0.02 + (age > 50 ? 0.025 : 0) : 0.008 + (age > 50 ? 0.01 : 0);
  const chronic = age < 30 ? 0.02 : registered ? 0.04 + age * 0.0028 : 0.02 + age * 0.0018;
  const x = rnd.float();
  if (x < disabled) return 'DISABLED';
  if (x < disabled + serious) return 'SERIOUS_ILLNESS';
  if (x < disabled + serious + chronic) return 'CHRONIC_ILLNESS';
  return 'HEALTHY';
}

function schooling(rnd: Random, age: number): Schooling {
  if (age < 3) return 'NOT_IN_SCHOOL';
  if (age <= 5) return rnd.chance(0.88) ? 'PRESCHOOL' : 'NOT_IN_SCHOOL';
  if (age <= 11) return 'PRIMARY';
  if (age <= 14) return 'JUNIOR_SECONDARY';
  if (age <= 17)
    return rnd.weighted([
      ['SENIOR_SECONDARY', 55],
      ['VOCATIONAL', 36],
      ['NOT_IN_SCHOOL', 9],
    ] as const);
  if (age <= 22) return rnd.chance(0.38) ? 'TERTIARY' : 'NOT_IN_SCHOOL';
  return 'NOT_IN_SCHOOL';
}

function labor(rnd: Random, p: { age: number; health: Health; grade: number | null; school: Schooling }): Labor {
  if (p.age < 16 || p.age > 65) return 'NOT_WORKING_AGE';
  if (p.school !== 'NOT_IN_SCHOOL' && p.school !== 'DROPPED_OUT') return 'NONE'; // students
  switch (p.health) {
    case 'HEALTHY':
      return rnd.chance(p.age > 55 ? 0.8 : 0.95) ? 'FULL' : 'PARTIAL';
    case 'CHRONIC_ILLNESS':
      return rnd.weighted([
        ['PARTIAL', 65],
        ['FULL', 25],
        ['NONE', 10],
      ] as const);
    case 'SERIOUS_ILLNESS':
      return rnd.chance(0.6) ? 'NONE' : 'PARTIAL';
    case 'DISABLED':
      if ((p.grade ?? 4) <= 2) return 'NONE';
      return rnd.weighted([
        ['PARTIAL', 70],
        ['FULL', 10],
        ['NONE', 20],
      ] as const);
  }
}

/** The members of one household, head first. */
export function makeMembers(ctx: PersonContext, size: number, headAge: number): PersonModel[] {
  const { rnd, names } = ctx;
  const slots = compose(rnd, size, headAge);
  const head = slots[0]!;
  const headSurname = names.surname();
  const spouseSurname = names.surname();
  // Children take the father's surname: the head's, unless the head is a married woman.
  const familySurname = head.gender === 'FEMALE' && slots.some((s) => s.relation === 'SPOUSE') ? spouseSurname : headSurname;
  return slots.map((slot) => {
    const birthYear = 2020 - slot.age;
    // Day within the birth year (no one is born after the end of 2020).
    const birthDay = day(birthYear, 1, 1) + rnd.int(0, 364);
    const surname =
      slot.relation === 'HEAD' || slot.relation === 'SIBLING'
        ? headSurname
        : slot.relation === 'SPOUSE'
          ? spouseSurname
          : slot.relation === 'CHILD' || slot.relation === 'GRANDCHILD'
            ? familySurname
            : slot.relation === 'PARENT' && slot.gender === 'MALE'
              ? headSurname
              : names.surname();
    const idNumber = ctx.ids.make(birthDay, slot.gender);
    const h = health(rnd, slot.age, ctx.registered);
    const grade =
      h === 'DISABLED'
        ? rnd.weighted([
            [1, 12],
            [2, 22],
            [3, 30],
            [4, 36],
          ] as const)
        : null;
    const school = schooling(rnd, slot.age);
    const adult = slot.age >= 16 && (school === 'NOT_IN_SCHOOL' || school === 'DROPPED_OUT');
    const basic = ctx.registered || rnd.chance(0.965);
    const person: PersonModel = {
      id: ctx.nextId(),
      idNumber,
      name: surname + names.given(slot.gender, birthYear),
      gender: slot.gender,
      birthDay,
      birthYear,
      age: slot.age,
      relation: slot.relation,
      phone: slot.relation === 'HEAD' ? mobile(rnd) : null,
      labor: labor(rnd, { age: slot.age, health: h, grade, school }),
      health: h,
      chronicCertificate: h === 'CHRONIC_ILLNESS' ? `MB${ctx.countyCode}${String(ctx.nextCertificate()).padStart(8, '0')}` : null,
      // 残疾证号 = ID number + disability category (1–7) + grade (1–4).
      disabilityCertificate: grade !== null ? `${idNumber}${rnd.int(1, 7)}${grade}` : null,
      disabilityGrade: grade,
      schooling: school,
      // All registered poor: basic medical, critical illness and medical assistance (三重保障).
      basicMedical: basic,
      criticalIllness: basic,
      medicalAssistance: ctx.registered || (ctx.vulnerable && rnd.chance(0.5)),
      pension: adult && (ctx.registered ? rnd.chance(0.98) : rnd.chance(0.86)),
    };
    return person;
  });
}

export function personRow(p: PersonModel, householdId: number, createdAt: string, updatedAt: string) {
  return {
    id: p.id,
    household_id: householdId,
    id_number: p.idNumber,
    name: p.name,
    gender: p.gender,
    birth_date: dateStr(p.birthDay),
    relation: p.relation,
    phone: p.phone,
    labor_capacity: p.labor,
    health: p.health,
    chronic_illness_certificate: p.chronicCertificate,
    disability_certificate: p.disabilityCertificate,
    disability_grade: p.disabilityGrade,
    schooling: p.schooling,
    basic_medical_insurance: p.basicMedical,
    critical_illness_insurance: p.criticalIllness,
    medical_assistance: p.medicalAssistance,
    pension_insurance: p.pension,
    deceased_at: null,
    version: 1,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
