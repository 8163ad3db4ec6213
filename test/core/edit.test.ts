import { describe, expect, it } from 'vitest';
import {
  addInput,
  addLayerAfter,
  addNeuron,
  deleteLayer,
  deleteNeuron,
  removeInput,
  setActivation,
  setValue,
} from '../../src/core/edit.js';
import { LIMITS, type Network, shapeProblems } from '../../src/core/network.js';
import { truthTable } from '../../src/core/truth-table.js';

const xor: Network = {
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [
    {
      activation: 'step',
      neurons: [
        { label: 's1', weights: [-0.5, -0.5], bias: 0.7 },
        { label: 's2', weights: [0.5, 0.5], bias: -0.2 },
      ],
    },
    { activation: 'step', neurons: [{ weights: [0.5, 0.5], bias: -0.7 }] },
  ],
};

const outputs = (network: Network) =>
  truthTable(network).map((row) => row.outputs.join(''));

describe('setValue', () => {
  it('sets a weight and a bias without touching the original', () => {
    const changed = setValue(xor, { layer: 1, neuron: 0 }, 'bias', -0.2);
    const weighted = setValue(changed, { layer: 0, neuron: 1 }, 0, 2);
    expect(weighted.layers[1]?.neurons[0]?.bias).toBe(-0.2);
    expect(weighted.layers[0]?.neurons[1]?.weights).toEqual([2, 0.5]);
    expect(xor.layers[1]?.neurons[0]?.bias).toBe(-0.7);
  });

  it('refuses a value that is not finite', () => {
    expect(() => setValue(xor, { layer: 0, neuron: 0 }, 0, NaN)).toThrow(
      /not a finite number/,
    );
  });

  it('stores -0 as 0', () => {
    const changed = setValue(xor, { layer: 0, neuron: 0 }, 'bias', -0);
    expect(Object.is(changed.layers[0]?.neurons[0]?.bias, -0)).toBe(false);
  });
});

describe('neurons', () => {
  it('adding one adds a zero weight to every neuron of the next layer', () => {
    const grown = addNeuron(xor, 0);
    expect(grown.layers[0]?.neurons[2]).toEqual({ weights: [0, 0], bias: 0 });
    expect(grown.layers[1]?.neurons[0]?.weights).toEqual([0.5, 0.5, 0]);
    expect(outputs(grown)).toEqual(outputs(xor));
    expect(shapeProblems(grown)).toEqual([]);
  });

  it('deleting one deletes the matching weight in the next layer', () => {
    const shrunk = deleteNeuron(xor, { layer: 0, neuron: 0 });
    expect(shrunk.layers[0]?.neurons.map((n) => n.label)).toEqual(['s2']);
    expect(shrunk.layers[1]?.neurons[0]?.weights).toEqual([0.5]);
    expect(shapeProblems(shrunk)).toEqual([]);
  });

  it('refuses to delete the last neuron of a layer', () => {
    expect(() => deleteNeuron(xor, { layer: 1, neuron: 0 })).toThrow(
      /at least one neuron/,
    );
  });

  it(`refuses more than ${LIMITS.neurons} neurons in a layer`, () => {
    let network = xor;
    for (let i = 2; i < LIMITS.neurons; i++) network = addNeuron(network, 0);
    expect(network.layers[0]?.neurons).toHaveLength(LIMITS.neurons);
    expect(() => addNeuron(network, 0)).toThrow(/at most 16 neurons/);
  });
});

describe('layers', () => {
  it('a new layer passes its inputs through, so nothing changes yet', () => {
    const grown = addLayerAfter(xor, 0);
    expect(grown.layers).toHaveLength(3);
    expect(grown.layers[1]?.activation).toBe('linear');
    expect(grown.layers[1]?.neurons.map((n) => n.weights)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(outputs(grown)).toEqual(outputs(xor));
    expect(shapeProblems(grown)).toEqual([]);
  });

  it('deleting a layer refits the weights of the layer after it', () => {
    const shrunk = deleteLayer(xor, 0);
    expect(shrunk.layers).toHaveLength(1);
    expect(shrunk.layers[0]?.neurons[0]?.weights).toEqual([0.5, 0.5]);
    expect(shapeProblems(shrunk)).toEqual([]);
    const single = deleteLayer(addNeuron(xor, 0), 0);
    expect(shapeProblems(single)).toEqual([]);
  });

  it('refuses to delete the last layer and a seventh layer', () => {
    const one = deleteLayer(xor, 1);
    expect(() => deleteLayer(one, 0)).toThrow(/at least one layer/);
    let network = xor;
    while (network.layers.length < LIMITS.layers) {
      network = addLayerAfter(network, 0);
    }
    expect(() => addLayerAfter(network, 0)).toThrow(/at most 6 layers/);
  });

  it('changes the activation of one layer only', () => {
    const changed = setActivation(xor, 1, 'sigmoid');
    expect(changed.layers.map((l) => l.activation)).toEqual([
      'step',
      'sigmoid',
    ]);
  });
});

describe('inputs', () => {
  it('adds x3 with zero weights and removes it again', () => {
    const grown = addInput(xor);
    expect(grown.inputs).toEqual(['x1', 'x2', 'x3']);
    expect(grown.layers[0]?.neurons[0]?.weights).toEqual([-0.5, -0.5, 0]);
    expect(truthTable(grown)).toHaveLength(8);
    expect(removeInput(grown)).toEqual(xor);
  });

  it('names a new input with a name no neuron has', () => {
    // A neuron labelled x3: the new input is x4.
    const labelled = {
      ...xor,
      layers: xor.layers.map((layer, index) =>
        index === 0
          ? {
              ...layer,
              neurons: layer.neurons.map((neuron, n) =>
                n === 0 ? { ...neuron, label: 'x3 gate' } : neuron,
              ),
            }
          : layer,
      ),
    };
    expect(addInput(labelled).inputs).toEqual(['x1', 'x2', 'x4']);
  });

  it('refuses a seventh input and removing the last one', () => {
    let network = xor;
    while (network.inputs.length < LIMITS.inputs) network = addInput(network);
    expect(() => addInput(network)).toThrow(/at most 6 inputs/);
    let small = removeInput(xor);
    expect(small.inputs).toEqual(['x1']);
    expect(() => (small = removeInput(small))).toThrow(/at least one input/);
  });
});
