// One label table: the API's enum descriptions (schema.graphql) are the kernel's
// Chinese labels, and every labelled enum has exactly the API's values.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphQLEnumType, buildSchema } from 'graphql';
import { ENUM_LABELS, enumLabel, enumLabels, type EnumName } from '../../kernel/labels.ts';

const schema = buildSchema(fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

describe('enum labels', () => {
  it('has a Chinese and an English label for every value', () => {
    for (const name of Object.keys(ENUM_LABELS) as EnumName[]) {
      for (const [value, zh] of Object.entries(enumLabels(name, 'zh'))) expect(zh, `${name}.${value}`).toMatch(/[\u4e00-\u9fff]/);
      for (const [value, en] of Object.entries(enumLabels(name, 'en'))) expect(en, `${name}.${value}`).toMatch(/^[A-Z]/);
    }
  });

  it('describes each value in schema.graphql with its kernel label', () => {
    for (const name of Object.keys(ENUM_LABELS) as EnumName[]) {
      const type = schema.getType(name);
      expect(type, name).toBeInstanceOf(GraphQLEnumType);
      const values = (type as GraphQLEnumType).getValues();
      expect(values.map((v) => v.name).sort(), name).toEqual(Object.keys(ENUM_LABELS[name]).sort());
      for (const v of values.filter((v) => v.description != null)) {
        const label = enumLabel(name, v.name);
        expect(v.description!.slice(0, label.length), `${name}.${v.name}`).toBe(label);
      }
    }
  });
});
