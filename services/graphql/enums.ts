// Prisma enums exposed with their Chinese labels as GraphQL descriptions.
import { builder } from './builder.ts';

export function labelledEnum<const T extends Record<string, string>>(
  name: string,
  values: T,
  labels: { [K in keyof T]: string },
  description?: string,
) {
  const described = Object.fromEntries(
    Object.keys(values).map((key) => [key, { value: values[key], description: labels[key as keyof T] }]),
  ) as { [K in keyof T & string]: { value: T[K]; description: string } };
  return builder.enumType(name, { ...(description ? { description } : {}), values: described });
}
