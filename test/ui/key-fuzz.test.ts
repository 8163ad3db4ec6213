import { describe, expect, it } from 'vitest';
import { shapeProblems } from '../../src/core/network.js';
import { createRandom } from '../../src/core/random.js';
import { builtInLessons } from '../../src/preset/catalog.js';
import { KEYMAP, reduceKeys } from '../../src/ui/keymap.js';
import { initialState, reduce, type SessionState } from '../../src/ui/state.js';

const lessons = builtInLessons();

/** Every key of the keymap, and some that mean nothing, or type text. */
const KEYS = [
  ...new Set(KEYMAP.flatMap((group) => group.bindings.flatMap((b) => b.keys))),
  ...['z', '7', '-', '.', '1', ',', 'backspace', 'tab', 'delete'],
].filter((key) => key !== 'other');

const TOTAL_KEYS = 100_000;
const SEGMENT = 100;

/** A new session on the lesson that `state` shows, with no history. */
function freshSession(state: SessionState): SessionState {
  return {
    ...initialState({
      lessons,
      start: state.lesson,
      startIndex: state.lessonIndex,
      language: state.language,
    }),
  };
}

describe('100,000 seeded random keys through the reducer', () => {
  it('never throw, keep every network sound, and undo back exactly', () => {
    const random = createRandom(20261203);
    let state = initialState({
      lessons,
      start: lessons[0]!,
      startIndex: 0,
      language: 'en',
    });
    let pressed = 0;
    let changes = 0;
    while (pressed < TOTAL_KEYS) {
      // Segments short enough that undo reaches back to their start.
      const start = freshSession(state);
      let current = start;
      for (let i = 0; i < SEGMENT; i++, pressed++) {
        const key = KEYS[Math.floor(random() * KEYS.length)]!;
        const before = current.lesson.network;
        current = reduceKeys(current, [key]);
        const network = current.lesson.network;
        if (network !== before) changes++;
        if (shapeProblems(network).length > 0) {
          throw new Error(
            `after key ${pressed} (${key}): ${shapeProblems(network)[0]}`,
          );
        }
      }
      let undone = current;
      while (undone.past.length > 0) {
        undone = reduce(undone, { type: 'undo' });
      }
      expect(undone.lesson.network).toEqual(start.lesson.network);
      expect(undone.lesson.targets).toEqual(start.lesson.targets);
      state = current;
    }
    expect(pressed).toBe(TOTAL_KEYS);
    // The keys did change networks, not only wander through menus.
    expect(changes).toBeGreaterThan(TOTAL_KEYS / 10);
  }, 120_000);
});
