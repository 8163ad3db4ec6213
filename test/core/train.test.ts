import type { TrainingOutcome } from '../../src/core/train.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StepRule } from '../../src/core/activation.js';
import type { TrainingSettings } from '../../src/core/lesson.js';
import type { Network } from '../../src/core/network.js';
import type { Targets } from '../../src/core/truth-table.js';
import {
  createTrainingState,
  resolveSettings,
  train,
  trainEpoch,
  trainUpdate,
  type TrainingState,
} from '../../src/core/train.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { refusalOf } from './refusal.js';

/** What a state came to, in the English interface's words. */
function said(state: { outcome?: TrainingOutcome }): string | undefined {
  return state.outcome && en.trainingOutcome(state.outcome);
}

interface Trace {
  weights: number[];
  bias: number;
  updates: number;
  firstCleanEpoch: number;
}

const cases = JSON.parse(
  readFileSync(
    new URL('../fixtures/reference/perceptron-rule.json', import.meta.url),
    'utf8',
  ),
) as { cases: { and: Trace; or: Trace; xor: { firstCleanEpoch: null } } };

const AND: Targets = [[0], [0], [0], [1]];
const OR: Targets = [[0], [1], [1], [1]];
const XOR: Targets = [[0], [1], [1], [0]];

function perceptron(stepRule: StepRule = '>'): Network {
  return {
    inputs: ['x1', 'x2'],
    layers: [{ activation: 'step', neurons: [{ weights: [0, 0], bias: 0 }] }],
    stepRule,
  };
}

function ruleAt(learningRate: number): TrainingSettings {
  return { rule: 'perceptron', learningRate, seed: 1 };
}

function neuronOf(state: TrainingState) {
  const { weights, bias } = state.network.layers[0]!.neurons[0]!;
  return { weights, bias };
}

describe('the perceptron rule against perceptron-rule.json', () => {
  it('learns AND from zero at rate 1: weights (2, 1), bias -2, 10 updates, clean epoch 6', () => {
    const expected = cases.cases.and;
    const state = train(perceptron(), AND, ruleAt(1), 100);

    expect(neuronOf(state)).toEqual({
      weights: expected.weights,
      bias: expected.bias,
    });
    expect(state.updates).toBe(expected.updates);
    expect(state.epoch).toBe(expected.firstCleanEpoch);
    expect(state.isConverged).toBe(true);
    expect(state.accuracy).toBe(1);
    expect(state.loss).toBe(0);
    expect(said(state)).toBe(
      'Converged: epoch 6 made no mistake, after 10 updates.',
    );
  });

  it('learns OR from zero at rate 1: weights (1, 1), bias 0, 4 updates, clean epoch 4', () => {
    const expected = cases.cases.or;
    const state = train(perceptron(), OR, ruleAt(1), 100);

    expect(neuronOf(state)).toEqual({
      weights: expected.weights,
      bias: expected.bias,
    });
    expect(state.updates).toBe(expected.updates);
    expect(state.epoch).toBe(expected.firstCleanEpoch);
    expect(state.isConverged).toBe(true);
  });

  it('finds no clean epoch for XOR in 100 epochs and says the data is not linearly separable', () => {
    expect(cases.cases.xor.firstCleanEpoch).toBeNull();
    const state = train(perceptron(), XOR, ruleAt(1), 100);

    expect(state.epoch).toBe(100);
    expect(state.isConverged).toBe(false);
    expect(said(state)).toBe(
      'No clean epoch in 100 epochs: no straight line splits the 1s from ' +
        'the 0s (not linearly separable), so one layer of step neurons ' +
        'never gets every row right. Add a hidden layer, as the XOR lesson ' +
        'does, or use sigmoid and backprop.',
    );
  });

  it('never has an XOR epoch without a mistake, epoch by epoch', () => {
    let state = createTrainingState(perceptron(), XOR, ruleAt(1));
    for (let epoch = 1; epoch <= 100; epoch++) {
      state = trainEpoch(state, ruleAt(1), XOR);
      expect(state.isConverged).toBe(false);
    }
    expect(state.accuracy).toBeLessThan(1);
  });

  it('at rate 0.1 ends at one tenth of every weight and bias of rate 1', () => {
    for (const targets of [AND, OR]) {
      const whole = train(perceptron(), targets, ruleAt(1), 100);
      const tenth = train(perceptron(), targets, ruleAt(0.1), 100);
      const w = neuronOf(whole);
      const t = neuronOf(tenth);

      expect(t.weights[0]).toBeCloseTo(w.weights[0]! / 10, 12);
      expect(t.weights[1]).toBeCloseTo(w.weights[1]! / 10, 12);
      expect(t.bias).toBeCloseTo(w.bias / 10, 12);
      expect(tenth.updates).toBe(whole.updates);
      expect(tenth.epoch).toBe(whole.epoch);
    }
  });

  it('with the >= step rule learns AND as worked by hand: (2, 1), bias -3, 11 updates, clean epoch 6', () => {
    const state = train(perceptron('>='), AND, ruleAt(1), 100);

    expect(neuronOf(state)).toEqual({ weights: [2, 1], bias: -3 });
    expect(state.updates).toBe(11);
    expect(state.epoch).toBe(6);
  });

  it('trains each output neuron on its own and counts a row with any wrong output as one update', () => {
    const twoOutputs: Network = {
      ...perceptron(),
      layers: [
        {
          activation: 'step',
          neurons: [
            { weights: [0, 0], bias: 0 },
            { weights: [0, 0], bias: 0 },
          ],
        },
      ],
    };
    const andOr: Targets = [
      [0, 0],
      [0, 1],
      [0, 1],
      [1, 1],
    ];
    const state = train(twoOutputs, andOr, ruleAt(1), 100);

    expect(state.network.layers[0]!.neurons).toEqual([
      { weights: [2, 1], bias: -2 },
      { weights: [1, 1], bias: 0 },
    ]);
    // Wrong rows per epoch: {1, 3}, all 4, all 4, {2, 3}, {1}.
    expect(state.updates).toBe(13);
    expect(state.epoch).toBe(6);
  });

  it('says the targets can be split when the epochs run out before a clean one', () => {
    const state = train(perceptron(), AND, ruleAt(1), 3);

    expect(state.isConverged).toBe(false);
    expect(said(state)).toBe(
      'No clean epoch in 3 epochs yet. The targets are linearly separable, ' +
        'so the perceptron rule will reach one: train for more epochs.',
    );
  });
});

describe('trainUpdate, one row at a time (AND from zero, rate 1)', () => {
  const settings = ruleAt(1);

  function updates(count: number) {
    let state = createTrainingState(perceptron(), AND, settings);
    const all = [];
    for (let i = 0; i < count; i++) {
      const update = trainUpdate(state, settings, AND);
      all.push(update);
      state = update.state;
    }
    return all;
  }

  it('first visits row (0,0): output step(0) = 0, target 0, no change', () => {
    const [first] = updates(1);

    expect(first!.details).toEqual({
      rows: [{ row: 0, inputs: [0, 0], outputs: [0], target: [0], error: [0] }],
      changes: [[{ weights: [0, 0], bias: 0 }]],
    });
    expect(first!.state.updates).toBe(0);
    expect(first!.state.rowCursor).toBe(1);
    expect(first!.state.epoch).toBe(0);
  });

  it('changes nothing on rows (0,1) and (1,0), then adds (1, 1) and 1 at row (1,1)', () => {
    const all = updates(4);

    expect(all.map((u) => u.details.rows[0]!.row)).toEqual([0, 1, 2, 3]);
    expect(all[1]!.details.changes).toEqual([[{ weights: [0, 0], bias: 0 }]]);
    expect(all[2]!.details.changes).toEqual([[{ weights: [0, 0], bias: 0 }]]);
    expect(all[3]!.details).toEqual({
      rows: [{ row: 3, inputs: [1, 1], outputs: [0], target: [1], error: [1] }],
      changes: [[{ weights: [1, 1], bias: 1 }]],
    });
    const state = all[3]!.state;
    expect(neuronOf(state)).toEqual({ weights: [1, 1], bias: 1 });
    expect(state.updates).toBe(1);
    expect(state.epoch).toBe(1);
    expect(state.rowCursor).toBe(0);
    expect(state.isConverged).toBe(false);
  });

  it('in epoch 2 moves the bias at (0,0), w2 and the bias at (0,1), nothing at (1,0), then adds (1, 1) and 1 at (1,1)', () => {
    const all = updates(8);
    const details = all.slice(4).map((u) => u.details);

    // Row (0,0): sum 1 fires, error -1: only the bias moves.
    expect(details[0]).toEqual({
      rows: [
        { row: 0, inputs: [0, 0], outputs: [1], target: [0], error: [-1] },
      ],
      changes: [[{ weights: [0, 0], bias: -1 }]],
    });
    // Row (0,1): sum 1 + 0 fires, error -1: w2 and the bias move.
    expect(details[1]!.rows[0]!.error).toEqual([-1]);
    expect(details[1]!.changes).toEqual([[{ weights: [0, -1], bias: -1 }]]);
    // Row (1,0): sum 1 - 1 = 0 gives 0 under '>': right, no change.
    expect(details[2]!.rows[0]!.outputs).toEqual([0]);
    expect(details[2]!.changes).toEqual([[{ weights: [0, 0], bias: 0 }]]);
    // Row (1,1): sum 1 + 0 - 1 = 0 gives 0, target 1: add (1, 1) and 1.
    expect(details[3]!.changes).toEqual([[{ weights: [1, 1], bias: 1 }]]);
    expect(neuronOf(all[7]!.state)).toEqual({ weights: [2, 1], bias: 0 });
    expect(all[7]!.state.updates).toBe(4);
    expect(all[7]!.state.epoch).toBe(2);
  });

  it('after 24 single updates reaches exactly the state that train reaches', () => {
    const last = updates(24).at(-1)!.state;

    expect(last).toEqual(train(perceptron(), AND, settings, 100));
    expect(last.epoch).toBe(6);
    expect(last.isConverged).toBe(true);
  });

  it('finishes the epoch under way when trainEpoch follows single updates', () => {
    const partway = updates(2).at(-1)!.state;
    const state = trainEpoch(partway, settings, AND);

    expect(state.epoch).toBe(1);
    expect(state.rowCursor).toBe(0);
    expect(neuronOf(state)).toEqual({ weights: [1, 1], bias: 1 });
  });
});

describe('the training state', () => {
  it('starts at epoch 0 with the loss before training as its first history point', () => {
    const state = createTrainingState(perceptron(), AND, ruleAt(1));

    expect(state).toEqual({
      network: perceptron(),
      epoch: 0,
      updates: 0,
      // Only row (1,1) is wrong: (0 - 1)^2 / 2 over 4 rows.
      loss: 0.125,
      accuracy: 0.75,
      lossHistory: [0.125],
      lossHistoryStride: 1,
      isConverged: false,
      hasOverflowed: false,
      rowCursor: 0,
      mistakesThisEpoch: 0,
    });
  });

  it('records the loss after every epoch', () => {
    const state = train(perceptron(), AND, ruleAt(1), 100);

    expect(state.lossHistory).toHaveLength(7);
    expect(state.lossHistory[0]).toBe(0.125);
    expect(state.lossHistory.at(-1)).toBe(0);
  });

  it('is never changed by a step: frozen states and networks train as usual', () => {
    const settings = ruleAt(1);
    const state = deepFreeze(createTrainingState(perceptron(), AND, settings));
    const copy = structuredClone(state);

    trainUpdate(state, settings, AND);
    trainEpoch(state, settings, AND);
    train(deepFreeze(perceptron()), AND, settings, 10);

    expect(state).toEqual(copy);
  });
});

describe('settings', () => {
  it('default to 1000 epochs, squared error, online, preset weights and counting order', () => {
    expect(
      resolveSettings({ rule: 'backprop', learningRate: 0.5, seed: 1 }),
    ).toEqual({
      rule: 'backprop',
      learningRate: 0.5,
      seed: 1,
      epochs: 1000,
      loss: 'squared',
      batch: 'online',
      init: 'preset',
      shuffle: false,
    });
  });

  it('keep the values a lesson gives', () => {
    const given: Required<TrainingSettings> = {
      rule: 'perceptron',
      learningRate: 1,
      seed: 3,
      epochs: 7,
      loss: 'cross-entropy',
      batch: 'full',
      init: 'random',
      shuffle: true,
    };
    expect(resolveSettings(given)).toEqual(given);
  });

  it('give train its number of epochs when none is passed', () => {
    const state = train(perceptron(), XOR, { ...ruleAt(1), epochs: 12 });

    expect(state.epoch).toBe(12);
  });

  it('start from zero weights with init zero', () => {
    const and: Network = {
      ...perceptron(),
      layers: [
        {
          activation: 'step',
          neurons: [{ weights: [0.5, 0.5], bias: -0.7 }],
        },
      ],
    };
    const state = train(and, AND, { ...ruleAt(1), init: 'zero' }, 10);

    expect(neuronOf(state)).toEqual({ weights: [2, 1], bias: -2 });
  });
});

describe('networks and settings the perceptron rule refuses', () => {
  it('refuses two layers', () => {
    const twoLayers: Network = {
      ...perceptron(),
      layers: [
        perceptron().layers[0]!,
        { activation: 'step', neurons: [{ weights: [0], bias: 0 }] },
      ],
    };
    const refusal = refusalOf(() => train(twoLayers, AND, ruleAt(1)));
    expect(refusal).toEqual({ kind: 'perceptron-layers', layers: 2 });
    expect(en.trainingRefused(refusal)).toBe(
      'The perceptron rule trains a single layer of step neurons, but this ' +
        'network has 2 layers, and the rule has no targets for hidden ' +
        'neurons. Train it with backprop instead, once no layer is step.',
    );
  });

  it('refuses a sigmoid layer', () => {
    const smooth: Network = {
      ...perceptron(),
      layers: [{ ...perceptron().layers[0]!, activation: 'sigmoid' }],
    };
    const refusal = refusalOf(() => train(smooth, AND, ruleAt(1)));
    expect(refusal).toEqual({
      kind: 'perceptron-activation',
      activation: 'sigmoid',
    });
    expect(en.trainingRefused(refusal)).toBe(
      'The perceptron rule trains step neurons, but this layer uses ' +
        'sigmoid. Train it with backprop, or change its activation to step.',
    );
  });

  it('refuses targets other than 0 and 1', () => {
    const refusal = refusalOf(() =>
      train(perceptron(), [[0], [0.5], [0], [1]], ruleAt(1)),
    );
    expect(refusal).toEqual({ kind: 'perceptron-target', row: 2, value: 0.5 });
    expect(en.trainingRefused(refusal)).toBe(
      'The perceptron rule needs targets of 0 or 1, but row 2 has 0.5.',
    );
    expect(ja.trainingRefused(refusal)).toBe(
      'パーセプトロンの学習則には 0 か 1 の正解が必要ですが、2 行目は 0.5 です。',
    );
  });

  it('refuses targets of the wrong shape', () => {
    expect(() => train(perceptron(), [[0], [1]], ruleAt(1))).toThrow(
      'The targets do not fit the network: it needs 4 rows (one per ' +
        'truth-table row) of 1 value (one per output), but the targets ' +
        'have 2 rows.',
    );
  });

  it('refuses a negative learning rate and a negative number of epochs', () => {
    expect(() => train(perceptron(), AND, ruleAt(-1))).toThrow(
      'The learning rate must be a finite number of 0 or more, but it is -1.',
    );
    expect(() => train(perceptron(), AND, ruleAt(1), -1)).toThrow(
      'The number of epochs must be a whole number of 0 or more, but it is -1.',
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach((inner) => deepFreeze(inner));
    Object.freeze(value);
  }
  return value;
}
