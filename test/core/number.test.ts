import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  parseNumber,
  significant,
} from '../../src/core/number.js';
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
    expect(formatNumber(-1e-10)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0.00');
    expect(formatNumber(-0.005, 2)).not.toMatch(/^-0\.00$/);
  });

  it('rounds 0.1 + 0.2 to 0.30', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30');
  });

  it('keeps a fixed width', () => {
    expect(formatNumber(0.5, 2, 6)).toBe('  0.50');
    expect(formatNumber(-12.345, 2, 6)).toBe('-12.35'.padStart(6));
    expect(formatNumber(-0.001, 2, 6)).toBe('-0.001');
  });

  // A bias of 0.001 makes step(x1 + x2 + 0.001) fire at (0, 0): shown as
  // 0.00, the sum would seem to say 0.
  it('shows the first digit of a number its decimals would round to zero', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(0.0049)).toBe('0.005');
    expect(formatNumber(-0.003)).toBe('-0.003');
    expect(formatNumber(0.00099)).toBe('0.001');
    expect(formatNumber(0.00096)).toBe('0.001');
    expect(formatNumber(0.00094)).toBe('9e-4');
    expect(formatNumber(-4e-5)).toBe('-4e-5');
    expect(formatNumber(2e-9)).toBe('2e-9');
    expect(formatNumber(0.04, 1)).toBe('0.04');
    expect(formatNumber(3e-9, 8)).toBe('3e-9');
  });

  // 1e-9 counts as exactly zero, so 1.1e-9, which fires a step neuron,
  // must not be shown as 1e-9.
  it('keeps the digits that tell a number just past the tolerance from zero', () => {
    expect(formatNumber(1.1e-9)).toBe('1.1e-9');
    expect(formatNumber(-1.4e-9)).toBe('-1.4e-9');
    expect(formatNumber(1.6e-9)).toBe('2e-9');
    // Nearer still: as many digits as it takes not to read as 1e-9.
    expect(formatNumber(1.0000001e-9)).toBe('1.0000001e-9');
    expect(formatNumber(1.04e-9)).toBe('1.04e-9');
  });

  it('shows a number that counts as exactly zero as zero', () => {
    expect(formatNumber(0.1 + 0.2 - 0.3)).toBe('0.00');
    expect(formatNumber(-1e-9)).toBe('0.00');
    expect(formatNumber(1e-12, 8)).toBe('0.00000000');
  });

  it('keeps every small number within a value column of 6', () => {
    for (let exponent = -9; exponent <= -2; exponent++) {
      for (const digit of [-9.9, -5, -1, 1, 5, 9.9]) {
        const value = digit * 10 ** exponent;
        expect(formatNumber(value).length, String(value)).toBeLessThanOrEqual(
          6,
        );
      }
    }
  });

  it('shows a huge number with as many digits as a small one', () => {
    expect(formatNumber(-2.5237834246364342e306)).toBe('-2.52e+306');
    expect(formatNumber(1e21, 1)).toBe('1.0e+21');
    expect(formatNumber(123456.789)).toBe('123456.79');
  });

  it('names values that are not finite', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-inf');
  });
});

describe('significant', () => {
  it('gives three significant digits, and no trailing zeros', () => {
    expect(significant(0.24345)).toBe('0.243');
    expect(significant(0.0099734)).toBe('0.00997');
    expect(significant(12.345)).toBe('12.3');
    expect(significant(0.25)).toBe('0.25');
  });

  it('shows 0 without a sign, and values that are not finite as the table does', () => {
    expect(significant(0)).toBe('0');
    expect(significant(-0)).toBe('0');
    expect(significant(-1e-300)).toBe('-1e-300');
    expect(significant(Infinity)).toBe('inf');
    expect(significant(-Infinity)).toBe('-inf');
    expect(significant(NaN)).toBe('NaN');
  });
});
