import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import { setValue } from '../../src/core/edit.js';
import type { Network } from '../../src/core/network.js';
import {
  createTrainingState,
  trainEpoch,
  type TrainingState,
} from '../../src/core/train.js';
import { en } from '../../src/i18n/en.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import { actionFor, reduceKeys } from '../../src/ui/keymap.js';
import {
  type Action,
  initialState,
  reduce,
  type SessionState,
} from '../../src/ui/state.js';
import {
  trainingHeights,
  trainingLines,
  updateLines,
} from '../../src/ui/training-panel.js';
import {
  changeSince,
  LEARNING_RATES,
  liveSlice,
  nextRate,
  paceAt,
  runSlice,
  settingsOf,
  SLICE_BUDGET_MS,
  stopAtAfter,
  type TrainingSession,
} from '../../src/ui/training.js';

const lessons = builtInLessons();

function lesson(name: string): Lesson {
  const found = findLesson(name);
  if (!found) throw new Error(`no lesson ${name}`);
  return found;
}

/** A session on a built-in lesson, or on a lesson made in the test. */
function start(from: string | Lesson): SessionState {
  const found = typeof from === 'string' ? lesson(from) : from;
  const index = lessons.indexOf(found);
  return initialState({
    lessons,
    start: found,
    startIndex: index >= 0 ? index : null,
    language: 'en',
  });
}

function run(state: SessionState, ...actions: Action[]): SessionState {
  return actions.reduce(reduce, state);
}

/** Sends keys through the keymap, as the screen does. */
function keys(state: SessionState, ...names: string[]): SessionState {
  return reduceKeys(state, names);
}

function trainingOf(state: SessionState): TrainingSession {
  if (!state.training) throw new Error('no training session');
  return state.training;
}

/** The AND lesson with every weight and the bias at 0. */
function zeroAnd(): Lesson {
  const and = lesson('and');
  const layers = and.network.layers.map((layer) => ({
    ...layer,
    neurons: layer.neurons.map((neuron) => ({
      ...neuron,
      weights: neuron.weights.map(() => 0),
      bias: 0,
    })),
  }));
  return { ...and, network: { ...and.network, layers } };
}

function firstNeuron(network: Network) {
  const { weights, bias } = network.layers[0]!.neurons[0]!;
  return { weights, bias };
}

const EPOCH: Action = { type: 'train-epoch' };
const UPDATE: Action = { type: 'train-update' };
const LIVE: Action = { type: 'toggle-live' };
const RESET: Action = { type: 'reset-training' };

const perceptronCases = JSON.parse(
  readFileSync(
    new URL('../fixtures/reference/perceptron-rule.json', import.meta.url),
    'utf8',
  ),
) as { cases: { and: { weights: number[]; bias: number } } };

describe('the keys of training', () => {
  it('t, ., space and r train in normal mode and in rate mode, R selects the rate', () => {
    for (const mode of ['normal', 'rate'] as const) {
      expect(actionFor(mode, 't')).toEqual(EPOCH);
      expect(actionFor(mode, '.')).toEqual(UPDATE);
      expect(actionFor(mode, 'space')).toEqual(LIVE);
      expect(actionFor(mode, 'r')).toEqual(RESET);
    }
    expect(actionFor('normal', 'R')).toEqual({ type: 'select-rate' });
    expect(actionFor('rate', '+')).toEqual({
      type: 'change-rate',
      direction: 1,
    });
    expect(actionFor('rate', 'escape')).toEqual({ type: 'select-rate' });
    expect(actionFor('rate', 'j')).toEqual({ type: 'select-rate' });
  });
});

describe('t: one epoch', () => {
  it('on xor-sigmoid advances the epoch, lowers the loss and trains the network on the screen', () => {
    const before = start('xor-sigmoid');
    const after = run(before, EPOCH);
    const training = trainingOf(after);
    const xor = lesson('xor-sigmoid');
    const settings = settingsOf(xor, 0.5);
    const expected = trainEpoch(
      createTrainingState(xor.network, xor.targets!, settings),
      settings,
      xor.targets!,
    );

    expect(training.state.epoch).toBe(1);
    expect(training.state.loss).toBeLessThan(training.state.lossHistory[0]!);
    expect(training.state).toEqual(expected);
    expect(after.lesson.network).toEqual(expected.network);
    expect(training.rule).toBe('backprop');
    expect(training.learningRate).toBe(0.5);
    expect(after.isDirty).toBe(true);
  });

  it('uses the perceptron rule at rate 1 for one layer of step neurons', () => {
    const training = trainingOf(run(start(zeroAnd()), EPOCH));
    expect(training.rule).toBe('perceptron');
    expect(training.learningRate).toBe(1);
  });

  it('from zero learns AND in 6 epochs, to the weights of perceptron-rule.json', () => {
    const state = run(start(zeroAnd()), ...Array<Action>(6).fill(EPOCH));
    const { weights, bias } = perceptronCases.cases.and;

    expect(firstNeuron(state.lesson.network)).toEqual({ weights, bias });
    expect(trainingOf(state).state.isConverged).toBe(true);
    expect(state.status).toEqual({
      text: 'Converged: epoch 6 made no mistake, after 10 updates.',
      tone: 'info',
    });
  });

  it('goes on from weights edited between two epochs', () => {
    const trained = run(start('xor-sigmoid'), EPOCH, EPOCH);
    const nudged = run(trained, { type: 'nudge', direction: 1 });
    const after = run(nudged, EPOCH);
    const xor = lesson('xor-sigmoid');
    const settings = settingsOf(xor, 0.5);
    const from: TrainingState = {
      ...trainingOf(trained).state,
      network: nudged.lesson.network,
    };

    expect(trainingOf(after).state.epoch).toBe(3);
    expect(after.lesson.network).toEqual(
      trainEpoch(from, settings, xor.targets!).network,
    );
  });

  it('with random starting weights, shows them at the first t, and trains at the next', () => {
    const xor = lesson('xor-sigmoid');
    const settings = { ...xor.training!, init: 'random' as const, seed: 3 };
    const randomStart: Lesson = { ...xor, training: settings };
    const edited = run(start(randomStart), { type: 'set-value', value: 5 });
    const shown = run(edited, EPOCH);
    const first = createTrainingState(xor.network, xor.targets!, settings);

    expect(shown.lesson.network).toEqual(first.network);
    expect(shown.lesson.network).not.toEqual(edited.lesson.network);
    expect(trainingOf(shown).state.epoch).toBe(0);
    expect(shown.status?.text).toBe(
      'Random starting weights (init random, seed 3): t trains, u undoes.',
    );

    const trained = run(shown, EPOCH);
    expect(trainingOf(trained).state.epoch).toBe(1);
    expect(trained.lesson.network).toEqual(
      trainEpoch(first, settingsOf(randomStart, 0.5), xor.targets!).network,
    );

    // u takes back the starting weights and brings the edit back.
    expect(run(shown, { type: 'undo' }).lesson.network).toEqual(
      edited.lesson.network,
    );
  });

  it('with zero starting weights, . shows them before any update', () => {
    const and = lesson('and');
    const zeroStart: Lesson = {
      ...and,
      training: { rule: 'perceptron', learningRate: 1, seed: 1, init: 'zero' },
    };
    const shown = run(start(zeroStart), UPDATE);

    expect(shown.lesson.network.layers[0]?.neurons[0]).toMatchObject({
      weights: [0, 0],
      bias: 0,
    });
    expect(trainingOf(shown).state.updates).toBe(0);
    expect(shown.status?.text).toBe(
      'Starting weights all 0 (init zero): t trains from them, u undoes.',
    );
  });

  it('starts again from epoch 0 when the shape changes', () => {
    const trained = run(start('xor-sigmoid'), EPOCH, EPOCH, EPOCH);
    const after = run(trained, { type: 'add-neuron' }, EPOCH);

    expect(trainingOf(after).state.epoch).toBe(1);
    expect(trainingOf(after).state.lossHistory).toHaveLength(2);
  });
});

describe('.: one single update', () => {
  it('on AND from zero shows row (0,0): output 0, target 0, error 0, and no change', () => {
    const state = run(start(zeroAnd()), UPDATE);
    const details = trainingOf(state).lastUpdate!;

    expect(details.rows).toEqual([
      { row: 0, inputs: [0, 0], outputs: [0], target: [0], error: [0] },
    ]);
    expect(details.changes).toEqual([[{ weights: [0, 0], bias: 0 }]]);
    expect(updateLines(details, state.lesson.network, en)).toEqual([
      'row (0, 0): output 0, target 0, error 0',
      'no change: the output was right',
    ]);
  });

  it('at row (1,1) adds rate * (1 - 0) * x: weights (1, 1), bias 1', () => {
    const state = run(start(zeroAnd()), UPDATE, UPDATE, UPDATE, UPDATE);
    const training = trainingOf(state);
    const details = training.lastUpdate!;

    expect(details.rows).toEqual([
      { row: 3, inputs: [1, 1], outputs: [0], target: [1], error: [1] },
    ]);
    expect(details.changes).toEqual([[{ weights: [1, 1], bias: 1 }]]);
    expect(updateLines(details, state.lesson.network, en)).toEqual([
      'row (1, 1): output 0, target 1, error +1',
      'change y: x1 +1  x2 +1  b +1',
    ]);
    expect(firstNeuron(state.lesson.network)).toEqual({
      weights: [1, 1],
      bias: 1,
    });
    expect(training.state.epoch).toBe(1);
  });

  it('then at (0,0) of epoch 2 takes 1 off the bias only, since x is (0, 0)', () => {
    const state = run(start(zeroAnd()), ...Array<Action>(5).fill(UPDATE));
    const details = trainingOf(state).lastUpdate!;

    expect(updateLines(details, state.lesson.network, en)).toEqual([
      'row (0, 0): output 1, target 0, error -1',
      'change y: x1 0  x2 0  b -1',
    ]);
    expect(firstNeuron(state.lesson.network)).toEqual({
      weights: [1, 1],
      bias: 0,
    });
  });

  it('24 single updates reach what 6 epochs reach: (2, 1) and bias -2', () => {
    const state = run(start(zeroAnd()), ...Array<Action>(24).fill(UPDATE));
    const { weights, bias } = perceptronCases.cases.and;
    expect(firstNeuron(state.lesson.network)).toEqual({ weights, bias });
  });

  it('at rate 0.5 makes every change half as large', () => {
    const state = keys(start(zeroAnd()), 'R', '-', 'escape', '.', '.', '.');
    const after = run(state, UPDATE);
    const details = trainingOf(after).lastUpdate!;

    expect(trainingOf(after).learningRate).toBe(0.5);
    expect(details.changes).toEqual([[{ weights: [0.5, 0.5], bias: 0.5 }]]);
  });

  it('names each neuron and input for backprop, in full', () => {
    const state = run(start('xor-sigmoid'), UPDATE);
    const lines = updateLines(
      trainingOf(state).lastUpdate!,
      state.lesson.network,
      en,
    );

    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('row (0, 0): output 0.615, target 0, error -0.615');
    expect(lines[1]).toMatch(/^change h1: x1 0 {2}x2 0 {2}b -0\.0\d+$/);
    expect(lines[3]).toMatch(
      /^change y: h1 -0\.\d+ {2}h2 -0\.\d+ {2}b -0\.\d+$/,
    );
  });
});

describe('undo', () => {
  it('takes back each t and each ., one at a time', () => {
    const once = run(start('xor-sigmoid'), EPOCH);
    const twice = run(once, UPDATE);
    const undone = run(twice, { type: 'undo' });

    expect(undone.lesson.network).toEqual(once.lesson.network);
    expect(undone.training).toEqual(once.training);
    expect(run(undone, { type: 'undo' }).training).toBeNull();
    expect(run(undone, { type: 'undo' }).lesson.network).toEqual(
      lesson('xor-sigmoid').network,
    );
  });

  it('takes back a . that changed no weight, since it moved the row', () => {
    const once = run(start(zeroAnd()), UPDATE);
    const twice = run(once, UPDATE);

    expect(twice.past).toHaveLength(2);
    expect(run(twice, { type: 'undo' }).training?.state.rowCursor).toBe(1);
  });

  it('redoes a training step', () => {
    const once = run(start('xor-sigmoid'), EPOCH);
    const redone = run(once, { type: 'undo' }, { type: 'redo' });

    expect(redone.training).toEqual(once.training);
    expect(redone.lesson.network).toEqual(once.lesson.network);
  });
});

describe('r: reset', () => {
  it("goes back to the preset's weights and ends training; u brings both back", () => {
    const trained = run(start('xor-sigmoid'), EPOCH, EPOCH);
    const reset = run(trained, RESET);

    expect(reset.lesson.network).toEqual(lesson('xor-sigmoid').network);
    expect(reset.training).toBeNull();
    expect(reset.status?.text).toBe(
      "Back to the preset's weights (u undoes it).",
    );
    const undone = run(reset, { type: 'undo' });
    expect(undone.training).toEqual(trained.training);
    expect(undone.lesson.network).toEqual(trained.lesson.network);
  });

  it('resets a user file to the file as loaded, keeping targets set since', () => {
    const own = { ...zeroAnd(), name: 'mine' };
    const edited = run(
      start(own),
      { type: 'edit-targets' },
      { type: 'set-target', value: 1 },
      { type: 'cancel' },
      EPOCH,
    );
    const reset = run(edited, RESET);

    expect(reset.lesson.network).toEqual(own.network);
    expect(reset.lesson.targets).toEqual([[1], [0], [0], [1]]);
  });

  it('says so, and remembers nothing, when there is nothing to reset', () => {
    const state = run(start('and'), RESET);
    expect(state.past).toHaveLength(0);
    expect(state.status?.text).toBe("The weights are the preset's already.");
  });

  it('another lesson ends training too', () => {
    const state = run(start('xor-sigmoid'), EPOCH, {
      type: 'change-lesson',
      delta: 1,
    });
    expect(state.training).toBeNull();
  });
});

describe('a network that cannot be trained', () => {
  it("shows the core's reason in the status line: backprop on step layers", () => {
    const state = run(start('xor'), EPOCH);

    expect(state.training).toBeNull();
    expect(state.past).toHaveLength(0);
    expect(state.status).toEqual({
      text:
        'Backprop cannot train step neurons, and layer 1 uses step: the ' +
        'step function is flat everywhere except at 0, so its derivative ' +
        'gives no gradient to follow. Change every step layer to sigmoid, ' +
        'tanh, relu or linear first.',
      tone: 'error',
    });
  });

  it('says that targets are needed when there are none', () => {
    for (const action of [EPOCH, UPDATE, LIVE, { type: 'select-rate' }]) {
      const state = run(start('blank'), action as Action);
      expect(state.status).toEqual({
        text: 'This network has no targets to learn from: set them with m first.',
        tone: 'error',
      });
      expect(state.mode).toBe('normal');
    }
  });
});

describe('the learning rate', () => {
  it('steps through 1, 2 and 5 in each decade, from the nearest one', () => {
    expect(nextRate(0.5, 1)).toBe(1);
    expect(nextRate(0.5, -1)).toBe(0.2);
    expect(nextRate(0.3, 1)).toBe(0.5);
    expect(nextRate(0.3, -1)).toBe(0.2);
    expect(nextRate(100, 1)).toBe(100);
    expect(nextRate(0.001, -1)).toBe(0.001);
    expect(LEARNING_RATES).toContain(1);
  });

  it('R selects it in the panel, + and - change it, Esc goes back', () => {
    const selected = keys(start('xor-sigmoid'), 'R');
    expect(selected.mode).toBe('rate');
    expect(trainingOf(selected).state.epoch).toBe(0);
    expect(selected.past).toHaveLength(0);

    const raised = keys(selected, '+');
    expect(trainingOf(raised).learningRate).toBe(1);
    expect(raised.status?.text).toBe('Learning rate 1.');
    const lowered = keys(raised, '-', '-', '-');
    expect(trainingOf(lowered).learningRate).toBe(0.1);
    expect(keys(lowered, 'escape').mode).toBe('normal');
  });

  it('says where it ends', () => {
    const state = keys(start('xor-sigmoid'), 'R', ...Array(12).fill('+'));
    expect(trainingOf(state).learningRate).toBe(100);
    expect(state.status?.text).toBe(
      'The learning rate goes from 0.001 to 100; it is 100.',
    );
  });

  it('is what the next epoch trains with', () => {
    const state = keys(start('xor-sigmoid'), 'R', '+', 't');
    const xor = lesson('xor-sigmoid');
    const settings = settingsOf(xor, 1);
    const expected = trainEpoch(
      createTrainingState(xor.network, xor.targets!, settings),
      settings,
      xor.targets!,
    );
    expect(state.lesson.network).toEqual(expected.network);
    expect(state.mode).toBe('rate');
  });
});

describe('live training', () => {
  const now = () => 0;

  /** Runs slices, as the live-training hook does, until the run stops. */
  function runLive(state: SessionState, limit = 10_000): SessionState {
    let current = state;
    for (let slice = 0; slice < limit && current.training?.isRunning; slice++) {
      const training = trainingOf(current);
      current = run(current, liveSlice(training, current.lesson, en, now));
    }
    return current;
  }

  it('space starts a run that undo remembers once, and space again pauses it', () => {
    const started = run(start('xor-sigmoid'), LIVE);
    expect(trainingOf(started).isRunning).toBe(true);
    expect(started.past).toHaveLength(1);
    expect(started.status?.text).toBe(
      'Training live: space pauses, and u undoes the whole run.',
    );

    let state = started;
    for (let slice = 0; slice < 20; slice++) {
      state = run(state, liveSlice(trainingOf(state), state.lesson, en, now));
    }
    expect(trainingOf(state).state.epoch).toBe(20);
    expect(state.past).toHaveLength(1);

    const paused = run(state, LIVE);
    expect(trainingOf(paused).isRunning).toBe(false);
    expect(paused.status?.text).toBe('Paused at epoch 20.');
    expect(run(paused, { type: 'undo' }).lesson.network).toEqual(
      lesson('xor-sigmoid').network,
    );
  });

  it('stops on convergence with the message: xor-sigmoid in epoch 635', () => {
    const state = runLive(run(start('xor-sigmoid'), LIVE));
    const training = trainingOf(state);

    expect(training.isRunning).toBe(false);
    expect(training.state.epoch).toBe(635);
    expect(state.status?.text).toBe(
      'Converged in epoch 635: every row is right and the loss is below 0.01.',
    );
    expect(state.past).toHaveLength(1);

    // Space again would stop after one epoch, saying it converged there.
    const again = run(state, LIVE);
    expect(trainingOf(again).isRunning).toBe(false);
    expect(trainingOf(again).state.epoch).toBe(635);
    expect(again.status?.text).toBe(
      'Converged at epoch 635 already: t trains one more epoch, r starts again.',
    );
    // After an edit it runs.
    const nudged = run(state, { type: 'nudge', direction: 1 }, LIVE);
    expect(trainingOf(nudged).isRunning).toBe(true);
  });

  it("stops when the lesson's epochs are done, saying no line splits XOR", () => {
    const state = runLive(run(start('xor-single'), LIVE));
    const training = trainingOf(state);

    expect(training.state.epoch).toBe(1000);
    expect(training.isRunning).toBe(false);
    expect(state.status?.text).toMatch(
      /^No clean epoch in 1000 epochs: no straight line splits the 1s from the 0s \(not linearly separable\)/,
    );
    // Space again trains as many epochs more.
    expect(trainingOf(run(state, LIVE)).stopAt).toBe(2000);
  });

  it('stops with the message when a weight would overflow', () => {
    const big: Lesson = {
      ...lesson('xor-sigmoid'),
      network: {
        ...lesson('xor-sigmoid').network,
        layers: lesson('xor-sigmoid').network.layers.map((layer) => ({
          ...layer,
          activation: 'linear',
          neurons: layer.neurons.map((neuron) => ({
            ...neuron,
            weights: neuron.weights.map(() => 1e150),
          })),
        })),
      },
      training: { rule: 'backprop', learningRate: 100, seed: 1 },
    };
    const state = runLive(run(start(big), LIVE));

    expect(trainingOf(state).isRunning).toBe(false);
    expect(trainingOf(state).state.hasOverflowed).toBe(true);
    expect(state.status?.tone).toBe('error');
    expect(state.status?.text).toMatch(/the weights overflowed/);
  });

  it('drops a slice worked out before a key changed the network', () => {
    const started = run(start('xor-sigmoid'), LIVE);
    const slice = liveSlice(trainingOf(started), started.lesson, en, now);
    const nudged = run(started, { type: 'nudge', direction: 1 });
    const after = run(nudged, slice);

    expect(after).toBe(nudged);
  });

  it('keeps answering keys: j moves the selection while the run goes on', () => {
    const started = run(start('xor-sigmoid'), LIVE);
    const moved = keys(started, 'j');
    const next = run(
      moved,
      liveSlice(trainingOf(moved), moved.lesson, en, now),
    );

    expect(next.selection).toMatchObject({ layer: 0, neuron: 1 });
    expect(trainingOf(next).state.epoch).toBe(1);
  });

  it('stops with the reason when the network can no longer be trained', () => {
    const started = run(start('xor-sigmoid'), LIVE);
    const noTargets = { ...started.lesson, targets: null };
    const slice = liveSlice(trainingOf(started), noTargets, en, now);
    const after = run(started, slice);

    expect(slice.type).toBe('live-failed');
    expect(trainingOf(after).isRunning).toBe(false);
    expect(after.status?.tone).toBe('error');
  });

  it('t and . pause a run and step once', () => {
    const started = run(start('xor-sigmoid'), LIVE);
    expect(trainingOf(run(started, EPOCH)).isRunning).toBe(false);
    expect(trainingOf(run(started, UPDATE)).isRunning).toBe(false);
  });

  it('q during a run pauses it while asking about unsaved changes', () => {
    let state = run(start('xor-sigmoid'), LIVE);
    state = run(state, liveSlice(trainingOf(state), state.lesson, en, now));
    const before = trainingOf(state);
    const slice = liveSlice(before, state.lesson, en, now);
    const asked = run(state, { type: 'quit' });

    expect(asked.mode).toBe('confirm-quit');
    expect(trainingOf(asked).isRunning).toBe(false);
    // A slice worked out before the question changes nothing after it.
    const late = run(asked, slice);
    expect(late.lesson.network).toBe(asked.lesson.network);
    expect(late.status?.text).toBe(en.confirmQuit(['xor-sigmoid']));

    // Staying says where the paused run stands.
    const stayed = run(asked, { type: 'cancel' });
    expect(stayed.mode).toBe('normal');
    expect(stayed.status?.text).toBe(
      en.trainingPaused(trainingOf(asked).state.epoch),
    );
  });

  it('undo during a run stops it and goes back to before it', () => {
    let state = run(start('xor-sigmoid'), EPOCH, LIVE);
    state = run(state, liveSlice(trainingOf(state), state.lesson, en, now));
    const undone = run(state, { type: 'undo' });

    expect(trainingOf(undone).isRunning).toBe(false);
    expect(trainingOf(undone).state.epoch).toBe(1);
  });
});

describe('slices of a live run', () => {
  const xor = lesson('xor-sigmoid');
  const settings = { ...settingsOf(xor, 0.5), epochs: 100_000 };
  const at100 = trainEpoch(
    createTrainingState(xor.network, xor.targets!, settings),
    settings,
    xor.targets!,
  );
  const from100 = (() => {
    let state = at100;
    while (state.epoch < 100) state = trainEpoch(state, settings, xor.targets!);
    return state;
  })();

  it('go one epoch a frame for 20 epochs, then 5% more each frame', () => {
    expect([0, 1, 20, 21, 100, 1000].map(paceAt)).toEqual([1, 1, 1, 2, 5, 50]);
  });

  it('train as many epochs as the pace allows on a fast machine', () => {
    const state = runSlice(from100, settings, xor.targets!, 100_000, () => 0);
    expect(state.epoch).toBe(105);
  });

  it(`stop after ${SLICE_BUDGET_MS} ms of work`, () => {
    let time = 0;
    const clock = () => (time += 5);
    const state = runSlice(from100, settings, xor.targets!, 100_000, clock);
    expect(state.epoch).toBe(102);
  });

  it('stop where the run stops', () => {
    const state = runSlice(from100, settings, xor.targets!, 101, () => 0);
    expect(state.epoch).toBe(101);
    expect(stopAtAfter(0, 5000)).toBe(5000);
    expect(stopAtAfter(4999, 5000)).toBe(5000);
    expect(stopAtAfter(5000, 5000)).toBe(10_000);
  });
});

describe('the training panel', () => {
  it('shows every row of a full-batch update, with its error', () => {
    const xor = lesson('xor-sigmoid');
    const full: Lesson = {
      ...xor,
      training: { ...xor.training!, batch: 'full' },
    };
    const state = run(start(full), UPDATE);
    const lines = updateLines(
      trainingOf(state).lastUpdate!,
      state.lesson.network,
      en,
    );

    expect(lines[0]).toBe(
      'all 4 rows at once: errors -0.615 +0.377 +0.369 -0.638',
    );
    expect(lines).toHaveLength(4);
  });

  it('cuts its lines to its height and width, marking the cut', () => {
    const state = run(start('xor-sigmoid'), UPDATE);
    const lines = trainingLines(
      trainingOf(state),
      state.lesson.network,
      false,
      en,
      40,
      4,
    ).map((segments) => segments.map((segment) => segment.text).join(''));

    expect(lines).toHaveLength(4);
    expect(lines.every((line) => stringWidth(line) === 40)).toBe(true);
    expect(lines[0]).toBe('Training  backprop  rate 0.5'.padEnd(40));
    expect(lines[3]?.trimEnd().endsWith('…')).toBe(true);
  });

  /** The panel's lines as text, for `state`, 80 columns by 8. */
  function panelText(state: SessionState): string[] {
    const training = trainingOf(state);
    const change = changeSince(training, state.lesson);
    return trainingLines(
      training,
      state.lesson.network,
      false,
      en,
      80,
      8,
      change,
    )
      .map((segments) => segments.map((segment) => segment.text).join(''))
      .map((line) => line.trimEnd());
  }

  it('says what the next step does once the network was edited, instead of old progress', () => {
    // AND from 0.5, 0.5, -0.5: the book's rule gets every row right.
    const and = lesson('and');
    const network = setValue(
      and.network,
      { layer: 0, neuron: 0 },
      'bias',
      -0.5,
    );
    const trained = run(start({ ...and, network }), EPOCH);
    expect(changeSince(trainingOf(trained), trained.lesson)).toBe('none');
    expect(panelText(trained)[1]).toBe('epoch 1  loss 0  4/4 right');
    expect(panelText(trained)).toContain(
      'Converged: epoch 1 made no mistake, after 0 updates.',
    );

    const nudged = run(trained, { type: 'nudge', direction: 1 });
    expect(changeSince(trainingOf(nudged), nudged.lesson)).toBe('weights');
    expect(panelText(nudged).slice(2)).toEqual([
      'Edited after epoch 1: the next t, . or space trains the network as it is now.',
    ]);

    // Two rows sit on the boundary: under >= they fire, and are wrong.
    const ruled = run(trained, { type: 'toggle-step-rule' });
    expect(changeSince(trainingOf(ruled), ruled.lesson)).toBe('problem');
    expect(panelText(ruled).slice(2)).toEqual([
      'Changed after epoch 1: the next t, . or space starts again at epoch 0.',
    ]);
    expect(panelText(ruled).join('\n')).not.toContain('4/4 right');

    const retargeted = run(
      trained,
      { type: 'edit-targets' },
      { type: 'set-target', value: 1 },
      { type: 'cancel' },
    );
    expect(changeSince(trainingOf(retargeted), retargeted.lesson)).toBe(
      'problem',
    );

    // Undo brings back the network the session trained.
    const undone = run(nudged, { type: 'undo' });
    expect(changeSince(trainingOf(undone), undone.lesson)).toBe('none');
    expect(panelText(undone)[1]).toBe('epoch 1  loss 0  4/4 right');
  });

  it('takes the notes’ room, then lines of the network panel and the table', () => {
    expect(trainingHeights(18, { network: 3, table: 6, notes: 7 })).toEqual({
      network: 3,
      table: 6,
      notes: 7,
    });
    expect(trainingHeights(18, { network: 10, table: 6, notes: 0 })).toEqual({
      network: 7,
      table: 6,
      notes: 3,
    });
    expect(trainingHeights(18, { network: 5, table: 12, notes: 0 })).toEqual({
      network: 4,
      table: 9,
      notes: 3,
    });
  });
});
