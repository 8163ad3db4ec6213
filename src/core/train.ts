import type { TrainingSettings } from './lesson.js';
import type { Network } from './network.js';
import { createRandom } from './random.js';
import type { Targets } from './truth-table.js';
import { initialise } from './train/initialise.js';
import { outcomeAfter } from './train/messages.js';
import { epochRowOrder, makePlan, resolveSettings } from './train/plan.js';
import {
  addLossToHistory,
  finish,
  measure,
  resume,
  runEpoch,
  updateOnce,
} from './train/run.js';
import type {
  TrainingState,
  TrainingUpdate,
  UpdateDetails,
} from './train/state.js';

export { checkLoss, outputLoss, outputDelta, softplus } from './loss.js';
export type { LossName } from './loss.js';
export { gradient, rowGradient, rowLoss } from './train/gradient.js';
export type { WeightsAndBias } from './train/gradient.js';
export { initialise } from './train/initialise.js';
export type { Initialisation } from './train/initialise.js';
export type { TrainingOutcome } from './train/messages.js';
export { TrainingRefusedError } from './train/refusal.js';
export type { TrainingRefusal } from './train/refusal.js';
export {
  DEFAULT_EPOCHS,
  effectiveSettings,
  resolveSettings,
  rowOrder,
} from './train/plan.js';
export { isLinearlySeparable } from './train/separable.js';
export { LOSS_THRESHOLD, MAX_LOSS_HISTORY } from './train/state.js';
export type {
  RowResult,
  TrainingState,
  TrainingUpdate,
  UpdateDetails,
} from './train/state.js';

// The perceptron rule and backprop, one update, one epoch or a whole run at
// a time. A TrainingState is plain data: each step function works on a copy
// and returns a new state, and never changes its argument.

/**
 * The state before training: the network with its starting weights
 * (`settings.init`, seeded by `settings.seed`), scored on the targets.
 * Throws when the settings cannot train this network.
 */
export function createTrainingState(
  network: Network,
  targets: Targets,
  settings: TrainingSettings,
): TrainingState {
  makePlan(network, targets, settings);
  const init = resolveSettings(settings).init;
  const start = initialise(network, init, createRandom(settings.seed));
  const run = resume(unscored(start), targets, settings);
  measure(run);
  addLossToHistory(run);
  return finish(run, start);
}

/**
 * Makes one single update: one row online and for the perceptron rule,
 * every row in full batch. Returns the new state and what the update did.
 */
export function trainUpdate(
  state: TrainingState,
  settings: TrainingSettings,
  targets: Targets,
): TrainingUpdate {
  const run = resume(state, targets, settings);
  const details: UpdateDetails = { rows: [], changes: [] };
  const order = epochRowOrder(run.plan, run.epoch + 1);
  updateOnce(run, order, details);
  const isEpochEnd = run.rowCursor === 0 && !run.hasOverflowed;
  if (!isEpochEnd) measure(run);
  const outcome = outcomeAfter(run, isEpochEnd, settings.epochs);
  return { state: finish(run, state.network, outcome), details };
}

/** Runs the rest of the epoch under way: a whole epoch from its start. */
export function trainEpoch(
  state: TrainingState,
  settings: TrainingSettings,
  targets: Targets,
): TrainingState {
  const run = resume(state, targets, settings);
  runEpoch(run);
  if (run.hasOverflowed) measure(run);
  const outcome = outcomeAfter(run, !run.hasOverflowed, settings.epochs);
  return finish(run, state.network, outcome);
}

/**
 * Runs up to `count` epochs from the epoch under way, as many calls of
 * `trainEpoch` would, but resumes and finishes the state once: a live run
 * takes many epochs between two frames. Stops early after an epoch that
 * converges, or when a weight would overflow.
 */
export function trainEpochs(
  state: TrainingState,
  settings: TrainingSettings,
  targets: Targets,
  count: number,
): TrainingState {
  checkEpochCount(count);
  const run = resume(state, targets, settings);
  for (let done = 0; done < count; done++) {
    runEpoch(run);
    if (run.isConverged || run.hasOverflowed) break;
  }
  if (run.hasOverflowed) measure(run);
  const isEpochEnd = count > 0 && !run.hasOverflowed;
  const outcome = outcomeAfter(run, isEpochEnd, settings.epochs);
  return finish(run, state.network, outcome);
}

/**
 * Trains from `createTrainingState` for up to `epochs` epochs (by default
 * `settings.epochs`, else `DEFAULT_EPOCHS`), and stops early when it
 * converges or a weight would overflow.
 */
export function train(
  network: Network,
  targets: Targets,
  settings: TrainingSettings,
  epochs = resolveSettings(settings).epochs,
): TrainingState {
  checkEpochCount(epochs);
  const start = createTrainingState(network, targets, settings);
  const run = resume(start, targets, settings);
  while (run.epoch < epochs && !run.isConverged && !run.hasOverflowed) {
    runEpoch(run);
  }
  if (run.hasOverflowed) measure(run);
  const outcome = outcomeAfter(run, epochs > 0, epochs);
  return finish(run, start.network, outcome);
}

/**
 * The training settings of a lesson: its own, or where it has none, the
 * perceptron rule at rate 1 for one layer of step neurons and backprop at
 * rate 0.5 for anything else, seed 1.
 */
export function settingsFor(
  network: Network,
  training?: TrainingSettings,
): TrainingSettings {
  if (training) return training;
  const isPerceptron =
    network.layers.length === 1 && network.layers[0]?.activation === 'step';
  return isPerceptron
    ? { rule: 'perceptron', learningRate: 1, seed: 1 }
    : { rule: 'backprop', learningRate: 0.5, seed: 1 };
}

/** A state at epoch 0 before it is scored: where `createTrainingState` starts. */
function unscored(network: Network): TrainingState {
  return {
    network,
    epoch: 0,
    updates: 0,
    loss: 0,
    accuracy: 0,
    lossHistory: [],
    lossHistoryStride: 1,
    isConverged: false,
    hasOverflowed: false,
    rowCursor: 0,
    mistakesThisEpoch: 0,
  };
}

function checkEpochCount(epochs: number): void {
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new Error(
      `The number of epochs must be a whole number of 0 or more, but it ` +
        `is ${epochs}.`,
    );
  }
}
