import { afterEach, describe, expect, it } from 'vitest';
import { KEY, closeSessions, startSession } from './terminal.js';

afterEach(closeSessions);

describe('the preset list', () => {
  it('lists the 15 lessons in order from the current one, * on edited ones', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('+');
    await session.press('n');
    await session.press('o');

    await session.waitForText('Presets in lesson order');
    const rows = session.screenText();
    expect(rows.find((row) => row.includes(' and '))).toMatch(
      /^ \* +1 {2}and +AND gate$/,
    );
    expect(rows.find((row) => row.includes(' nand '))).toMatch(
      /^> {3}2 {2}nand +NAND gate$/,
    );
    expect(session.screen()).toMatch(
      /^ +7 {2}xor +XOR from NAND, OR and AND$/m,
    );
    expect(session.screen()).toMatch(/^ +15 {2}blank +Your own network$/m);
  });

  it('opens the lesson chosen with the arrows and Enter', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('o');
    await session.press(KEY.DOWN);
    await session.press(KEY.DOWN);
    await session.waitForText(/^> +3 {2}or /m);
    await session.press(KEY.ENTER);

    await session.waitForText('lesson 3/15');
    expect(session.screenText()[0]).toMatch(
      /^ nn-tui {2}lesson 3\/15 {2}OR gate /,
    );
    expect(session.screen()).toContain('y = step(0.50*x1 + 0.50*x2 - 0.20)');
    expect(session.screen()).not.toContain('Presets in lesson order');
  });

  it('closes with Esc and keeps the lesson', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('o');
    await session.press(KEY.DOWN);
    await session.press(KEY.ESCAPE);

    await session.waitForNoText('Presets in lesson order');
    expect(session.screenText()[0]).toContain('lesson 1/15  AND gate');
  });
});

describe('help', () => {
  it('lists the keys from the keymap under the header', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('?');

    await session.waitForText(/^Keys/m);
    const screen = session.screen();
    expect(session.screenText()[0]).toContain('lesson 1/15  AND gate');
    expect(screen).toMatch(/^ +\+ \/ - +raise \/ lower the selected value/m);
    expect(screen).toMatch(/^ +Enter e +type an exact value/m);
    expect(screen).toMatch(/^ +o +list of all presets/m);
  });

  it('scrolls with down and closes on another key', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('?');
    await session.waitForText(/^Keys/m);
    const first = session.screen();
    await session.press(KEY.DOWN);
    await session.waitForScreen((screen) => screen !== first, 'help to scroll');
    await session.press(KEY.ESCAPE);

    await session.waitForText('Truth table  4/4 right');
    expect(session.screen()).not.toMatch(/^Keys/m);
  });
});
