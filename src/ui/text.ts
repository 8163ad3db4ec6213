import { displayWidth, isPrintableAscii } from '../render/width.js';

// Terminal text is measured in columns, not in string length (see
// src/render/width.ts): these cut, pad and wrap by columns.

/** The mark at the end of text that was cut to fit. */
export const ELLIPSIS = '…';

/** Made on first use: the first segmenter loads ICU's data, ~20 ms. */
let segmenter: Intl.Segmenter | undefined;

/**
 * The characters of a text as a person sees them (grapheme clusters).
 * Plain ASCII, most of what the screen draws, needs no segmenter.
 */
function graphemes(text: string): string[] {
  if (isPrintableAscii(text)) return text.split('');
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export { displayWidth };

/** Pads a text with spaces on the right to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Cuts a text to at most `width` columns, ending it with `…` when it was
 * cut. A wide character that would straddle the edge is left out.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let result = '';
  let used = 0;
  for (const character of graphemes(text)) {
    const size = displayWidth(character);
    if (used + size > width - 1) break;
    result += character;
    used += size;
  }
  return result + ELLIPSIS;
}

/** A text cut or padded to exactly `width` columns. */
export function fitToWidth(text: string, width: number): string {
  return padToWidth(truncateToWidth(text, width), width);
}

/**
 * The part of a text from column `start` that fits in `width` columns. A
 * wide character cut in half by either edge becomes a space.
 */
export function sliceColumns(
  text: string,
  start: number,
  width: number,
): string {
  let result = '';
  let column = 0;
  for (const character of graphemes(text)) {
    const size = displayWidth(character);
    const end = column + size;
    if (end > start && column < start + width) {
      const isWhole = column >= start && end <= start + width;
      result += isWhole ? character : ' ';
    }
    column = end;
    if (column >= start + width) break;
  }
  return result;
}

/** A word or a wide character, and whether a space came before it. */
interface Token {
  text: string;
  hasSpaceBefore: boolean;
}

/** Marks that close a phrase in Japanese; a line never starts with one. */
const CLOSING = '、。，．）」』】〉》！？ー・';

/** Splits text into words at spaces, and every wide character alone. */
function tokens(paragraph: string): Token[] {
  const result: Token[] = [];
  let word = '';
  let hasSpaceBefore = false;
  const push = () => {
    if (word) result.push({ text: word, hasSpaceBefore });
    word = '';
    hasSpaceBefore = false;
  };
  for (const character of graphemes(paragraph)) {
    if (character === ' ') {
      push();
      hasSpaceBefore = result.length > 0;
    } else if (CLOSING.includes(character) && (word || result.length > 0)) {
      // No line starts with a closing mark: it stays with what it closes.
      push();
      const last = result[result.length - 1];
      if (last) last.text += character;
    } else if (displayWidth(character) > 1) {
      const spaced = !word && hasSpaceBefore;
      push();
      result.push({ text: character, hasSpaceBefore: spaced });
    } else {
      word += character;
    }
  }
  push();
  return result;
}

/** Cuts a word that is wider than a line into pieces that fit. */
function hardSplit(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of graphemes(word)) {
    if (piece && displayWidth(piece + character) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wraps text into lines of at most `width` columns: at spaces where it
 * can, next to wide (Japanese) characters, and inside a word only when the
 * word alone is too long. Line breaks in the text are kept.
 */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0) return [];
  return text
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, width));
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens(paragraph)) {
    const joined = `${line}${token.hasSpaceBefore && line ? ' ' : ''}${token.text}`;
    if (displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    const pieces = hardSplit(token.text, width);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}
