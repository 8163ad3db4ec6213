import { afterEach, describe, expect, it } from 'vitest';
import { HEADER, filledRows } from './screen.js';
import {
  KEY,
  type TerminalSession,
  closeSessions,
  startSession,
} from './terminal.js';

afterEach(closeSessions);

const TOO_SMALL = /^Please make the window at least 80x24/;
/** The request for a larger window, in full or, when narrow, in short. */
const ASKS_FOR_MORE = /^(Please make the window|80x24\+ \(\d+x\d+\))/;

/** Checks that the frame on screen fits: header first, nothing wrapped or scrolled. */
function expectFits(session: TerminalSession, after: string): void {
  const rows = session.screenText();
  expect(rows[0], `the first row after ${after}`).toMatch(HEADER);
  expect(session.wrappedRows(), `wrapped rows after ${after}`).toEqual([]);
  expect(session.scrolledLines, `lines scrolled off after ${after}`).toBe(0);
  expect(session.strayControls(), `control characters after ${after}`).toEqual(
    [],
  );
}

/** Every lesson (n walks through all 15 and back), every overlay and field. */
const SESSION_OF_KEYS: readonly string[] = [
  ...Array.from({ length: 15 }, () => 'n'),
  '?',
  KEY.DOWN,
  KEY.DOWN,
  KEY.PAGE_DOWN,
  KEY.ESCAPE,
  'o',
  KEY.DOWN,
  KEY.ESCAPE,
  'e',
  '1',
  KEY.ESCAPE,
  's',
  KEY.ESCAPE,
  'm',
  KEY.ESCAPE,
  'j',
  '+',
  'N',
  'N',
  'L',
  'i',
  'g',
  KEY.PAGE_DOWN,
  'u',
  'u',
  'q',
];

describe('at 80x24', () => {
  it.each(['en', 'ja'])(
    'fits every lesson and overlay without wrapping or scrolling (--lang %s)',
    async (language) => {
      const session = await startSession(
        { args: ['--lang', language] },
        '1/15',
      );
      expectFits(session, 'start-up');

      for (const [index, key] of SESSION_OF_KEYS.entries()) {
        await session.press(key);
        expectFits(session, `key ${index + 1}, ${JSON.stringify(key)}`);
      }
    },
  );
});

describe('below 80x24', () => {
  it.each([
    [79, 24],
    [80, 23],
    [40, 10],
  ])(
    'shows one line asking for a larger window at %dx%d',
    async (columns, rows) => {
      const session = await startSession({ columns, rows }, ASKS_FOR_MORE);

      await session.quiet(50);
      const screen = session.screenText();
      expect(filledRows(screen)).toHaveLength(1);
      // Wide enough, it says it all; at 40 columns, both sizes in short.
      if (columns >= 79) {
        expect(screen[0]).toMatch(TOO_SMALL);
        expect(screen[0]).toContain(`(now ${columns}x${rows})`);
      } else {
        expect(screen[0]).toBe(`80x24+ (${columns}x${rows})`);
      }
      expect(session.wrappedRows()).toEqual([]);
    },
  );
});

describe('resizing', () => {
  // Narrower and taller at once: the terminal brings back lines from its
  // history at the top, and the request must still be alone on screen.
  it.each([
    [79, 25],
    [79, 26],
    [60, 40],
  ])(
    'narrows and grows to %dx%d showing only the line asking for more',
    async (columns, rows) => {
      const session = await startSession(
        { args: ['three-layer'] },
        'lesson 13/15',
      );

      session.resize(columns, rows);
      await session.waitForText(ASKS_FOR_MORE);
      await session.quiet(100);

      const screen = session.screenText();
      expect(screen[0]).toMatch(ASKS_FOR_MORE);
      expect(filledRows(screen)).toHaveLength(1);
    },
  );

  it.each([
    [40, 10],
    [79, 24],
    [80, 23],
  ])(
    'shrinks to %dx%d showing one line, and grows back to the same screen as before',
    async (columns, rows) => {
      const session = await startSession({}, 'lesson 1/15');
      const before = session.screen();

      session.resize(columns, rows);
      await session.waitForText(ASKS_FOR_MORE);
      await session.quiet(50);
      expect(filledRows(session.screenText())).toHaveLength(1);
      expect(session.screenText()[0]).toMatch(ASKS_FOR_MORE);

      session.resize(80, 24);
      await session.waitForScreen(
        (screen) => screen === before,
        'the screen from before the resize',
      );
      expect(session.wrappedRows()).toEqual([]);
    },
  );

  it('changes nothing for keys pressed while the window is too small', async () => {
    const session = await startSession({}, 'lesson 1/15');
    const before = session.screen();

    session.resize(60, 20);
    await session.waitForText(ASKS_FOR_MORE);
    for (const key of ['+', '+', 't', 'n', 'e', '7', KEY.ENTER]) {
      await session.press(key);
    }
    session.resize(80, 24);

    await session.waitForScreen(
      (screen) => screen === before,
      'the screen from before the window was made small',
    );
  });

  it('quits with q while the window is too small', async () => {
    const session = await startSession({}, 'lesson 1/15');
    session.resize(60, 20);
    await session.waitForText(ASKS_FOR_MORE);

    await session.press('q');

    expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
  });

  it.each([
    [100, 30],
    [120, 24],
    [80, 40],
  ])(
    'grows to %dx%d drawing what a fresh start at that size draws, and shrinks back',
    async (columns, rows) => {
      const [fresh, session] = await Promise.all([
        startSession({ columns, rows }, 'lesson 1/15'),
        startSession({}, 'lesson 1/15'),
      ]);
      const expected = fresh.screen();
      const before = session.screen();

      session.resize(columns, rows);
      await session.waitForScreen(
        (screen) => screen === expected,
        `the screen of a fresh start at ${columns}x${rows}`,
      );
      expect(session.wrappedRows()).toEqual([]);

      session.resize(80, 24);
      await session.waitForScreen(
        (screen) => screen === before,
        'the screen from before the resize',
      );
    },
  );

  // Narrowing at the same height: the frame drawn for the wider window
  // wraps and pushes the rows down, so the next frame must not trust any
  // row of it, not even one whose line is the same at both widths.
  it.each([
    ['three-layer', 81, 80],
    ['three-layer', 121, 120],
    ['not', 100, 80],
    ['xor', 85, 84],
  ])(
    'narrows %s from %d to %d columns drawing what a fresh start draws',
    async (lesson, from, to) => {
      const [fresh, session] = await Promise.all([
        startSession({ args: [lesson], columns: to }, 'lesson'),
        startSession({ args: [lesson], columns: from }, 'lesson'),
      ]);
      const expected = fresh.screen();

      session.resize(to, 24);

      await session.waitForScreen(
        (screen) => screen === expected,
        `the screen of a fresh start at ${to}x24`,
      );
    },
  );

  it('follows a drag through many sizes and ends on the same screen', async () => {
    const session = await startSession({}, 'lesson 1/15');
    const before = session.screen();

    // A window corner dragged: sizes come faster than frames.
    const sizes = [
      [90, 26],
      [110, 32],
      [70, 20],
      [96, 24],
      [81, 25],
      [80, 24],
    ] as const;
    for (const [columns, rows] of sizes) {
      session.resize(columns, rows);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }

    await session.waitForScreen(
      (screen) => screen === before,
      'the screen from before the resizes',
    );
    expect(session.wrappedRows()).toEqual([]);
  });

  // With line wrapping off, the cursor stays on the last column after a
  // line as wide as the window, and tmux then erased that column when a
  // redraw erased to the end of the line after the text (xterm.js keeps
  // it either way; test/ui/line-update.test.ts checks the order).
  it('keeps the last column of full-width lines through a resize (xor grids)', async () => {
    const session = await startSession(
      { args: ['xor'], columns: 100, rows: 30 },
      'lesson 7/15',
    );
    const before = session.screenText();
    expect(before.some((line) => line.length === 100)).toBe(true);

    session.resize(120, 30);
    await session.waitForScreen(
      (screen) => screen.split('\n').some((line) => line.length === 120),
      'the screen at 120 columns',
    );
    session.resize(100, 30);
    await session.waitForScreen(
      (screen) => screen === before.join('\n'),
      'the screen from before the resize, last columns too',
    );
  });

  it('keeps a value being typed through a shrink and a grow', async () => {
    const session = await startSession({}, 'lesson 1/15');
    await session.press('e');
    await session.waitForText('Enter sets');
    for (const key of '0.7') await session.press(key);

    session.resize(60, 20);
    await session.waitForText(/^Please make the window/);
    session.resize(80, 24);
    await session.waitForText(/^weight from x1 of y AND: 0\.7 /m);
    await session.press(KEY.ENTER);

    await session.waitForText('x1[  0.70]');
    expectFits(session, 'the resizes');
  });
});
