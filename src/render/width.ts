import stringWidth from 'string-width';

// Terminal text is measured in columns, not in string length: a Japanese
// character takes two columns, and `.length` would count it as one.

/** Text made only of printable ASCII, where each character is a column. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The number of terminal columns a text takes. Plain ASCII, most of what
 * the screen draws, is counted directly: string-width's Unicode tables
 * are only needed for the rest.
 */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
