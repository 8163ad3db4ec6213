import { afterEach, describe, expect, it } from 'vitest';
import { gridCells, gridShape, tableRows } from './screen.js';
import { KEY, closeSessions, startSession } from './terminal.js';

afterEach(closeSessions);

/** The line of the value field, under the formula. */
function fieldRow(rows: readonly string[]): string {
  return rows.find((row) => row.includes(' of y AND: ')) ?? '(no field)';
}

describe('nudging a weight', () => {
  it('turns AND into OR when its bias is raised 5 times by 0.1', async () => {
    const session = await startSession({}, 'lesson 1/15');
    const andGrid = gridCells(session.screenText());

    await session.press(KEY.RIGHT);
    await session.press(KEY.RIGHT);
    await session.waitForText('b[ -0.70]');
    for (let nudge = 0; nudge < 5; nudge++) await session.press('+');

    await session.waitForText('b[ -0.20]');
    const rows = session.screenText();
    expect(rows[0]).toMatch(/AND gate \*/);
    expect(session.screen()).toContain('y = step(0.50*x1 + 0.50*x2 - 0.20)');
    expect(session.screen()).toContain('Truth table  2/4 right');
    expect(tableRows(rows)).toEqual([
      ' 0  0 | 0 |      0 ok | -0.20',
      ' 0  1 | 1 |      0  X |  0.30',
      ' 1  0 | 1 |      0  X |  0.30',
      ' 1  1 | 1 |      1 ok |  0.80',
    ]);
    expect(gridCells(rows)).not.toEqual(andGrid);

    // The grid is now the OR lesson's grid (its points aside, which show
    // X where AND's targets are missed).
    const or = await startSession({ args: ['or'] }, 'lesson 3/15');
    expect(gridShape(rows)).toEqual(gridShape(or.screenText()));
    expect(gridCells(rows)[3]).toBe('######X###########1######');
  });

  it('lowers the selected weight with - and the step size with <', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('<');
    await session.waitForText('nudge 0.01');
    await session.press('-');

    await session.waitForText('x1[  0.49]');
    expect(session.screen()).toContain('y = step(0.49*x1 + 0.50*x2 - 0.70)');
  });
});

describe('typing a value', () => {
  it('sets the weight to -0.5 with e, the digits and Enter', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText(
      /^weight from x1 of y AND: 0\.50 +Enter sets, Esc cancels$/m,
    );
    for (const key of '-0.5') await session.press(key);
    await session.waitForText(/^weight from x1 of y AND: -0\.5 +Enter sets/m);
    await session.press(KEY.ENTER);

    await session.waitForText('x1[ -0.50]');
    expect(session.screen()).toContain('y = step(-0.50*x1 + 0.50*x2 - 0.70)');
    expect(tableRows(session.screenText())).toEqual([
      ' 0  0 | 0 |      0 ok | -0.70',
      ' 0  1 | 0 |      0 ok | -0.20',
      ' 1  0 | 0 |      0 ok | -1.20',
      ' 1  1 | 0 |      1  X | -0.70',
    ]);
  });

  it('opens the field with Enter as well, on the selected bias', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('l');
    await session.press('l');
    await session.press(KEY.ENTER);
    await session.waitForText('bias of y AND: -0.70');
    for (const key of '-0.2') await session.press(key);
    await session.waitForText(/of y AND: -0\.2 +Enter sets/);
    await session.press(KEY.ENTER);

    await session.waitForText('b[ -0.20]');
    expect(session.screen()).toContain('Truth table  2/4 right');
  });

  it('keeps the old value when Esc cancels the field', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    await session.press('3');
    await session.waitForText(/of y AND: 3 +Enter/);
    await session.press(KEY.ESCAPE);

    await session.waitForNoText('Enter sets');
    expect(session.screen()).toContain('x1[  0.50]');
    expect(session.screenText()[0]).not.toContain('AND gate *');
  });

  it('refuses a comma with the reason and keeps the field open', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    for (const key of '1,5') await session.press(key);
    await session.waitForText(/of y AND: 1,5 +Enter sets/);
    await session.press(KEY.ENTER);

    await session.waitForText("'1,5': use a dot for decimals");
    expect(fieldRow(session.screenText())).toContain('of y AND: 1,5');
    expect(session.screen()).toContain('x1[  0.50]');
  });

  it.each([
    ['\\x7f (DEL)', KEY.BACKSPACE],
    ['\\b (Ctrl+H)', KEY.CTRL_H],
  ])('deletes the last character with Backspace sent as %s', async (_, key) => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('e');
    await session.waitForText('Enter sets');
    for (const typed of '1.25') await session.press(typed);
    await session.waitForText(/of y AND: 1\.25 +Enter/);
    await session.press(key);
    await session.waitForText(/of y AND: 1\.2 +Enter/);
    await session.press(key);
    await session.waitForText(/of y AND: 1\. +Enter/);
    await session.press(KEY.ENTER);

    await session.waitForText('x1[  1.00]');
  });
});
