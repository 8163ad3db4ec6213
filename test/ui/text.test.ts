import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  fitToWidth,
  sliceColumns,
  truncateToWidth,
  wrapText,
} from '../../src/ui/text.js';
import { windowAround } from '../../src/ui/scroll.js';
import { screenLayout, splitLeft } from '../../src/ui/layout.js';

describe('display width', () => {
  it('counts a Japanese character as two columns', () => {
    expect(displayWidth('真理値表')).toBe(8);
    expect('真理値表'.length).toBe(4);
  });

  it('cuts by columns and marks the cut', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('abcd', 4)).toBe('abcd');
    expect(truncateToWidth('真理値表', 5)).toBe('真理…');
    expect(fitToWidth('真理', 6)).toBe('真理  ');
  });

  it('slices columns, a half wide character becoming a space', () => {
    expect(sliceColumns('abcdef', 2, 3)).toBe('cde');
    expect(sliceColumns('a真理b', 2, 3)).toBe(' 理');
  });
});

describe('wrapping', () => {
  it('wraps English at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual([
      'one two',
      'three',
      'four',
    ]);
  });

  it('wraps Japanese between characters, by columns', () => {
    const lines = wrapText('層を重ねるとXORが作れます。', 10);
    expect(lines.every((line) => displayWidth(line) <= 10)).toBe(true);
    expect(lines.join('')).toBe('層を重ねるとXORが作れます。');
  });

  it('keeps spaces before Japanese text and starts no line with 、 or 。', () => {
    const text = '和は 0.3 > 0 となり、(1,1)だけが1を出力します。';
    for (let width = 6; width < 30; width++) {
      const lines = wrapText(text, width);
      expect(lines.join('|')).not.toMatch(/\|[、。]/);
      expect(lines.every((line) => displayWidth(line) <= width)).toBe(true);
    }
    expect(wrapText(text, 80)).toEqual([text]);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('scroll windows', () => {
  it('shows everything that fits', () => {
    expect(windowAround(5, 8, 4)).toEqual({
      start: 0,
      end: 5,
      above: 0,
      below: 0,
    });
  });

  it('keeps the focus in view with a marker for each hidden part', () => {
    expect(windowAround(20, 6, 0)).toEqual({
      start: 0,
      end: 5,
      above: 0,
      below: 15,
    });
    expect(windowAround(20, 6, 19)).toEqual({
      start: 15,
      end: 20,
      above: 15,
      below: 0,
    });
    const middle = windowAround(20, 6, 10);
    expect(middle.end - middle.start).toBe(4);
    expect(10 >= middle.start && 10 < middle.end).toBe(true);
    expect(middle.above + middle.below + 4).toBe(20);
  });
});

describe('layout', () => {
  it('fits an 80x24 terminal in 23 lines with a 25x13 grid', () => {
    const layout = screenLayout({ columns: 80, rows: 24 });
    expect(layout.rows).toBe(23);
    expect(layout.middle).toBe(18);
    expect(layout.gridSizes[0]).toEqual({ width: 25, height: 13 });
    expect(layout.leftWidth + layout.gap + layout.rightWidth).toBe(80);
  });

  it('takes a smaller grid when the network needs the width', () => {
    const layout = screenLayout(
      { columns: 80, rows: 24 },
      { axisName: 'x1', contentWidth: 49 },
    );
    expect(layout.gridSizes[0]).toEqual({ width: 17, height: 9 });
    expect(layout.leftWidth).toBeGreaterThanOrEqual(49);
  });

  it('shares the left column: both panels whole, notes in what is left', () => {
    expect(splitLeft(18, 3, 6)).toEqual({ network: 3, table: 6, notes: 7 });
    expect(splitLeft(18, 10, 66)).toEqual({ network: 9, table: 8, notes: 0 });
    expect(splitLeft(18, 30, 6)).toEqual({ network: 11, table: 6, notes: 0 });
  });
});
