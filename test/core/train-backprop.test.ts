import type { TrainingOutcome } from '../../src/core/train.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../src/core/activation.js';
import { setValue, type ValueIndex } from '../../src/core/edit.js';
import type { Layer, Network } from '../../src/core/network.js';
import { predict, shapeProblems } from '../../src/core/network.js';
import type { TrainingSettings } from '../../src/core/lesson.js';
import { binaryRows, type Targets } from '../../src/core/truth-table.js';
import {
  createTrainingState,
  gradient,
  rowGradient,
  rowLoss,
  train,
  trainEpoch,
  trainUpdate,
  type LossName,
  type WeightsAndBias,
} from '../../src/core/train.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { refusalOf } from './refusal.js';

/** What a state came to, in the English interface's words. */
function said(state: { outcome?: TrainingOutcome }): string | undefined {
  return state.outcome && en.trainingOutcome(state.outcome);
}

const XOR: Targets = [[0], [1], [1], [0]];

function layer(
  activation: ActivationName,
  neurons: [number[], number][],
): Layer {
  return {
    activation,
    neurons: neurons.map(([weights, bias]) => ({ weights, bias })),
  };
}

function network(inputCount: number, layers: Layer[]): Network {
  const inputs = Array.from({ length: inputCount }, (_, i) => `x${i + 1}`);
  return { inputs, layers, stepRule: '>' };
}

/** The 2-2-1 sigmoid network of presets/xor-sigmoid.json. */
function xorSigmoid(): Network {
  return network(2, [
    layer('sigmoid', [
      [[0.8, -0.6], -0.2],
      [[-0.5, 0.9], -0.3],
    ]),
    layer('sigmoid', [[[0.7, 0.6], -0.1]]),
  ]);
}

/** The book's three-layer network (presets/three-layer.json). */
function threeLayer(output: ActivationName): Network {
  return network(2, [
    layer('sigmoid', [
      [[0.1, 0.2], 0.1],
      [[0.3, 0.4], 0.2],
      [[0.5, 0.6], 0.3],
    ]),
    layer('sigmoid', [
      [[0.1, 0.2, 0.3], 0.1],
      [[0.4, 0.5, 0.6], 0.2],
    ]),
    layer(output, [
      [[0.1, 0.2], 0.1],
      [[0.3, 0.4], 0.2],
    ]),
  ]);
}

function twoThreeTwo(output: ActivationName): Network {
  return network(2, [
    layer('tanh', [
      [[0.5, -0.3], 0.1],
      [[-0.7, 0.4], 0.2],
      [[0.2, 0.9], -0.4],
    ]),
    layer(output, [
      [[0.3, -0.6, 0.8], 0.05],
      [[-0.2, 0.5, 0.4], -0.1],
    ]),
  ]);
}

/** Hidden relu sums are at least 0.1 from the kink on every row. */
function reluNetwork(output: ActivationName): Network {
  return network(2, [
    layer('relu', [
      [[0.7, -0.4], 0.3],
      [[-0.6, 0.8], 0.2],
    ]),
    layer(output, [[[0.9, -0.5], 0.1]]),
  ]);
}

const AND_OR: Targets = [
  [0, 0],
  [0, 1],
  [0, 1],
  [1, 1],
];

const H = 1e-6;

function totalLoss(net: Network, targets: Targets, loss: LossName): number {
  return binaryRows(net.inputs.length).reduce(
    (sum, inputs, row) => sum + rowLoss(net, inputs, targets[row]!, loss),
    0,
  );
}

/** d loss / d value by central differences. */
function numericSlope(
  lossOf: (net: Network) => number,
  net: Network,
  layerIndex: number,
  neuron: number,
  index: ValueIndex,
): number {
  const value =
    index === 'bias'
      ? net.layers[layerIndex]!.neurons[neuron]!.bias
      : net.layers[layerIndex]!.neurons[neuron]!.weights[index]!;
  const at = (v: number) =>
    lossOf(setValue(net, { layer: layerIndex, neuron }, index, v));
  return (at(value + H) - at(value - H)) / (2 * H);
}

/** An analytic slope and its numeric estimate. */
type SlopePair = [number, number];

/** Every analytic slope next to its numeric one. */
function slopePairs(
  analytic: WeightsAndBias[][],
  lossOf: (net: Network) => number,
  net: Network,
): SlopePair[] {
  return analytic.flatMap((neurons, l) =>
    neurons.flatMap((neuron, n): SlopePair[] => [
      ...neuron.weights.map((slope, i): SlopePair => [
        slope,
        numericSlope(lossOf, net, l, n, i),
      ]),
      [neuron.bias, numericSlope(lossOf, net, l, n, 'bias')],
    ]),
  );
}

function agree([analytic, numeric]: SlopePair): boolean {
  const difference = Math.abs(analytic - numeric);
  const size = Math.max(Math.abs(analytic), Math.abs(numeric));
  return difference <= 1e-6 || difference <= 1e-6 * size;
}

const GRADIENT_CASES: [string, Network, Targets, LossName][] = [
  ['2-2-1 sigmoid, squared', xorSigmoid(), XOR, 'squared'],
  ['2-2-1 sigmoid, cross entropy', xorSigmoid(), XOR, 'cross-entropy'],
  ['2-3-2 tanh then linear, squared', twoThreeTwo('linear'), AND_OR, 'squared'],
  [
    '2-3-2 tanh then sigmoid, cross entropy',
    twoThreeTwo('sigmoid'),
    AND_OR,
    'cross-entropy',
  ],
  ['three-layer preset, squared', threeLayer('linear'), AND_OR, 'squared'],
  [
    'three-layer preset with sigmoid outputs, cross entropy',
    threeLayer('sigmoid'),
    AND_OR,
    'cross-entropy',
  ],
  [
    'relu hidden, linear output, squared',
    reluNetwork('linear'),
    XOR,
    'squared',
  ],
  [
    'relu hidden, sigmoid output, cross entropy',
    reluNetwork('sigmoid'),
    XOR,
    'cross-entropy',
  ],
];

describe('gradients agree with central differences (h = 1e-6, within 1e-6)', () => {
  for (const [name, net, targets, loss] of GRADIENT_CASES) {
    it(`summed over the rows: ${name}`, () => {
      const pairs = slopePairs(
        gradient(net, targets, loss),
        (changed) => totalLoss(changed, targets, loss),
        net,
      );
      expect(pairs.filter((pair) => !agree(pair))).toEqual([]);
      expect(pairs.some(([analytic]) => Math.abs(analytic) > 1e-3)).toBe(true);
    });

    it(`on each row: ${name}`, () => {
      binaryRows(2).forEach((inputs, row) => {
        const target = targets[row]!;
        const pairs = slopePairs(
          rowGradient(net, inputs, target, loss),
          (changed) => rowLoss(changed, inputs, target, loss),
          net,
        );
        expect(pairs.filter((pair) => !agree(pair))).toEqual([]);
      });
    });
  }

  it('on a row of inputs that are not 0 or 1: the book input (1.0, 0.5)', () => {
    const net = threeLayer('linear');
    const target = [0.3, 0.7];
    const pairs = slopePairs(
      rowGradient(net, [1, 0.5], target),
      (changed) => rowLoss(changed, [1, 0.5], target),
      net,
    );
    expect(pairs.filter((pair) => !agree(pair))).toEqual([]);
  });
});

describe('the losses', () => {
  it('squared error is half the summed squares over the outputs', () => {
    // The book's output for (1.0, 0.5) is (0.3168, 0.6963).
    const loss = rowLoss(threeLayer('linear'), [1, 0.5], [0, 1]);
    expect(loss).toBeCloseTo((0.3168 ** 2 + (1 - 0.6963) ** 2) / 2, 4);
  });

  it('cross entropy stays finite when a sigmoid output saturates', () => {
    const sure = network(1, [layer('sigmoid', [[[1000], 0]])]);

    expect(rowLoss(sure, [1], [0], 'cross-entropy')).toBe(1000);
    expect(rowLoss(sure, [1], [1], 'cross-entropy')).toBe(0);
    expect(rowLoss(sure, [0], [1], 'cross-entropy')).toBe(Math.LN2);
  });
});

describe('backprop on xor-sigmoid', () => {
  const preset = JSON.parse(
    readFileSync(
      new URL('../../presets/xor-sigmoid.json', import.meta.url),
      'utf8',
    ),
  ) as Pick<Network, 'inputs' | 'layers'> & {
    targets: Targets;
    training: TrainingSettings;
  };
  const net: Network = {
    inputs: preset.inputs,
    layers: preset.layers,
    stepRule: '>',
  };

  it('reads the preset settings: backprop, rate 0.5, seed 1, 5000 epochs, squared, online by default', () => {
    expect(preset.training).toEqual({
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
      epochs: 5000,
      loss: 'squared',
    });
    expect(preset.targets).toEqual(XOR);
  });

  it('trained with its settings gives outputs that round to 0 1 1 0', () => {
    const state = train(net, preset.targets, preset.training);
    const outputs = binaryRows(2).map((row) => predict(state.network, row)[0]!);

    expect(outputs.map(Math.round)).toEqual([0, 1, 1, 0]);
    expect(state.isConverged).toBe(true);
    expect(state.accuracy).toBe(1);
    // It stops at the first epoch with every row right by a clear margin.
    expect(state.epoch).toBe(635);
    expect(state.updates).toBe(635 * 4);
    expect(state.loss).toBeLessThan(0.01);
    expect(said(state)).toBe(
      'Converged in epoch 635: every row is right and the loss is below 0.01.',
    );
  });

  it('keeps learning past convergence: 5000 epochs give outputs near 0 1 1 0', () => {
    const settings = preset.training;
    let state = createTrainingState(net, preset.targets, settings);
    for (let epoch = 0; epoch < 5000; epoch++) {
      state = trainEpoch(state, settings, preset.targets);
    }
    const outputs = binaryRows(2).map((row) => predict(state.network, row)[0]!);

    expect(outputs[0]).toBeLessThan(0.05);
    expect(outputs[1]).toBeGreaterThan(0.95);
    expect(outputs[2]).toBeGreaterThan(0.95);
    expect(outputs[3]).toBeLessThan(0.05);
    expect(state.lossHistory[0]).toBeGreaterThan(state.loss);
  });
});

describe('full batch and online', () => {
  const settings: TrainingSettings = {
    rule: 'backprop',
    learningRate: 0.5,
    seed: 1,
  };

  function minus(net: Network, steps: WeightsAndBias[][], rate: number) {
    return {
      ...net,
      layers: net.layers.map((l, li) => ({
        ...l,
        neurons: l.neurons.map((n, ni) => {
          const step = steps[li]![ni]!;
          return {
            ...n,
            weights: n.weights.map((w, i) => w - rate * step.weights[i]!),
            bias: n.bias - rate * step.bias,
          };
        }),
      })),
    };
  }

  it('full batch makes one update per epoch: the start minus rate times the summed gradient', () => {
    const full = { ...settings, batch: 'full' as const };
    const start = createTrainingState(xorSigmoid(), XOR, full);
    const state = trainEpoch(start, full, XOR);

    expect(state.network).toEqual(
      minus(xorSigmoid(), gradient(xorSigmoid(), XOR), 0.5),
    );
    expect(state.updates).toBe(1);
    expect(state.epoch).toBe(1);
  });

  it('online makes one update per row, each from the network the row before left', () => {
    const start = createTrainingState(xorSigmoid(), XOR, settings);
    const state = trainEpoch(start, settings, XOR);
    let expected = xorSigmoid();
    binaryRows(2).forEach((inputs, row) => {
      expected = minus(expected, rowGradient(expected, inputs, XOR[row]!), 0.5);
    });

    expect(state.network).toEqual(expected);
    expect(state.updates).toBe(4);
  });

  it('the two end the epoch with different weights', () => {
    const full = { ...settings, batch: 'full' as const };
    const online = train(xorSigmoid(), XOR, settings, 1);
    const batch = train(xorSigmoid(), XOR, full, 1);

    expect(online.network).not.toEqual(batch.network);
  });

  it('a single full-batch update shows every row and the summed change', () => {
    const full = { ...settings, batch: 'full' as const };
    const start = createTrainingState(xorSigmoid(), XOR, full);
    const { state, details } = trainUpdate(start, full, XOR);

    expect(details.rows.map((r) => r.row)).toEqual([0, 1, 2, 3]);
    expect(details.rows[3]!.error).toEqual([
      0 - predict(xorSigmoid(), [1, 1])[0]!,
    ]);
    expect(details.changes[1]![0]!.bias).toBe(
      -0.5 * gradient(xorSigmoid(), XOR)[1]![0]!.bias,
    );
    expect(state.epoch).toBe(1);
    expect(state.rowCursor).toBe(0);
  });

  it('a single online update of a linear neuron is worked by hand', () => {
    // One input, w = 0.5, b = 0, targets 1 and 1, rate 0.1. Row (0):
    // y = 0, error 1, delta (y - t) * 1 = -1; w gets -0.1 * -1 * 0 = 0,
    // b gets -0.1 * -1 = 0.1.
    const line = network(1, [layer('linear', [[[0.5], 0]])]);
    const rate = { ...settings, learningRate: 0.1 };
    const start = createTrainingState(line, [[1], [1]], rate);
    const first = trainUpdate(start, rate, [[1], [1]]);

    expect(first.details).toEqual({
      rows: [{ row: 0, inputs: [0], outputs: [0], target: [1], error: [1] }],
      changes: [[{ weights: [0], bias: 0.1 }]],
    });
    // Row (1): y = 0.5 + 0.1 = 0.6, error 0.4: w and b each get 0.04.
    const second = trainUpdate(first.state, rate, [[1], [1]]);
    expect(second.details.rows[0]!.outputs).toEqual([0.6]);
    expect(second.details.changes[0]![0]!.weights[0]).toBeCloseTo(0.04, 15);
    expect(second.details.changes[0]![0]!.bias).toBeCloseTo(0.04, 15);
    expect(second.state.epoch).toBe(1);
    expect(second.state.updates).toBe(2);
  });
});

describe('a learning rate too high', () => {
  const line = network(2, [layer('linear', [[[0.5, 0.5], 0]])]);
  const AND: Targets = [[0], [0], [0], [1]];
  const wild: TrainingSettings = {
    rule: 'backprop',
    learningRate: 1e6,
    seed: 1,
  };

  it('stops training with the last finite network and a message', () => {
    const state = train(line, AND, wild, 100);

    expect(shapeProblems(state.network)).toEqual([]);
    expect(state.hasOverflowed).toBe(true);
    expect(state.isConverged).toBe(false);
    expect(state.epoch).toBe(12);
    expect(state.rowCursor).toBe(3);
    expect(said(state)).toBe(
      'Training stopped in epoch 13: the weights overflowed, because the ' +
        'next update would have made a weight or bias too large for a ' +
        'number (learning rate 1000000). The network is the last one whose ' +
        'weights were all finite; reset it and try a smaller learning rate.',
    );
  });

  it('changes nothing when tried again, and trains on at a smaller rate', () => {
    const stopped = train(line, AND, wild, 100);
    const again = trainEpoch(stopped, wild, AND);
    const calmer = { ...wild, learningRate: 1e-9 };
    const after = trainEpoch(stopped, calmer, AND);

    expect(again.network).toEqual(stopped.network);
    expect(again.hasOverflowed).toBe(true);
    expect(after.hasOverflowed).toBe(false);
    expect(after.epoch).toBe(13);
    expect(shapeProblems(after.network)).toEqual([]);
  });
});

describe('networks backprop refuses', () => {
  const backprop: TrainingSettings = {
    rule: 'backprop',
    learningRate: 0.5,
    seed: 1,
  };

  it('refuses a single step layer and suggests the perceptron rule', () => {
    const step = network(2, [layer('step', [[[0.5, 0.5], -0.7]])]);

    const refusal = refusalOf(() => train(step, XOR, backprop));
    expect(refusal).toEqual({ kind: 'backprop-step', layer: null });
    expect(en.trainingRefused(refusal)).toBe(
      'Backprop cannot train step neurons: the step function is flat ' +
        'everywhere except at 0, so its derivative gives no gradient to ' +
        'follow. Use the perceptron rule for this single layer of step ' +
        'neurons, or change its activation to sigmoid.',
    );
    expect(refusalOf(() => rowGradient(step, [1, 1], [1]))).toEqual(refusal);
  });

  it('refuses a step layer in a deeper network and names the layer', () => {
    const gates = network(2, [
      layer('step', [
        [[-0.5, -0.5], 0.7],
        [[0.5, 0.5], -0.2],
      ]),
      layer('sigmoid', [[[0.5, 0.5], -0.7]]),
    ]);

    const refusal = refusalOf(() => train(gates, XOR, backprop));
    expect(refusal).toEqual({ kind: 'backprop-step', layer: 1 });
    expect(en.trainingRefused(refusal)).toBe(
      'Backprop cannot train step neurons, and layer 1 uses step: the step ' +
        'function is flat everywhere except at 0, so its derivative gives ' +
        'no gradient to follow. Change every step layer to sigmoid, tanh, ' +
        'relu or linear first.',
    );
    expect(ja.trainingRefused(refusal)).toBe(
      '誤差逆伝播法ではステップニューロンを学習できません (第1層が step)。' +
        'ステップ関数は 0 以外で平らで、微分が勾配を与えないためです。' +
        'step の層をすべて sigmoid、tanh、relu か linear に変えてください。',
    );
  });

  it('refuses cross entropy on an output layer that is not sigmoid', () => {
    const settings = { ...backprop, loss: 'cross-entropy' as const };

    const refusal = refusalOf(() =>
      train(reluNetwork('linear'), XOR, settings),
    );
    expect(refusal).toEqual({ kind: 'loss-output', activation: 'linear' });
    expect(en.trainingRefused(refusal)).toBe(
      'Cross-entropy loss needs a sigmoid output layer, whose outputs lie ' +
        'between 0 and 1, but the output layer uses linear. Use squared ' +
        'error, or change the output layer to sigmoid.',
    );
  });
});

describe('gradient and loss inputs', () => {
  it('refuse a target with the wrong number of values', () => {
    expect(() => rowGradient(xorSigmoid(), [1, 1], [0, 1])).toThrow(
      'The target has 2 values, but the network has 1 output: give one ' +
        'target value per output.',
    );
    expect(() => rowLoss(xorSigmoid(), [1, 1], [])).toThrow(
      'The target has 0 values',
    );
    expect(() => gradient(xorSigmoid(), [[0], [1]])).toThrow(
      'The targets do not fit the network',
    );
  });
});

describe('running out of epochs with backprop', () => {
  it('says how many rows are right and what the loss is', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
    };
    const state = train(xorSigmoid(), XOR, settings, 10);
    const right = Math.round(state.accuracy * 4);

    expect(state.isConverged).toBe(false);
    expect(said(state)).toBe(
      `Not converged after 10 epochs: ${right} of 4 rows are right and the ` +
        `loss is ${state.loss.toPrecision(3)}. Train for more epochs, or ` +
        `try another learning rate.`,
    );
  });

  it('counts one epoch in the singular', () => {
    const settings: TrainingSettings = {
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
    };
    const state = train(xorSigmoid(), XOR, settings, 1);

    expect(said(state)).toMatch(/^Not converged after 1 epoch: /);
  });
});
