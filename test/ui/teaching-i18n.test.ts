import { describe, expect, it } from 'vitest';
import type { TrainingOutcome } from '../../src/core/train.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { builtInLessons } from '../../src/preset/catalog.js';

/** What a message is: text, or a function of so many arguments. */
function shape(value: unknown): string {
  return typeof value === 'function'
    ? `function of ${value.length}`
    : typeof value;
}

/** One outcome of each kind, as the core reports them. */
const OUTCOMES: TrainingOutcome[] = [
  { kind: 'overflowed', epoch: 3, learningRate: 1e308 },
  { kind: 'converged-clean', epoch: 6, updates: 10 },
  { kind: 'converged', epoch: 635, lossThreshold: 0.01 },
  { kind: 'not-converged', epochs: 1, rowsRight: 2, rows: 4, loss: 0.1234 },
  { kind: 'not-separable', epochs: 1000, output: null, isPlane: false },
  { kind: 'not-separable', epochs: 50, output: 2, isPlane: true },
  { kind: 'separable-not-yet', epochs: 5, isRightNow: false },
  { kind: 'separable-not-yet', epochs: 5, isRightNow: true },
  { kind: 'no-clean-epoch', epochs: 5 },
];

describe('what training came to, in both languages', () => {
  it.each(OUTCOMES)('says $kind in Japanese with its numbers', (outcome) => {
    const text = ja.trainingOutcome(outcome);
    expect(text).toMatch(/[\u3040-\u30ff]/);
    expect(text).not.toMatch(/\b(the|epoch|epochs|rows?)\b/);
    const numbers = Object.values(outcome).filter(
      (value): value is number => typeof value === 'number',
    );
    for (const number of numbers) {
      const shown = number === 0.1234 ? '0.123' : String(number);
      expect(text).toContain(shown);
      expect(en.trainingOutcome(outcome)).toContain(shown);
    }
  });

  it('says why one perceptron never learns XOR in both', () => {
    const outcome = OUTCOMES[4]!;
    expect(en.trainingOutcome(outcome)).toBe(
      'No clean epoch in 1000 epochs: no straight line splits the 1s from ' +
        'the 0s (not linearly separable), so one layer of step neurons ' +
        'never gets every row right. Add a hidden layer, as the XOR lesson ' +
        'does, or use sigmoid and backprop.',
    );
    expect(ja.trainingOutcome(outcome)).toBe(
      '1000 エポックで誤りのないエポックはありません: 1 と 0 を分ける直線はありません ' +
        '(線形分離不可能)。ステップニューロン 1 層ではすべての行を正解にできません。' +
        'XOR のレッスンのように隠れ層を足すか、シグモイドと誤差逆伝播法を使ってください。',
    );
  });
});

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
