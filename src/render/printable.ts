// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The most characters of a value an error message repeats. */
const QUOTED_LENGTH = 40;

/**
 * Text for an error message with control characters shown as escapes
 * (`\u001b`), so that a message is one line and cannot move the cursor or
 * change colours.
 */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A value the user gave, in quotes for an error message: cut after 40
 * characters (`'kkk...'`), so that a long one still leaves a short line.
 */
export function quote(text: string): string {
  const [...characters] = text;
  const cut =
    characters.length > QUOTED_LENGTH
      ? `${characters.slice(0, QUOTED_LENGTH).join('')}...`
      : text;
  return `'${cut}'`;
}
