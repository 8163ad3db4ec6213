import {
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
  type StyledChar,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { remembered } from '../render/remembered.js';
import { displayWidth } from '../render/width.js';

// When a frame changes a line, Ink redraws the whole line. A nudge changes
// a few numbers and part of the grid on each of a dozen lines, so most of
// those bytes repeat what the terminal already shows. `lineUpdate` writes
// only the columns that changed. scripts/patches.mjs puts it into Ink's
// incremental renderer, which calls it with the cursor at the start of
// the line and moves on to the next line afterwards.

/** One column of a line: a character, or the right half of a wide one. */
interface Cell {
  /** The character that starts here, or '' for a wide one's right half. */
  text: string;
  /** The escape codes that style it, as one string to compare by. */
  style: string;
  /** The character as Ink wrote it, to write it again; null for a half. */
  char: StyledChar | null;
}

/** What a column beyond the end of a line shows: nothing, unstyled. */
const BLANK: Cell = { text: ' ', style: '', char: null };

/**
 * Runs of unchanged columns shorter than this are written again rather
 * than skipped: moving the cursor past them takes about as many bytes.
 */
const MIN_SKIP = 6;

/** A single code point that every terminal draws in one or two columns. */
const PLAIN_CHARACTER =
  /^[^\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Extended_Pictographic}]$/u;

/** Moves the cursor to `column` of its line (counted from 0). */
function cursorTo(column: number): string {
  return `\u001B[${column + 1}G`;
}

/** Erases from the cursor to the end of its line. */
const ERASE_TO_END = '\u001B[K';

/**
 * `cellsOf`, remembered: each line of a frame is the line before of the
 * next frame, and splitting it into columns is the slow part of an
 * update.
 */
const cachedCellsOf = remembered(cellsOf, 500);

/**
 * The columns of a line, or null when it holds anything whose width a
 * terminal might see differently from Ink (emoji, combining marks,
 * control codes): such a line is always written whole.
 */
function cellsOf(line: string): Cell[] | null {
  const tokens = tokenize(line);
  if (tokens.some((token) => token.type === 'control')) return null;
  const cells: Cell[] = [];
  for (const char of styledCharsFromTokens(tokens)) {
    if (!PLAIN_CHARACTER.test(char.value)) return null;
    const style = char.styles.map((code) => code.code).join('');
    cells.push({ text: char.value, style, char });
    if (displayWidth(char.value) === 2)
      cells.push({ text: '', style, char: null });
  }
  return cells;
}

function isSame(a: Cell, b: Cell): boolean {
  return a.text === b.text && a.style === b.style;
}

/** A run of columns to write again, from `start` up to `end` (exclusive). */
interface Span {
  start: number;
  end: number;
}

/** The runs of columns where `after` differs from `before`. */
function changedSpans(before: Cell[], after: Cell[]): Span[] {
  const spans: Span[] = [];
  const columns = Math.max(before.length, after.length);
  for (let column = 0; column < columns; column++) {
    if (isSame(before[column] ?? BLANK, after[column] ?? BLANK)) continue;
    const last = spans.at(-1);
    if (last && column - last.end < MIN_SKIP) last.end = column + 1;
    else spans.push({ start: column, end: column + 1 });
  }
  return spans;
}

/** The columns of a span as Ink would write them, styles included. */
function textOf(cells: Cell[], { start, end }: Span): string {
  const chars = cells
    .slice(start, end)
    .flatMap((cell) => (cell.char ? [cell.char] : []));
  return styledCharsToString(chars);
}

/**
 * The lines of the last frame if the terminal still shows each where it
 * was drawn, else none. A line wider than the terminal (a frame drawn
 * just before the window narrowed) wrapped onto the rows below it, and
 * then the rows no longer hold what the lines say, even the lines that
 * fit: the next frame must write every line whole, as if nothing had been
 * drawn.
 */
export function linesOnScreen(
  lines: string[],
  columns: number | undefined,
): string[] {
  if (columns === undefined) return lines;
  const isWithin = (line: string) =>
    (cachedCellsOf(line)?.length ?? stringWidth(line)) <= columns;
  return lines.every(isWithin) ? lines : [];
}

/**
 * What to write, with the cursor at the start of a line that shows
 * `before`, so that it shows `after`: the changed columns only, or the
 * whole line when the two cannot be compared column by column.
 */
export function lineUpdate(before: string | undefined, after: string): string {
  // Erased before it is written, not after: with line wrapping off
  // (src/ui/run.tsx), the cursor stays on the last column after a line as
  // wide as the window, and erasing from there would take that column.
  const whole = cursorTo(0) + ERASE_TO_END + after;
  if (before === undefined) return whole;
  const beforeCells = cachedCellsOf(before);
  const afterCells = cachedCellsOf(after);
  if (!beforeCells || !afterCells) return whole;

  let update = '';
  // A span never starts on the right half of a wide character: the column
  // before it is unchanged, and so then would the right half be.
  for (const span of changedSpans(beforeCells, afterCells)) {
    const end = Math.min(span.end, afterCells.length);
    update += cursorTo(Math.min(span.start, end));
    if (span.start < end) update += textOf(afterCells, { ...span, end });
    // Past the end of `after`, the line must show nothing.
    if (span.end > afterCells.length) update += ERASE_TO_END;
  }
  return update.length < whole.length ? update : whole;
}
