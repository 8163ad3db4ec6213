import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { builtInLessons } from '../../src/preset/catalog.js';

/** What a message is: text, or a function of so many arguments. */
function shape(value: unknown): string {
  return typeof value === 'function'
    ? `function of ${value.length}`
    : typeof value;
}

describe('every message in both languages', () => {
  it('has the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('has the same type for each key (text, or a function of as many arguments)', () => {
    const english = en as Record<string, unknown>;
    const japanese = ja as Record<string, unknown>;
    for (const key of Object.keys(english)) {
      expect({ key, shape: shape(japanese[key]) }).toEqual({
        key,
        shape: shape(english[key]),
      });
    }
  });

  it('has no empty text in either language', () => {
    for (const messages of [en, ja]) {
      for (const [key, value] of Object.entries(messages)) {
        if (typeof value === 'string')
          expect({ key, value }).not.toEqual({
            key,
            value: '',
          });
      }
    }
  });

  it('has a Japanese title and notes for every lesson', () => {
    for (const lesson of builtInLessons()) {
      expect({ name: lesson.name, ja: Boolean(lesson.title.ja) }).toEqual({
        name: lesson.name,
        ja: true,
      });
      expect({ name: lesson.name, ja: Boolean(lesson.notes.ja) }).toEqual({
        name: lesson.name,
        ja: true,
      });
    }
  });
});
