import stringWidth from 'string-width';
import { remembered } from './remembered.js';

// Terminal text is measured in columns, not in string length: a Japanese
// character takes two columns, and `.length` would count it as one.

/** Text made only of printable ASCII, where each character is a column. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** True when each character of a text is printable ASCII: one column. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/**
 * string-width for text that is not plain ASCII, which it works through
 * grapheme by grapheme: the screen measures the same lines on every frame.
 */
const measured = remembered(stringWidth, 10_000);

/**
 * The number of terminal columns a text takes. Plain ASCII, most of what
 * the screen draws, is counted directly: string-width's Unicode tables
 * are only needed for the rest.
 */
export function displayWidth(text: string): number {
  return isPrintableAscii(text) ? text.length : measured(text);
}
