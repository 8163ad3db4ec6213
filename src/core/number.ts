import { isOnBoundary } from './activation.js';

/** The result of reading a typed number. */
export type ParsedNumber =
  { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const COMMA_DECIMAL = /^[+-]?\d*,\d+$/;

/**
 * Reads a number as a person types it: `-1.5`, `.5`, `+5`, `1e3`, with
 * spaces around allowed. Refuses hex, binary, NaN, infinities and numbers
 * too large for a double, and hints at a dot when a comma was typed.
 */
export function parseNumber(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'type a number' };
  if (COMMA_DECIMAL.test(trimmed)) {
    return { ok: false, reason: `'${trimmed}': use a dot for decimals` };
  }
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, reason: `'${trimmed}' is not a number` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `'${trimmed}' is too large` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Shows a number with fixed decimals, never as `-0.00`, padded on the left
 * to `width` characters when a width is given. A number that the decimals
 * would round to zero shows its first digit instead (`0.001`, `-4e-5`):
 * a bias of 0.001 makes a step neuron fire, and the screen must not say
 * 0.00. Only numbers that count as exactly zero (`isOnBoundary`) show as
 * zero.
 */
export function formatNumber(value: number, decimals = 2, width = 0): string {
  if (Number.isNaN(value)) return 'NaN'.padStart(width);
  if (!Number.isFinite(value)) {
    return (value > 0 ? 'inf' : '-inf').padStart(width);
  }
  // toFixed writes every digit of a number from 1e21 up: 17 of them.
  if (Math.abs(value) >= 1e21) {
    return value.toExponential(decimals).padStart(width);
  }
  let text = value.toFixed(decimals);
  const isZeroText = /^-?0\.?0*$/.test(text);
  if (isZeroText && !isOnBoundary(value)) return firstDigit(value, width);
  // A tiny number rounds to zero: show it without a sign.
  if (isZeroText) text = text.replace('-', '');
  return text.padStart(width);
}

/**
 * A small number to its first digit, in at most 6 characters: `0.001`
 * down to 0.00095, below that `9e-4`. A number just past the boundary's
 * tolerance keeps the digits that tell it from the boundary (`1.2e-9`,
 * `1.0000001e-9`), as `1e-9` counts as zero.
 */
function firstDigit(value: number, width: number): string {
  const short = value.toPrecision(1);
  let text = Math.abs(Number(short)) >= 1e-3 ? short : value.toExponential(0);
  for (let digits = 1; isOnBoundary(Number(text)) && digits <= 16; digits++) {
    text = value.toExponential(digits);
  }
  return text.padStart(width);
}

/**
 * A number to three significant digits, as training figures are shown:
 * `0.243`, `0.00997`, `12.5`, `0.25`, `0`; `inf` and `NaN` as
 * `formatNumber` shows them.
 */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const rounded = Number(value.toPrecision(3));
  return String(rounded === 0 ? 0 : rounded);
}
