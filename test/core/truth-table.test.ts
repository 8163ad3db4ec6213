import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/core/network.js';
import {
  countCorrect,
  matchesTarget,
  targetsFit,
  truthTable,
} from '../../src/core/truth-table.js';

const single = (weights: number[], bias: number): Network => ({
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [{ activation: 'step', neurons: [{ weights, bias }] }],
});

describe('truthTable', () => {
  it('marks each row right or wrong against its target', () => {
    const or = single([0.5, 0.5], -0.2);
    const rows = truthTable(or, [[0], [1], [1], [0]]);
    expect(rows.map((row) => row.isCorrect)).toEqual([true, true, true, false]);
    expect(countCorrect(rows)).toBe(3);
  });

  it('has no verdict without targets', () => {
    const rows = truthTable(single([1, 1], 0));
    expect(rows.every((row) => row.isCorrect === null)).toBe(true);
  });

  it('flags rows whose sum sits exactly on the boundary', () => {
    // (1, 1, -2) at (1, 1): the sum is exactly 0.
    const rows = truthTable(single([1, 1], -2));
    expect(rows.map((row) => row.isOnBoundary)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(rows[3]?.outputs).toEqual([0]);
  });

  it('the >= rule fires on the boundary', () => {
    const network = { ...single([1, 1], -2), stepRule: '>=' as const };
    expect(truthTable(network).map((row) => row.outputs[0])).toEqual([
      0, 0, 0, 1,
    ]);
  });

  it('flags a floating-point near zero as on the boundary', () => {
    const rows = truthTable(single([0.1, 0.2], -0.3));
    expect(rows[3]?.isOnBoundary).toBe(true);
    expect(rows[3]?.outputs).toEqual([0]);
  });

  it('does not flag smooth layers', () => {
    const network: Network = {
      ...single([1, 1], -2),
      layers: [
        { activation: 'sigmoid', neurons: [{ weights: [1, 1], bias: -2 }] },
      ],
    };
    expect(truthTable(network)[3]?.isOnBoundary).toBe(false);
  });
});

describe('targets', () => {
  it('smooth outputs match the nearer class', () => {
    expect(matchesTarget(0.9, 1)).toBe(true);
    expect(matchesTarget(0.2, 1)).toBe(false);
    expect(matchesTarget(0, 0)).toBe(true);
  });

  it('fit only with one row per input vector and one value per output', () => {
    const network = single([1, 1], 0);
    expect(targetsFit(network, [[0], [1], [1], [1]])).toBe(true);
    expect(targetsFit(network, [[0], [1], [1]])).toBe(false);
    expect(
      targetsFit(network, [
        [0, 1],
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toBe(false);
  });
});
