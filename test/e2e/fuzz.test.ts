import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/ui/keymap.js';
import { HEADER, filledRows } from './screen.js';
import {
  KEY,
  type TerminalSession,
  closeSessions,
  startSession,
} from './terminal.js';
import { createRandom } from '../../src/core/random.js';

afterEach(closeSessions);

/** How keymap names are sent by a terminal. */
const SEQUENCES: Record<string, string> = {
  up: KEY.UP,
  down: KEY.DOWN,
  left: KEY.LEFT,
  right: KEY.RIGHT,
  enter: KEY.ENTER,
  escape: KEY.ESCAPE,
  space: KEY.SPACE,
  pageup: KEY.PAGE_UP,
  pagedown: KEY.PAGE_DOWN,
  home: KEY.HOME,
  end: KEY.END,
  tab: KEY.TAB,
  backspace: KEY.BACKSPACE,
  delete: KEY.DELETE,
};

/**
 * Names that are not sent at random: the keys that end the session (sent
 * once, at the end), and `other`, which stands for any key.
 */
const NOT_SENT = new Set(['q', 'ctrl+c', 'other']);

/** The sequence a terminal sends for a keymap name: `up`, `ctrl+s`, `N`. */
function sequenceOf(name: string): string {
  const control = /^ctrl\+([a-z])$/.exec(name)?.[1];
  if (control) return String.fromCharCode(control.charCodeAt(0) - 96);
  return SEQUENCES[name] ?? name;
}

/**
 * Every key of the keymap, the keys the design lists that may not be
 * bound yet, what a value field takes, and chunks as a paste or a fast
 * typist sends them.
 */
function alphabet(): string[] {
  const fromKeymap = KEYMAP.flatMap((group) =>
    group.bindings.flatMap((binding) => binding.keys),
  )
    .filter((name) => !NOT_SENT.has(name))
    .map(sequenceOf);
  const extra = [
    ...'0123456789.-+<>tr SwJE',
    KEY.BACKSPACE,
    KEY.CTRL_H,
    KEY.DELETE,
    KEY.HOME,
    KEY.END,
    '0.25',
    '-1.5',
    '1e3',
    'abc',
    '+++',
    'jjl',
    KEY.DOWN + KEY.DOWN + KEY.RIGHT,
    KEY.FOCUS_IN,
    KEY.FOCUS_OUT,
    KEY.MOUSE_CLICK,
  ];
  return [...new Set([...fromKeymap, ...extra])];
}

/** The seed; NN_TUI_FUZZ_SEED tries another one by hand. */
const SEED = Number(process.env.NN_TUI_FUZZ_SEED ?? 6);
const KEY_COUNT = 1000;
const CHECK_EVERY = 100;

/** Sizes a window is dragged to now and then, some of them too small. */
const SIZES = [
  [80, 24],
  [100, 30],
  [79, 24],
  [80, 23],
  [40, 10],
  [120, 40],
] as const;

/** How often a resize comes between two keys. */
const RESIZE_CHANCE = 0.02;

/** One thing done to the terminal: a key, or a new size after it. */
interface FuzzStep {
  key: string;
  size: readonly [number, number] | null;
}

/** The seeded steps of a run. */
function fuzzSteps(seed: number, count: number): FuzzStep[] {
  const keys = alphabet();
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => ({
    key: pick(keys),
    size: random() < RESIZE_CHANCE ? pick(SIZES) : null,
  }));
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks that the program still draws: the header on the first row (or,
 * in a small window, the request for a larger one) and no internal error.
 * On a busy machine the program may still be catching up with the last
 * keys and resizes, so the screen is given time to settle; a crash or a
 * frame that never comes fails after the usual 10 s.
 */
async function expectAlive(
  session: TerminalSession,
  when: string,
  lastKeys: readonly string[],
): Promise<void> {
  const { cols, rows } = session.terminal;
  const isLarge = cols >= 80 && rows >= 24;
  const isAlive = () => {
    const screen = session.screenText();
    const isDrawn = isLarge
      ? HEADER.test(screen[0] ?? '')
      : filledRows(screen).length === 1 && /80x24/.test(screen[0] ?? '');
    return isDrawn && !/internal error/i.test(screen.join('\n'));
  };
  // The request for a larger window is in the language of the moment (J
  // switches it), so it is recognised by the size it asks for.
  try {
    await session.waitForScreen(isAlive, 'the header and no internal error');
  } catch (error) {
    const keys = JSON.stringify(lastKeys);
    throw new Error(
      `${when} (${cols}x${rows}), the last keys ${keys}: ${String(error)}`,
    );
  }
}

describe('fuzzing the real screen', () => {
  it(`survives ${KEY_COUNT} seeded random keys (seed ${SEED}) and quits with 0`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-fuzz-'));
    const sent: string[] = [];
    try {
      // Saves land in the temporary folder, whatever path is typed.
      const session = await startSession(
        { cwd: folder, env: { HOME: folder } },
        'lesson 1/15',
      );

      for (const [index, step] of fuzzSteps(SEED, KEY_COUNT).entries()) {
        sent.push(step.key);
        session.write(step.key);
        if (step.size) session.resize(...step.size);
        await delay(6);
        if ((index + 1) % CHECK_EVERY === 0) {
          await expectAlive(session, `after key ${index + 1}`, sent.slice(-20));
        }
      }
      session.resize(80, 24);
      await session.waitForText(HEADER);
      await expectAlive(session, 'after the keys', sent.slice(-20));
      await session.quit();

      expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
      expect(await session.unrestored()).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
