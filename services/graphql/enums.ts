// Prisma enums exposed with the kernel's Chinese labels (kernel/labels.ts) as
// GraphQL descriptions: the console and the API read the same table.
import { builder } from './builder.ts';
import { ENUM_LABELS, type EnumName } from '../../kernel/labels.ts';

export function labelledEnum<const T extends Record<string, string>>(
  name: EnumName,
  values: T,
  description?: string,
  /** API-only hints after a value's label, e.g. the mutation that takes a workflow step. */
  notes: Partial<Record<keyof T, string>> = {},
) {
  const labels: Record<string, readonly [string, string]> = ENUM_LABELS[name];
  const described = Object.fromEntries(
    Object.keys(values).map((key) => {
      const label = labels[key]?.[0];
      // A value without a label fails the schema build, so it cannot reach the API unlabelled.
      if (label === undefined) throw new Error(`kernel/labels.ts has no label for ${name}.${key}`);
      const note = notes[key as keyof T];
      return [key, { value: values[key], description: note ? `${label}（${note}）` : label }];
    }),
  ) as { [K in keyof T & string]: { value: T[K]; description: string } };
  return builder.enumType(name, { ...(description ? { description } : {}), values: described });
}
