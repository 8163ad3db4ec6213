// lineUpdate redraws only the changed columns of a line. Checked in a real
// terminal emulator (xterm, headless): a line drawn, then updated, must
// look exactly like the new line drawn on a clean row, cell by cell,
// styles included.
import xterm from '@xterm/headless';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lineUpdate, linesOnScreen } from '../../src/ui/line-update.js';

const COLUMNS = 40;

/** Moves the cursor to the start of the first row. */
const HOME = '\u001B[1;1H';

const BOLD = ['\u001B[1m', '\u001B[22m'] as const;
const RED = ['\u001B[31m', '\u001B[39m'] as const;
const INVERSE = ['\u001B[7m', '\u001B[27m'] as const;
const ON_GREEN = ['\u001B[42m', '\u001B[49m'] as const;

/** What xterm shows in each column of the first row. */
async function firstRow(...writes: string[]): Promise<string[]> {
  const terminal = new xterm.Terminal({
    cols: COLUMNS,
    rows: 2,
    allowProposedApi: true,
  });
  for (const data of writes) {
    await new Promise<void>((resolve) => terminal.write(data, resolve));
  }
  const line = terminal.buffer.active.getLine(0)!;
  const cells: string[] = [];
  for (let column = 0; column < COLUMNS; column++) {
    const cell = line.getCell(column)!;
    cells.push(
      JSON.stringify([
        cell.getChars(),
        cell.getWidth(),
        cell.isBold(),
        cell.isInverse(),
        cell.getFgColor(),
        cell.getBgColor(),
      ]),
    );
  }
  terminal.dispose();
  return cells;
}

/** The first row after drawing `before` and then updating it to `after`. */
function updated(before: string, after: string): Promise<string[]> {
  return firstRow(HOME + before, HOME + lineUpdate(before, after));
}

/** The first row with `after` drawn on a clean screen. */
function drawn(after: string): Promise<string[]> {
  return firstRow(HOME + after);
}

describe('lineUpdate', () => {
  it('writes only the changed columns of a plain line', async () => {
    const before = ' 0  1 | 0.25 0.60 | 0.50 |      1  X';
    const after = ' 0  1 | 0.25 0.60 | 0.51 |      1  X';
    const update = lineUpdate(before, after);

    expect(update).toBe('\u001B[24G1');
    expect(await updated(before, after)).toEqual(await drawn(after));
  });

  it('writes a changed character again in the styles it has', async () => {
    const before = `x1${INVERSE[0]}[ 0.30]${INVERSE[1]} x2`;
    const after = `x1${INVERSE[0]}[ 0.40]${INVERSE[1]} x2`;
    const update = lineUpdate(before, after);

    expect(update).toBe(`\u001B[7G${INVERSE[0]}4${INVERSE[1]}`);
    expect(await updated(before, after)).toEqual(await drawn(after));
  });

  it('erases what is left past the end of a shorter line', async () => {
    const before = 'epoch 1000  loss 0.125';
    const after = 'epoch 1000  loss 0.1';

    expect(lineUpdate(before, after)).toBe('\u001B[21G\u001B[K');
    expect(await updated(before, after)).toEqual(await drawn(after));
  });

  it('redraws a wide character whole when only its right half changes', async () => {
    const before = 'ab 日本';
    const after = 'ab 日x';

    expect(await updated(before, after)).toEqual(await drawn(after));
  });

  it('writes the whole line when it holds an emoji or a combining mark', () => {
    expect(lineUpdate('a 😀 b', 'a 😀 c')).toBe('\u001B[1G\u001B[Ka 😀 c');
    expect(lineUpdate('cafe\u0301 1', 'cafe\u0301 2')).toBe(
      '\u001B[1G\u001B[Kcafe\u0301 2',
    );
  });

  // Erasing after the text would take the last column of a line as wide
  // as the window: with line wrapping off, the cursor stays on it.
  it('writes the whole line when there was none before, erased first', () => {
    expect(lineUpdate(undefined, 'new')).toBe('\u001B[1G\u001B[Knew');
  });

  it('leaves any line looking as if it had been drawn afresh', async () => {
    const character = fc.constantFrom(
      'a',
      'b',
      '1',
      '.',
      ' ',
      ' ',
      'あ',
      '日',
      '…',
      '😀',
      'e\u0301',
    );
    const segment = fc.record({
      text: fc.string({ unit: character, maxLength: 6 }),
      style: fc.constantFrom(null, BOLD, RED, INVERSE, ON_GREEN),
    });
    const styled = (
      segments: { text: string; style: readonly string[] | null }[],
    ) =>
      segments
        .map(({ text, style }) => (style ? style[0] + text + style[1] : text))
        .join('')
        // Ink ends its lines without trailing spaces.
        .trimEnd();
    const fits = (line: string) => stringWidth(line) <= COLUMNS;
    // Lines of up to 6 segments, where the line after changes some of the
    // segments of the line before, or all of them.
    const pair = fc
      .array(fc.tuple(segment, segment, fc.boolean()), { maxLength: 6 })
      .map((parts) => ({
        before: styled(parts.map(([first]) => first)),
        after: styled(
          parts.map(([first, second, isChanged]) =>
            isChanged ? second : first,
          ),
        ),
      }))
      .filter(({ before, after }) => fits(before) && fits(after));

    await fc.assert(
      fc.asyncProperty(pair, async ({ before, after }) => {
        expect(await updated(before, after)).toEqual(await drawn(after));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('linesOnScreen', () => {
  it('keeps the last frame while every line fits the terminal', () => {
    const lines = ['a'.repeat(80), `${BOLD[0]}日本${BOLD[1]}`];

    expect(linesOnScreen(lines, 80)).toBe(lines);
  });

  it('forgets the last frame when a line was wider than the terminal', () => {
    expect(linesOnScreen(['short', 'a'.repeat(81)], 80)).toEqual([]);
    expect(linesOnScreen(['日'.repeat(41)], 80)).toEqual([]);
  });
});
