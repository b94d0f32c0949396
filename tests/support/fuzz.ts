// Schema-driven fast-check arbitraries: for any mutation of the printed schema,
// inputs mixing plausible values (real ids, real region codes) with garbage of
// every kind, so new mutations (e.g. monitoring) are fuzzed without new code.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
  type GraphQLField,
} from 'graphql';
import { globalId } from './sql.ts';

export const loadSchema = (file: string): GraphQLSchema => buildSchema(readFileSync(file, 'utf8'));

/** Real values the generators may pick, so some inputs get past the first checks. */
export interface Pool {
  /** Prisma model name → a few real row ids with their versions. */
  rows: Record<string, { id: number; version: number }[]>;
  villageCodes: string[];
  townshipCodes: string[];
  industryCodes: string[];
}

const sqlish = fc.constantFrom(
  "'; DROP TABLE household; --",
  '1 OR 1=1',
  '\\x00',
  "' UNION SELECT * FROM app_user --",
  '%',
  '_',
  '\\',
  '"',
  '$1',
  '\u0000',
  '\ud800',
  'NULL',
  'null',
  'undefined',
  '{}',
  '[]',
  '${jndi:x}',
  '<script>alert(1)</script>',
);
const weirdString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  sqlish,
  fc.constantFrom('', ' ', '\t\n', '零', '🌾'.repeat(30), 'é'.repeat(200)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const weirdNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, -1, 0, 1e308, -0),
  fc.constantFrom('NaN', 'Infinity', '-1', '1e5', '0x10', '١٢', ''),
);
const decimalString = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '-0.01',
    '1e309',
    '1e-400',
    '0x1F',
    '１２３',
    '12.345',
    '1,000.00',
    '.5',
    '5.',
    '99999999999999999999999.99',
    '123456789012.34',
    '12 34',
    '+1',
    '--1',
    '1e3',
    ' 100 ',
    '',
  ),
);
const dateString = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2024-02-30',
    '2023-02-29',
    '0000-00-00',
    '9999-12-31',
    '0001-01-01',
    '2024-1-1',
    '2024-13-01',
    '20240101',
    '2024-01-01T00:00:00Z',
    '2024/01/01',
    '1969-12-31',
    '275760-09-13',
    '-2024-01-01',
    '２０２４-01-01',
  ),
);

/** Which model an ID field points at (by the usual naming). */
function idTarget(field: string, mutationModel: string | null): string | null {
  if (field === 'id' || (field === 'contractId' && mutationModel === 'BenefitLinkageContract')) return mutationModel;
  const m = /^(.*?)Ids?$/.exec(field);
  if (!m) return null;
  const base = m[1]!;
  const named: Record<string, string> = {
    household: 'Household',
    person: 'Person',
    entity: 'BusinessEntity',
    employer: 'BusinessEntity',
    industry: 'Industry',
    contract: 'BenefitLinkageContract',
  };
  return named[base] ?? base.charAt(0).toUpperCase() + base.slice(1);
}

const MODELS = [
  'Household',
  'Person',
  'Industry',
  'BusinessEntity',
  'BenefitLinkageContract',
  'VillageCollectiveIncome',
  'Employment',
  'Village',
  'AppUser',
];

export class InputFuzzer {
  constructor(private readonly pool: Pool) {}

  private idArb(target: string | null): fc.Arbitrary<unknown> {
    const own = target ? (this.pool.rows[target] ?? []) : [];
    const anyRow = Object.values(this.pool.rows).flat();
    const options: fc.Arbitrary<unknown>[] = [
      fc.constantFrom(...MODELS).chain((t) => fc.integer({ min: -5, max: 3_000_000 }).map((n) => globalId(t, n))),
      fc.string({ maxLength: 30 }).map((s) => Buffer.from(s).toString('base64')),
      fc.constantFrom(
        '',
        '====',
        'not-base64!',
        globalId('Household', 'abc'),
        globalId('', ''),
        globalId('Household', '1e3'),
        globalId('Household', '99999999999999999999'),
        globalId('Household', '-1'),
        globalId('Household', ' 1'),
        '1',
      ),
      weirdString,
      fc.integer(),
    ];
    if (own.length) options.push(fc.constantFrom(...own).map((r) => globalId(target!, r.id)));
    if (own.length) options.push(fc.constantFrom(...own).map((r) => globalId(target!, r.id)));
    if (anyRow.length) options.push(fc.constantFrom(...MODELS).chain((t) => fc.constantFrom(...anyRow).map((r) => globalId(t, r.id))));
    return fc.oneof(...options);
  }

  /** `version` is always stale or garbage: no generated update or delete may succeed on real rows. */
  private versionArb(model: string | null): fc.Arbitrary<unknown> {
    const own = model ? (this.pool.rows[model] ?? []) : [];
    const stale = own.length ? [fc.constantFrom(...own).map((r) => r.version + 1000)] : [];
    return fc.oneof(...stale, fc.constantFrom(-1, 2 ** 31, 1.5, '1', null), weirdNumber);
  }

  private stringArb(field: string): fc.Arbitrary<unknown> {
    const real: fc.Arbitrary<unknown>[] = [];
    if (/villageCode/i.test(field) || field === 'regionCode') real.push(fc.constantFrom(...this.pool.villageCodes));
    if (/townshipCode/i.test(field)) real.push(fc.constantFrom(...this.pool.townshipCodes));
    if (/industryCode/i.test(field)) real.push(fc.constantFrom(...this.pool.industryCodes));
    if (field === 'username') real.push(fc.constantFrom('admin', 'township1', 'dept1', 'nobody'));
    if (field === 'password') real.push(fc.constantFrom('wrong-password', 'demo-passwor', ''));
    if (/idNumber/i.test(field)) real.push(fc.constantFrom('34132419800101001X', '341324198001010011', '111111111111111111'));
    if (/creditCode/i.test(field)) real.push(fc.constantFrom('91341324MA2XXXXXXX', '913413240000000000', '91341324MA2N1234X5'));
    return fc.oneof(...real, weirdString, fc.integer(), fc.boolean(), fc.constant(null));
  }

  /**
   * `typed`: values of the right GraphQL type (semantically bad or not), so the
   * call reaches the resolvers; otherwise anything, mostly stopped by coercion.
   */
  value(type: GraphQLInputType, field: string, model: string | null, depth = 0, typed = false): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      const inner = this.value(type.ofType, field, model, depth, typed);
      return typed ? inner.filter((v) => v !== null) : inner;
    }
    if (typed) return this.typedValue(type, field, model, depth);
    if (isListType(type)) {
      const item = this.value(type.ofType, field, model, depth + 1);
      return fc.oneof(
        fc.array(item, { maxLength: 4 }),
        fc.constant(null),
        item, // a single item where a list is expected (GraphQL coerces it)
        fc.integer({ min: 200, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
      );
    }
    const named = getNamedType(type);
    if (isEnumType(named)) {
      const values = named.getValues().map((v) => v.name);
      return fc.oneof(
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        fc.constantFrom(...values).map((v) => v.toLowerCase()),
        weirdString,
        fc.integer(),
      );
    }
    if (isInputObjectType(named)) {
      if (depth > 2) return fc.constant(null);
      return this.object(named.getFields(), model, depth + 1);
    }
    if (isScalarType(named)) {
      switch (named.name) {
        case 'ID':
          return this.idArb(idTarget(field, model));
        case 'Int':
          return field === 'version'
            ? this.versionArb(model)
            : fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 6 }), weirdNumber, weirdString);
        case 'Float':
          return weirdNumber;
        case 'Boolean':
          return fc.oneof(fc.boolean(), fc.boolean(), fc.constantFrom('true', 0, 1, 'yes'));
        case 'Decimal':
          return fc.oneof(decimalString, decimalString, weirdNumber, weirdString, fc.constant({ value: 1 }));
        case 'Date':
          return fc.oneof(dateString, dateString, weirdNumber, weirdString);
        case 'DateTime':
          return fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            weirdString,
            weirdNumber,
          );
        default:
          return this.stringArb(field);
      }
    }
    return fc.constant(null);
  }

  private typedValue(type: GraphQLInputType, field: string, model: string | null, depth: number): fc.Arbitrary<unknown> {
    if (isListType(type))
      return fc.oneof(fc.array(this.value(type.ofType, field, model, depth + 1, true), { maxLength: 4 }), fc.constant(null));
    const named = getNamedType(type);
    const orNull = (a: fc.Arbitrary<unknown>) => fc.option(a, { freq: 6, nil: null });
    if (isEnumType(named)) return orNull(fc.constantFrom(...named.getValues().map((v) => v.name)));
    if (isInputObjectType(named)) {
      if (depth > 2) return fc.constant(null);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, f] of Object.entries(named.getFields())) shape[name] = this.value(f.type, name, model, depth + 1, true);
      return fc.record(shape, {
        requiredKeys: Object.entries(named.getFields())
          .filter(([, f]) => isNonNullType(f.type))
          .map(([n]) => n),
      });
    }
    if (!isScalarType(named)) return fc.constant(null);
    switch (named.name) {
      case 'ID':
        return this.idArb(idTarget(field, model)).filter((v) => typeof v === 'string');
      case 'Int':
        return field === 'version'
          ? this.versionArb(model).filter((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31)
          : orNull(
              fc.oneof(
                fc.integer({ min: 1900, max: 2100 }),
                fc.integer({ min: -5, max: 6 }),
                fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
              ),
            );
      case 'Float':
        return orNull(fc.double({ noNaN: true, noDefaultInfinity: true }));
      case 'Boolean':
        return orNull(fc.boolean());
      case 'Decimal':
        return orNull(decimalString);
      case 'Date':
        return orNull(dateString);
      case 'DateTime':
        return orNull(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
      default:
        return orNull(this.stringArb(field).filter((v) => typeof v === 'string'));
    }
  }

  /** An input object: each field plausible, garbage, null or missing; sometimes an unknown extra field. */
  object(fields: Record<string, { type: GraphQLInputType }>, model: string | null, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, f] of Object.entries(fields)) shape[name] = this.value(f.type, name, model, depth);
    const missing = fc.subarray(Object.keys(shape), { maxLength: Math.min(2, Object.keys(shape).length) });
    return fc.tuple(fc.record(shape), missing, fc.option(weirdString, { freq: 8 })).map(([value, drop, extra]) => {
      const out: Record<string, unknown> = { ...value };
      for (const name of drop) delete out[name];
      if (extra !== null) out.__unknownField = extra;
      return out;
    });
  }
}

/** The model a mutation acts on: createFooBar → FooBar, approveMonitoringCase → MonitoringCase; recordContractPayout → BenefitLinkageContract (its contractId). */
export function mutationModel(name: string): string | null {
  if (name === 'recordContractPayout') return 'BenefitLinkageContract';
  const m = /^[a-z]+([A-Z].*)$/.exec(name);
  return m ? m[1]! : null;
}

/** A document selecting the payload's scalars and the ids of its objects. */
export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const payload = getNamedType(field.type);
  let selection = '__typename';
  if (isObjectType(payload)) {
    selection +=
      ' ' +
      Object.values(payload.getFields())
        .map((f) => {
          const t = getNamedType(f.type);
          if (isObjectType(t)) return t.getFields().id ? `${f.name} { id }` : `${f.name} { __typename }`;
          return f.args.some((a) => isNonNullType(a.type)) ? '' : f.name;
        })
        .join(' ');
  }
  // Without arguments (logout, refreshSession) `Fuzz()` would not parse; a scalar result (logout) takes no selection.
  const call = `result: ${field.name}${pass ? `(${pass})` : ''}${isObjectType(payload) ? ` { ${selection} }` : ''}`;
  return `mutation Fuzz${args ? `(${args})` : ''} { ${call} }`;
}
