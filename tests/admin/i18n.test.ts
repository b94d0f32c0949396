// The console's Chinese covers every react-admin message (ra-language-english's
// keys) and every console label has both languages.
import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import chineseMessages from '../../admin/src/i18n/zh.ts';
import { zhApp } from '../../admin/src/i18n/appZh.ts';
import { enApp } from '../../admin/src/i18n/appEn.ts';
import { ENUMS } from '../../admin/src/i18n/enums.ts';
import { localized } from '../../admin/src/common/validators.ts';
import { validateCreditCode } from '../../kernel/identifiers/creditCode.ts';

function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('zh.ts has exactly the keys of ra-language-english, with the same placeholders', () => {
    expect(keys(chineseMessages)).toEqual(keys(englishMessages));
    const en = englishMessages as unknown as Record<string, any>;
    for (const key of keys(englishMessages)) {
      const pick = (m: Record<string, any>) => key.split('.').reduce<any>((o, k) => o[k], m) as string;
      expect(placeholders(pick(chineseMessages as Record<string, any>)), key).toEqual(placeholders(pick(en)));
    }
  });

  it('console labels exist in both languages and Chinese text is Chinese', () => {
    expect(keys(enApp)).toEqual(keys(zhApp));
    expect(zhApp.resources.cooperatives.fields.creditCode).toBe('统一社会信用代码');
  });

  it('every enum value has a Chinese and an English label', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const [value, labels] of Object.entries(values as Record<string, readonly string[]>)) {
        expect(labels[0], `${name}.${value}`).toMatch(/[\u4e00-\u9fff]/);
        expect(labels[1], `${name}.${value}`).toMatch(/^[A-Z]/);
      }
    }
  });

  it("splits the identifier checks' bilingual reasons for each language", () => {
    const result = validateCreditCode('91341324MA2N0000X0');
    expect(result.ok).toBe(false);
    const { zh, en } = localized((result as { reason: string }).reason);
    expect(zh).toMatch(/^统一社会信用代码/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
