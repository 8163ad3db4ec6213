import { describe, expect, it } from 'vitest';
import { collapsedSum, firstNonLinearBefore } from '../../src/core/collapse.js';
import { forward, type Network } from '../../src/core/network.js';
import { binaryRows } from '../../src/core/truth-table.js';

/**
 * The linear-collapse lesson: h1 = x1 - x2 + 0.5, h2 = 0.5*x1 + x2 - 1
 * and y = 2*h1 + h2 + 0.5, all linear.
 */
const collapse: Network = {
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [
    {
      activation: 'linear',
      neurons: [
        { weights: [1, -1], bias: 0.5 },
        { weights: [0.5, 1], bias: -1 },
      ],
    },
    { activation: 'linear', neurons: [{ weights: [2, 1], bias: 0.5 }] },
  ],
};

/** Three layers worked out by hand below. */
const threeLayers: Network = {
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [
    {
      activation: 'linear',
      neurons: [
        { weights: [1, 2], bias: 1 },
        { weights: [-1, 0], bias: 0.5 },
      ],
    },
    { activation: 'linear', neurons: [{ weights: [3, -1], bias: -2 }] },
    { activation: 'step', neurons: [{ weights: [0.5], bias: -1 }] },
  ],
};

describe('linear layers collapsed into one sum over the inputs', () => {
  it("gives the lesson notes' W = (2.5, -1) and b = 0.5 for y", () => {
    expect(collapsedSum(collapse, { layer: 1, neuron: 0 })).toEqual({
      weights: [2.5, -1],
      bias: 0.5,
    });
  });

  it("keeps a first-layer neuron's own weights and bias", () => {
    expect(collapsedSum(collapse, { layer: 0, neuron: 1 })).toEqual({
      weights: [0.5, 1],
      bias: -1,
    });
  });

  it('agrees with the forward pass at every row: 2 at (1,1)', () => {
    const sums = binaryRows(2).map(
      (x) => forward(collapse, x)[1]?.sums[0] ?? NaN,
    );
    expect(sums).toEqual([0.5, -0.5, 3, 2]);
    const collapsed = binaryRows(2).map((x) => 2.5 * x[0]! - x[1]! + 0.5);
    expect(collapsed).toEqual(sums);
  });

  it('goes through two linear layers into a step neuron', () => {
    // c = 3(x1 + 2*x2 + 1) - (-x1 + 0.5) - 2 = 4*x1 + 6*x2 + 0.5,
    // and the step neuron's sum 0.5*c - 1 = 2*x1 + 3*x2 - 0.75.
    expect(collapsedSum(threeLayers, { layer: 1, neuron: 0 })).toEqual({
      weights: [4, 6],
      bias: 0.5,
    });
    expect(collapsedSum(threeLayers, { layer: 2, neuron: 0 })).toEqual({
      weights: [2, 3],
      bias: -0.75,
    });
  });

  it('is null after a layer that is not linear', () => {
    for (const activation of ['step', 'relu', 'tanh', 'sigmoid'] as const) {
      const bent: Network = {
        ...collapse,
        layers: [{ ...collapse.layers[0]!, activation }, collapse.layers[1]!],
      };
      expect(collapsedSum(bent, { layer: 1, neuron: 0 })).toBeNull();
    }
  });

  it('names the first layer before a neuron that is not linear', () => {
    expect(firstNonLinearBefore(threeLayers, 2)).toBeNull();
    expect(firstNonLinearBefore(threeLayers, 3)).toBe(2);
    expect(firstNonLinearBefore(collapse, 0)).toBeNull();
  });
});
