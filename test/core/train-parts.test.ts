import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/core/activation.js';
import type { TrainingSettings } from '../../src/core/lesson.js';
import type { Network } from '../../src/core/network.js';
import { createRandom, shuffled, uniform } from '../../src/core/random.js';
import { binaryRows, type Targets } from '../../src/core/truth-table.js';
import {
  createTrainingState,
  initialise,
  isLinearlySeparable,
  MAX_LOSS_HISTORY,
  outputDelta,
  outputLoss,
  rowOrder,
  softplus,
  train,
  trainEpoch,
  trainUpdate,
  type TrainingState,
} from '../../src/core/train.js';

const AND: Targets = [[0], [0], [0], [1]];

function smallNetwork(): Network {
  return {
    inputs: ['x1', 'x2'],
    layers: [
      {
        activation: 'tanh',
        neurons: [
          { label: 'h1', weights: [0.5, -0.3], bias: 0.1 },
          { label: 'h2', weights: [-0.7, 0.4], bias: 0.2 },
        ],
      },
      {
        activation: 'sigmoid',
        neurons: [{ label: 'y', weights: [0.3, -0.6], bias: 0.05 }],
      },
    ],
    stepRule: '>',
  };
}

function values(network: Network): number[] {
  return network.layers.flatMap((layer) =>
    layer.neurons.flatMap((neuron) => [...neuron.weights, neuron.bias]),
  );
}

describe('loss functions of one output', () => {
  it('squared error is (output - target)^2 / 2', () => {
    expect(outputLoss('squared', 0, 0.75, 1)).toBe(0.03125);
  });

  it('cross entropy is softplus(sum) - target * sum: ln 2 at sum 0', () => {
    expect(softplus(0)).toBe(Math.LN2);
    expect(outputLoss('cross-entropy', 0, 0.5, 1)).toBe(Math.LN2);
    expect(outputLoss('cross-entropy', 2, 0.8807970779778823, 1)).toBeCloseTo(
      -Math.log(0.8807970779778823),
      15,
    );
  });

  it('cross entropy is finite and exact at sums of +-1000', () => {
    expect(outputLoss('cross-entropy', 1000, 1, 0)).toBe(1000);
    expect(outputLoss('cross-entropy', -1000, 0, 1)).toBe(1000);
    expect(outputLoss('cross-entropy', 1000, 1, 1)).toBe(0);
    expect(outputLoss('cross-entropy', -1000, 0, 0)).toBe(0);
  });

  it('the delta of cross entropy with sigmoid is output - target', () => {
    const sigmoid = ACTIVATIONS.sigmoid;
    expect(outputDelta('cross-entropy', sigmoid, 3, 0.25, 1)).toBe(-0.75);
    // Squared error multiplies by the derivative: 0.5 * 0.25 at sum 0.
    expect(outputDelta('squared', sigmoid, 0, 0.5, 0)).toBe(0.125);
  });
});

describe('initialise', () => {
  it("'preset' keeps the network as it is", () => {
    const network = smallNetwork();
    expect(initialise(network, 'preset', createRandom(1))).toBe(network);
  });

  it("'zero' sets every weight and bias to 0 and keeps the labels", () => {
    const zero = initialise(smallNetwork(), 'zero', createRandom(1));

    expect(values(zero)).toEqual(new Array(9).fill(0));
    expect(zero.layers[0]!.neurons[1]!.label).toBe('h2');
    expect(zero.layers[1]!.activation).toBe('sigmoid');
  });

  it("'random' draws from [-1, 1) in order: layer, neuron, weights, then bias", () => {
    const random = createRandom(7);
    const expected = Array.from({ length: 9 }, () => uniform(random, -1, 1));
    const drawn = initialise(smallNetwork(), 'random', createRandom(7));

    expect(values(drawn)).toEqual(expected);
    expect(values(drawn).every((v) => v >= -1 && v < 1)).toBe(true);
  });

  it('is used by createTrainingState with the seed of the settings', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 7,
      init: 'random',
    };
    const state = createTrainingState(smallNetwork(), AND, settings);

    expect(state.network).toEqual(
      initialise(smallNetwork(), 'random', createRandom(7)),
    );
  });
});

describe('isLinearlySeparable', () => {
  const two = binaryRows(2);
  const three = binaryRows(3);

  it('says yes for AND, OR and NAND', () => {
    expect(isLinearlySeparable(two, [0, 0, 0, 1])).toBe(true);
    expect(isLinearlySeparable(two, [0, 1, 1, 1])).toBe(true);
    expect(isLinearlySeparable(two, [1, 1, 1, 0])).toBe(true);
  });

  it('says no for XOR and XNOR', () => {
    expect(isLinearlySeparable(two, [0, 1, 1, 0])).toBe(false);
    expect(isLinearlySeparable(two, [1, 0, 0, 1])).toBe(false);
  });

  it('says yes for 3-input majority and no for 3-input parity', () => {
    expect(isLinearlySeparable(three, [0, 0, 0, 1, 0, 1, 1, 1])).toBe(true);
    expect(isLinearlySeparable(three, [0, 1, 1, 0, 1, 0, 0, 1])).toBe(false);
  });

  it('says null when it was allowed too few epochs to tell', () => {
    expect(isLinearlySeparable(two, [0, 0, 0, 1], 2)).toBeNull();
  });
});

describe('shuffling', () => {
  const shuffling = { seed: 5, shuffle: true };

  it('keeps counting order when not asked to shuffle', () => {
    expect(rowOrder({ seed: 5 }, 1, 4)).toEqual([0, 1, 2, 3]);
  });

  it('shuffles each epoch with a source seeded from the seed and the epoch', () => {
    expect(rowOrder(shuffling, 3, 8)).toEqual(
      shuffled(createRandom(5 * 65536 + 3), [0, 1, 2, 3, 4, 5, 6, 7]),
    );
    const orders = [1, 2, 3, 4, 5, 6].map((epoch) =>
      rowOrder(shuffling, epoch, 8).join(''),
    );
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('visits rows in that order in single updates', () => {
    const settings: TrainingSettings = {
      rule: 'perceptron',
      learningRate: 1,
      seed: 5,
      shuffle: true,
      init: 'zero',
    };
    const network: Network = {
      inputs: ['x1', 'x2'],
      layers: [{ activation: 'step', neurons: [{ weights: [0, 0], bias: 0 }] }],
      stepRule: '>',
    };
    let state = createTrainingState(network, AND, settings);
    const rows: number[] = [];
    for (let i = 0; i < 8; i++) {
      const update = trainUpdate(state, settings, AND);
      rows.push(update.details.rows[0]!.row);
      state = update.state;
    }

    expect(rows).toEqual([
      ...rowOrder(shuffling, 1, 4),
      ...rowOrder(shuffling, 2, 4),
    ]);
  });

  it('gives the same run twice with the same seed, and another with another seed', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 5,
      shuffle: true,
    };
    const first = train(smallNetwork(), AND, settings, 20);
    const second = train(smallNetwork(), AND, settings, 20);
    const other = train(smallNetwork(), AND, { ...settings, seed: 6 }, 20);

    expect(second).toEqual(first);
    expect(other.network).not.toEqual(first.network);
  });
});

describe('single updates and epochs', () => {
  it('one online epoch equals as many single updates as there are rows', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
    };
    const start = createTrainingState(smallNetwork(), AND, settings);
    let stepped = start;
    for (let row = 0; row < 4; row++) {
      stepped = trainUpdate(stepped, settings, AND).state;
    }

    expect(stepped).toEqual(trainEpoch(start, settings, AND));
  });

  it('keeps the loss and accuracy current after each single update', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
    };
    const start = createTrainingState(smallNetwork(), AND, settings);
    const { state } = trainUpdate(start, settings, AND);
    const rescored = createTrainingState(state.network, AND, settings);

    expect(state.loss).toBe(rescored.loss);
    expect(state.accuracy).toBe(rescored.accuracy);
    expect(state.lossHistory).toEqual(start.lossHistory);
  });
});

describe('the loss history', () => {
  // One linear neuron learning slowly: its loss falls a little each epoch
  // and it never converges within the test.
  const slow: TrainingSettings = {
    rule: 'backprop',
    learningRate: 1e-5,
    seed: 1,
  };
  const line: Network = {
    inputs: ['x1'],
    layers: [{ activation: 'linear', neurons: [{ weights: [0], bias: 0 }] }],
    stepRule: '>',
  };
  const ones: Targets = [[1], [1]];

  it(`thins out to every other point when it passes ${MAX_LOSS_HISTORY}`, () => {
    let state: TrainingState = createTrainingState(line, ones, slow);
    const losses = [state.loss];
    for (let epoch = 1; epoch <= 2002; epoch++) {
      state = trainEpoch(state, slow, ones);
      losses.push(state.loss);
    }

    expect(state.lossHistoryStride).toBe(2);
    expect(state.lossHistory).toHaveLength(1002);
    expect(state.lossHistory).toEqual(losses.filter((_, e) => e % 2 === 0));
  });

  it('never holds more than the maximum, however long the run', () => {
    const state = train(line, ones, slow, 4001);

    expect(state.epoch).toBe(4001);
    expect(state.lossHistoryStride).toBe(4);
    expect(state.lossHistory).toHaveLength(1001);
  });
});
