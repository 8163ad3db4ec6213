import stringWidth from 'string-width';

// Terminal text is measured in columns, not in string length: a Japanese
// character takes two columns, and `.length` would count it as one.

/** Text made only of printable ASCII, where each character is a column. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** True when each character of a text is printable ASCII: one column. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/**
 * The widths of the other texts measured lately. The screen measures the
 * same lines again on every frame, and string-width works through each
 * one grapheme by grapheme.
 */
const measured = new Map<string, number>();

/** How many widths `measured` holds before it starts afresh. */
const MAX_MEASURED = 10_000;

/**
 * The number of terminal columns a text takes. Plain ASCII, most of what
 * the screen draws, is counted directly: string-width's Unicode tables
 * are only needed for the rest.
 */
export function displayWidth(text: string): number {
  if (isPrintableAscii(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    if (measured.size >= MAX_MEASURED) measured.clear();
    width = stringWidth(text);
    measured.set(text, width);
  }
  return width;
}
