import type { TrainingOutcome } from '../../src/core/train.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../src/core/lesson.js';
import type { Network } from '../../src/core/network.js';
import type { Targets } from '../../src/core/truth-table.js';
import {
  createTrainingState,
  train,
  trainEpoch,
  trainEpochs,
  trainUpdate,
  type TrainingState,
} from '../../src/core/train.js';
import { en } from '../../src/i18n/en.js';

/** What a state came to, in the English interface's words. */
function said(state: { outcome?: TrainingOutcome }): string | undefined {
  return state.outcome && en.trainingOutcome(state.outcome);
}

const AND: Targets = [[0], [0], [0], [1]];
const XOR: Targets = [[0], [1], [1], [0]];

function zeroPerceptron(): Network {
  return {
    inputs: ['x1', 'x2'],
    layers: [
      {
        activation: 'step',
        neurons: [{ label: 'y', weights: [0, 0], bias: 0 }],
      },
    ],
    stepRule: '>',
  };
}

/** The 2-2-1 network of the xor-sigmoid lesson. */
function xorSigmoid(): Network {
  return {
    inputs: ['x1', 'x2'],
    layers: [
      {
        activation: 'sigmoid',
        neurons: [
          { label: 'h1', weights: [0.8, -0.6], bias: -0.2 },
          { label: 'h2', weights: [-0.5, 0.9], bias: -0.3 },
        ],
      },
      {
        activation: 'sigmoid',
        neurons: [{ label: 'y', weights: [0.7, 0.6], bias: -0.1 }],
      },
    ],
    stepRule: '>',
  };
}

const PERCEPTRON: TrainingSettings = {
  rule: 'perceptron',
  learningRate: 1,
  seed: 1,
};
const BACKPROP: TrainingSettings = {
  rule: 'backprop',
  learningRate: 0.5,
  seed: 1,
  epochs: 5000,
};

/** `count` calls of trainEpoch, stopping where trainEpochs stops. */
function oneByOne(
  state: TrainingState,
  settings: TrainingSettings,
  targets: Targets,
  count: number,
): TrainingState {
  let current = state;
  for (let done = 0; done < count; done++) {
    current = trainEpoch(current, settings, targets);
    if (current.isConverged || current.hasOverflowed) break;
  }
  return current;
}

describe('trainEpochs', () => {
  it('learns AND from zero in 6 epochs, ending at (2, 1) and bias -2 as train does', () => {
    const start = createTrainingState(zeroPerceptron(), AND, PERCEPTRON);
    const state = trainEpochs(start, PERCEPTRON, AND, 100);

    expect(state.epoch).toBe(6);
    expect(state.isConverged).toBe(true);
    expect(state.network.layers[0]!.neurons[0]).toMatchObject({
      weights: [2, 1],
      bias: -2,
    });
    expect(state).toEqual(train(zeroPerceptron(), AND, PERCEPTRON, 100));
  });

  it('gives exactly what as many trainEpoch calls give, for any count', () => {
    const start = createTrainingState(xorSigmoid(), XOR, BACKPROP);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (count) => {
        expect(trainEpochs(start, BACKPROP, XOR, count)).toEqual(
          oneByOne(start, BACKPROP, XOR, count),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('stops at the epoch where xor-sigmoid converges, 635, with the message', () => {
    const start = createTrainingState(xorSigmoid(), XOR, BACKPROP);
    const state = trainEpochs(start, BACKPROP, XOR, 10_000);

    expect(state.epoch).toBe(635);
    expect(state.isConverged).toBe(true);
    expect(said(state)).toBe(
      'Converged in epoch 635: every row is right and the loss is below 0.01.',
    );
  });

  it('finishes the epoch under way after single updates first', () => {
    const start = createTrainingState(zeroPerceptron(), AND, PERCEPTRON);
    const afterOne = trainUpdate(start, PERCEPTRON, AND).state;
    const state = trainEpochs(afterOne, PERCEPTRON, AND, 1);

    expect(state.epoch).toBe(1);
    expect(state.rowCursor).toBe(0);
    expect(state).toEqual(trainEpoch(afterOne, PERCEPTRON, AND));
  });

  it('runs at least one epoch from a converged state', () => {
    const start = createTrainingState(zeroPerceptron(), AND, PERCEPTRON);
    const converged = trainEpochs(start, PERCEPTRON, AND, 100);
    const again = trainEpochs(converged, PERCEPTRON, AND, 100);

    expect(again.epoch).toBe(7);
    expect(again.network).toEqual(converged.network);
  });

  it('says when every row is right but the last epoch still made mistakes', () => {
    // AND from zero weights: epoch 5 ends with every row right, after
    // mistakes in it; epoch 6 makes none, and converges.
    const settings = { ...PERCEPTRON, epochs: 5 };
    const start = createTrainingState(zeroPerceptron(), AND, settings);
    const five = trainEpochs(start, settings, AND, 5);

    expect(five.accuracy).toBe(1);
    expect(five.outcome).toEqual({
      kind: 'separable-not-yet',
      epochs: 5,
      isRightNow: true,
    });
    expect(said(five)).toBe(
      'No clean epoch in 5 epochs yet, but every row is right now: epoch 5 ' +
        'still made mistakes, and the next one will make none. Train one ' +
        'more epoch.',
    );
    const six = trainEpoch(five, PERCEPTRON, AND);
    expect(six.isConverged).toBe(true);
    expect(six.network).toEqual(five.network);

    const three = trainEpochs(start, { ...settings, epochs: 3 }, AND, 3);
    expect(three.accuracy).toBeLessThan(1);
    expect(three.outcome).toMatchObject({ isRightNow: false });
  });

  it('says no line splits XOR when the epochs of the settings run out', () => {
    const settings = { ...PERCEPTRON, epochs: 50 };
    const start = createTrainingState(zeroPerceptron(), XOR, settings);
    const state = trainEpochs(start, settings, XOR, 50);

    expect(state.epoch).toBe(50);
    expect(state.isConverged).toBe(false);
    expect(said(state)).toContain(
      'No clean epoch in 50 epochs: no straight line splits the 1s from the 0s (not linearly separable)',
    );
  });

  it('changes nothing for 0 epochs, and refuses a negative count', () => {
    const start = createTrainingState(zeroPerceptron(), AND, PERCEPTRON);

    expect(trainEpochs(start, PERCEPTRON, AND, 0)).toEqual(start);
    expect(() => trainEpochs(start, PERCEPTRON, AND, -1)).toThrow(
      'The number of epochs must be a whole number of 0 or more, but it is -1.',
    );
  });
});
