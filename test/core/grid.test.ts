import { describe, expect, it } from 'vitest';
import { defaultGridOptions, sampleGrid, spaced } from '../../src/core/grid.js';
import type { Network } from '../../src/core/network.js';

const and: Network = {
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [
    { activation: 'step', neurons: [{ weights: [0.5, 0.5], bias: -0.7 }] },
  ],
};

describe('sampleGrid', () => {
  it('defaults to 33x17 on -0.5..1.5 so 0 and 1 fall exactly on cells', () => {
    const grid = sampleGrid(and, defaultGridOptions(and));
    expect(grid.xs).toHaveLength(33);
    expect(grid.ys).toHaveLength(17);
    expect(grid.xs[8]).toBe(0);
    expect(grid.xs[24]).toBe(1);
    expect(grid.ys[0]).toBe(1.5);
    expect(grid.ys[4]).toBe(1);
    expect(grid.ys[12]).toBe(0);
    expect(grid.ys[16]).toBe(-0.5);
  });

  it('has x across and x2 upward: row 4 is x2 = 1', () => {
    const grid = sampleGrid(and, defaultGridOptions(and));
    // AND fires at (1, 1) and not at (0, 1) or (1, 0).
    expect(grid.values[4]?.[24]).toBe(1);
    expect(grid.values[4]?.[8]).toBe(0);
    expect(grid.values[12]?.[24]).toBe(0);
    expect(grid.values[12]?.[8]).toBe(0);
  });

  it('holds other inputs at their fixed values', () => {
    const three: Network = {
      inputs: ['x1', 'x2', 'x3'],
      stepRule: '>',
      layers: [
        { activation: 'step', neurons: [{ weights: [0, 0, 1], bias: -0.5 }] },
      ],
    };
    const options = defaultGridOptions(three);
    const low = sampleGrid(three, options);
    const high = sampleGrid(three, { ...options, fixed: [0, 0, 1] });
    expect(low.values.flat().every((v) => v === 0)).toBe(true);
    expect(high.values.flat().every((v) => v === 1)).toBe(true);
  });

  it('samples one row for a network with one input', () => {
    const not: Network = {
      inputs: ['x1'],
      stepRule: '>',
      layers: [{ activation: 'step', neurons: [{ weights: [-1], bias: 0.5 }] }],
    };
    const grid = sampleGrid(not, defaultGridOptions(not));
    expect(grid.values).toHaveLength(1);
    expect(grid.values[0]?.[8]).toBe(1);
    expect(grid.values[0]?.[24]).toBe(0);
  });

  it('samples a hidden neuron when asked', () => {
    const xor: Network = {
      inputs: ['x1', 'x2'],
      stepRule: '>',
      layers: [
        {
          activation: 'step',
          neurons: [
            { weights: [-0.5, -0.5], bias: 0.7 },
            { weights: [0.5, 0.5], bias: -0.2 },
          ],
        },
        { activation: 'step', neurons: [{ weights: [0.5, 0.5], bias: -0.7 }] },
      ],
    };
    const options = {
      ...defaultGridOptions(xor),
      neuron: { layer: 0, neuron: 0 },
    };
    const grid = sampleGrid(xor, options);
    // NAND: 0 only at (1, 1).
    expect(grid.values[4]?.[24]).toBe(0);
    expect(grid.values[12]?.[8]).toBe(1);
  });
});

it('spaced includes both ends', () => {
  expect(spaced(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
});
