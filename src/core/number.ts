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
 * to `width` characters when a width is given.
 */
export function formatNumber(value: number, decimals = 2, width = 0): string {
  if (Number.isNaN(value)) return 'NaN'.padStart(width);
  if (!Number.isFinite(value)) {
    return (value > 0 ? 'inf' : '-inf').padStart(width);
  }
  let text = value.toFixed(decimals);
  // A small negative number rounds to zero: show it without the sign.
  if (/^-0\.?0*$/.test(text)) text = text.slice(1);
  return text.padStart(width);
}
