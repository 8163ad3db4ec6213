import { afterEach, describe, expect, it } from 'vitest';
import { tableRows } from './screen.js';
import { KEY, closeSessions, startSession } from './terminal.js';

afterEach(closeSessions);

/**
 * How long a test waits for a key that a regression may eat: ample for
 * one key, and short, so that a failure does not wait the full 10 s.
 */
const SENTINEL_MS = 1000;

// Terminals, tmux and ssh hand several keys to the program in one read
// when they come fast; each must still count as a key.
describe('several keys in one chunk', () => {
  it('nudges three times for +++ written at once', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('+++');

    await session.waitForText('x1[  0.80]');
    expect(session.screen()).toContain('y = step(0.80*x1 + 0.50*x2 - 0.70)');
  });

  it('moves down twice and right once for jjl written at once', async () => {
    const session = await startSession({ args: ['xor'] }, 'lesson 7/15');

    await session.press('jjl');

    await session.waitForText('> y: s1   0.50  s2[  0.50] b  -0.70');
    expect(session.screen()).toContain('y = step(0.50*s1 + 0.50*s2 - 0.70)');
  });

  it('handles arrow keys written at once as jjl does', async () => {
    const session = await startSession({ args: ['xor'] }, 'lesson 7/15');

    await session.press(KEY.DOWN + KEY.DOWN + KEY.RIGHT);

    await session.waitForText('> y: s1   0.50  s2[  0.50] b  -0.70');
  });

  it('turns AND into OR with ll+++++ written at once', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('ll+++++');

    await session.waitForText('b[ -0.20]');
    expect(tableRows(session.screenText()).map((row) => row[8])).toEqual([
      '0',
      '1',
      '1',
      '1',
    ]);
  });

  it('types a pasted value into the field as text', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    await session.press('-0.25');
    await session.waitForText(/of y AND: -0\.25 +Enter sets/);
    await session.press(KEY.ENTER);

    await session.waitForText('x1[ -0.25]');
  });
});

// A regression guard: in the build of 3 December 13:30 to 14:45, keys in
// the chunk that opened a field were dropped (`e-0.5<Enter>` opened the
// field and lost the rest), and a chunk typed into an open field was
// inserted whole, CR included (`-0.5<Enter>ll+`), the CR then drawn raw.
describe('a chunk of keys that opens or closes a field', () => {
  it('opens the field, types the value and sets it for e-0.5<Enter> at once', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press(`e-0.5${KEY.ENTER}`);

    await session.waitForText('x1[ -0.50]', SENTINEL_MS);
  });

  it('sets the value, then moves and nudges for -0.5<Enter>ll+ at once', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    await session.press(`-0.5${KEY.ENTER}ll+`);

    await session.waitForText('x1  -0.50  x2   0.50  b[ -0.60]', SENTINEL_MS);
  });
});

// A regression guard: in the same build, a Backspace or Tab that arrived
// with other keys became a character of the field's text (ink-text-input
// inserted the chunk as it came) and was written raw to the terminal: the
// field showed `13` while it held `12<DEL>3`.
describe('Backspace in a chunk of keys', () => {
  it.each([
    ['\\x7f (DEL)', KEY.BACKSPACE],
    ['\\b (Ctrl+H)', KEY.CTRL_H],
  ])(
    'deletes the character before it when sent as %s with other keys',
    async (_, backspace) => {
      const session = await startSession({}, 'lesson 1/15');

      await session.press('e');
      await session.waitForText('Enter sets');
      await session.press(`12${backspace}3`);
      await session.press(KEY.ENTER);

      await session.waitForText('x1[ 13.00]', SENTINEL_MS);
    },
  );

  it('never draws a control character that was typed into a field', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    await session.press('1');
    await session.press(`2${KEY.TAB}3${KEY.BACKSPACE}`);
    await session.press(KEY.ESCAPE);
    await session.press('s');
    await session.waitForText('Save to:');
    await session.press('x');
    await session.press(`y${KEY.CTRL_H}z`);
    await session.press(KEY.ESCAPE);

    expect(session.strayControls()).toEqual([]);
  });
});

// A terminal sends focus and mouse reports when a program (perhaps an
// earlier one that crashed) turned them on; nn-tui must not take them for
// typed text or for keys.
//
// A regression guard: in the same build, Ink handed these sequences to
// `useInput` with the ESC stripped, so the value field typed `[I`, `[O`
// or `[<0;10;20M`, and outside a field `keyNames` made keys of them:
// focus-in removed an input (`I`), a mouse report lowered the step (`<`)
// and zeroed the selected value (`0`), a release also opened the targets.
const REPORTS = [
  ['focus in', KEY.FOCUS_IN],
  ['focus out', KEY.FOCUS_OUT],
  ['mouse press', KEY.MOUSE_CLICK],
  ['mouse release', KEY.MOUSE_RELEASE],
] as const;

/**
 * Types 0.3, sends the report, then 9: the field must read 0.39. The 9
 * makes the check wait for the report to have been read, on any machine.
 */
async function expectFieldKept(report: string): Promise<void> {
  const session = await startSession({}, 'lesson 1/15');

  await session.press('e');
  await session.waitForText('Enter sets');
  for (const key of '0.3') await session.press(key);
  await session.waitForText(/of y AND: 0\.3 +Enter sets/);
  await session.press(report);
  await session.press('9');

  await session.waitForText(/of y AND: \S*9 +Enter sets/, SENTINEL_MS);
  expect(session.screen()).toMatch(
    /^weight from x1 of y AND: 0\.39 +Enter sets/m,
  );
  await session.press(KEY.ENTER);
  await session.waitForText('x1[  0.39]');
}

/**
 * Sends the report, then opens and closes help: the screen must be what
 * it was. The round trip through help makes the check wait for the report
 * to have been read.
 */
async function expectScreenKept(report: string): Promise<void> {
  const session = await startSession({}, 'lesson 1/15');
  const before = session.screen();

  await session.press(report);
  await session.press('?');
  await session.waitForText(/^Keys/m, SENTINEL_MS);
  await session.press(KEY.ESCAPE);
  await session.waitForNoText(/^Keys/m, SENTINEL_MS);

  expect(session.screen()).toBe(before);
}

describe('focus and mouse reports', () => {
  it.each(REPORTS)(
    'leaves the value field as typed after a %s report',
    (_, report) => expectFieldKept(report),
  );

  it.each(REPORTS)(
    'changes nothing on the screen after a %s report outside a field',
    (_, report) => expectScreenKept(report),
  );
});
