// The API's enum values and their zh-CN / English labels: the kernel's table
// (kernel/labels.ts), the one the API's own descriptions are made from.
import { ENUM_LABELS, enumLabel, enumValues as valuesOf, type EnumName } from '../../../kernel/labels.ts';

export { ENUM_LABELS as ENUMS, type EnumName };

export const enumValues = (name: EnumName): string[] => valuesOf(name);

/** `{ enums: { PovertyStatus: { LIFTED: '已脱贫' } } }` for one language. */
export function enumMessages(lang: 0 | 1): Record<string, Record<string, string>> {
  return Object.fromEntries(
    (Object.keys(ENUM_LABELS) as EnumName[]).map((name) => [
      name,
      Object.fromEntries(valuesOf(name).map((value) => [value, enumLabel(name, value, lang === 0 ? 'zh' : 'en')])),
    ]),
  );
}

/** The Chinese label of a value (exports are always in Chinese). */
export const zhEnum = (name: EnumName, value: unknown): string => (value == null || value === '' ? '' : enumLabel(name, String(value)));
