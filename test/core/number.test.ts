import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from '../../src/core/number.js';
import { readCase } from '../cases.js';

interface NumberCases {
  accept: Record<string, number>;
  refuse: string[];
  refuseWithHint: Record<string, string>;
}

const cases = readCase<NumberCases>('numbers.json');

describe('parseNumber', () => {
  for (const [text, value] of Object.entries(cases.accept)) {
    it(`accepts '${text}' as ${value}`, () => {
      const parsed = parseNumber(text);
      expect(parsed).toEqual({ ok: true, value });
      // -0 is accepted as a plain zero.
      if (parsed.ok) expect(Object.is(parsed.value, -0)).toBe(false);
    });
  }

  for (const text of cases.refuse) {
    it(`refuses '${text}' with a reason`, () => {
      const parsed = parseNumber(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(5);
    });
  }

  for (const [text, hint] of Object.entries(cases.refuseWithHint)) {
    it(`refuses '${text}' and hints: ${hint}`, () => {
      const parsed = parseNumber(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain(hint);
    });
  }
});

describe('formatNumber', () => {
  it('never shows -0.00', () => {
    expect(formatNumber(-0.004)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0.00');
    expect(formatNumber(-0.005, 2)).not.toMatch(/^-0\.00$/);
  });

  it('rounds 0.1 + 0.2 to 0.30', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30');
  });

  it('keeps a fixed width', () => {
    expect(formatNumber(0.5, 2, 6)).toBe('  0.50');
    expect(formatNumber(-12.345, 2, 6)).toBe('-12.35'.padStart(6));
    expect(formatNumber(-0.001, 2, 6)).toBe('  0.00');
  });

  it('names values that are not finite', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-inf');
  });
});
