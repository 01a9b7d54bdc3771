import { createContext, useContext } from 'react';
import zh from './messages.zh.json';
import en from './messages.en.json';

export type Language = 'zh' | 'en';
export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

/** Every label the console shows, per language; Chinese is the default. */
export const MESSAGES: Record<Language, Messages> = { zh, en };
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** The message for key in language, with {name} placeholders filled; a missing key shows as itself, never as blank. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[language][key] ?? MESSAGES.zh[key] ?? key;
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for an enum value (a state, a step, a status) when the file has one, or the value itself. */
export function translateValue(language: Language, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const key = `${group}.${value}` as MessageKey;
  return MESSAGES[language][key] ?? value;
}

/**
 * A field rule's message from the file when it has one (rule.NotBlank, rule.bad-credentials), so
 * common refusals read in the staff member's language; otherwise the API's own sentence.
 */
export function translateRule(language: Language, rule: string, apiMessage: string): string {
  const key = `rule.${rule}` as MessageKey;
  return MESSAGES[language][key] ?? apiMessage;
}

export function initialLanguage(stored: string | null): Language {
  return stored === 'en' ? 'en' : 'zh';
}

export interface I18n {
  language: Language;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  v: (group: string, value: string | null | undefined) => string;
  rule: (rule: string, apiMessage: string) => string;
  setLanguage: (language: Language) => void;
}

export function i18nFor(language: Language, setLanguage: (language: Language) => void = () => {}): I18n {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    v: (group, value) => translateValue(language, group, value),
    rule: (rule, apiMessage) => translateRule(language, rule, apiMessage),
    setLanguage,
  };
}

export const I18nContext = createContext<I18n>(i18nFor('zh'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
