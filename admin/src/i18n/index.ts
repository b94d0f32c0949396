// zh-CN by default; English through the language switch. Messages: react-admin's
// own (zh.ts / ra-language-english), the console's labels and the enum labels.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import chineseMessages from './zh.ts';
import { zhApp } from './appZh.ts';
import { enApp } from './appEn.ts';
import { enumMessages } from './enums.ts';
import { monitoringEn, monitoringZh } from './monitoring.ts';

// The monitoring screens' labels add resources and a `monitoring` section (i18n/monitoring.ts).
export const zhMessages = {
  ...chineseMessages,
  ...zhApp,
  resources: { ...zhApp.resources, ...monitoringZh.resources },
  monitoring: monitoringZh.monitoring,
  enums: enumMessages(0),
} as unknown as TranslationMessages;
export const enMessages = {
  ...englishMessages,
  ...enApp,
  resources: { ...enApp.resources, ...monitoringEn.resources },
  monitoring: monitoringEn.monitoring,
  enums: enumMessages(1),
} as unknown as TranslationMessages;

// react-admin keeps the chosen locale in its store (localStorage), so a switch survives reloads.
export const defaultLocale = 'zh-CN';

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : zhMessages),
  defaultLocale,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
