import { describe, expect, it } from 'vitest';
import { initialLanguage, MESSAGES, translate, translateValue } from './i18n';

describe('message files', () => {
  it('give every label in Chinese and in English, none blank', () => {
    const zh = Object.keys(MESSAGES.zh).sort();
    const en = Object.keys(MESSAGES.en).sort();
    expect(en).toEqual(zh);
    for (const language of ['zh', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[language])) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(MESSAGES.zh) as (keyof typeof MESSAGES.zh)[]) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.zh[key]));
    }
  });

  it('fill placeholders and speak Chinese unless English was chosen', () => {
    expect(translate('zh', 'common.pageOf', { page: 2, pages: 5, total: 93 })).toBe('第 2 / 5 页，共 93 条');
    expect(translate('en', 'common.pageOf', { page: 2, pages: 5, total: 93 })).toBe('Page 2 of 5, 93 in all');
    expect(initialLanguage(null)).toBe('zh');
    expect(initialLanguage('fr')).toBe('zh');
    expect(initialLanguage('en')).toBe('en');
  });

  it('show an enum value the file does not know as itself, never blank', () => {
    expect(translateValue('zh', 'applicationState', 'FRAUD_REVIEW')).toBe('人工复核中');
    expect(translateValue('en', 'applicationState', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(translateValue('en', 'applicationState', null)).toBe('—');
  });
});
