import type { TrainingSettings } from '../lesson.js';
import type { Network } from '../network.js';
import type { Targets } from '../truth-table.js';
import { gradientsOf } from './gradient.js';
import type { TrainingOutcome } from './messages.js';
import { epochRowOrder, makePlan, type Plan } from './plan.js';
import {
  LOSS_THRESHOLD,
  MAX_LOSS_HISTORY,
  type RowResult,
  type TrainingState,
  type UpdateDetails,
} from './state.js';
import {
  addGradients,
  addPerceptronGradients,
  backwardRow,
  descend,
  descendRow,
  forwardRow,
  lastOutputs,
  score,
  toNetwork,
  toWorking,
  type WorkingNetwork,
} from './working.js';

// A run is a training state taken apart for speed: its counters are
// changed in place and its network is a working copy. `resume` makes one
// from a state and `finish` turns it back into a new state.

/** A run under way: the counters of a state, changed in place. */
export type Run = Omit<TrainingState, 'network' | 'outcome'> & {
  working: WorkingNetwork;
  plan: Plan;
  /**
   * The row whose sums and outputs the working network holds for its
   * weights as they are, or -1. Scoring leaves the next update's first row
   * there, so that the update need not run it forward again.
   */
  rowInPlace: number;
  /**
   * True while `lossHistory` is the state's own array, which must not
   * change: the first loss the run adds copies it.
   */
  isLossHistoryShared: boolean;
};

// `resume` and `finish` list every field rather than spread the other
// object: built by one literal, every run (and every state) has the same
// shape, and the engine reads their fields directly. Spread copies took
// new shapes at times, and then every read of a run's field was a lookup.

/** A run that carries on from a state. Throws on unfit settings. */
export function resume(
  state: TrainingState,
  targets: Targets,
  settings: TrainingSettings,
): Run {
  return {
    working: toWorking(state.network),
    plan: makePlan(state.network, targets, settings),
    epoch: state.epoch,
    updates: state.updates,
    loss: state.loss,
    accuracy: state.accuracy,
    lossHistory: state.lossHistory,
    lossHistoryStride: state.lossHistoryStride,
    isConverged: state.isConverged,
    hasOverflowed: false,
    rowCursor: state.rowCursor,
    mistakesThisEpoch: state.mistakesThisEpoch,
    rowInPlace: -1,
    isLossHistoryShared: true,
  };
}

/** The state a run has reached. */
export function finish(
  run: Run,
  original: Network,
  outcome?: TrainingOutcome,
): TrainingState {
  const state: TrainingState = {
    epoch: run.epoch,
    updates: run.updates,
    loss: run.loss,
    accuracy: run.accuracy,
    lossHistory: run.lossHistory,
    lossHistoryStride: run.lossHistoryStride,
    isConverged: run.isConverged,
    hasOverflowed: run.hasOverflowed,
    rowCursor: run.rowCursor,
    mistakesThisEpoch: run.mistakesThisEpoch,
    network: toNetwork(run.working, original),
  };
  if (outcome !== undefined) state.outcome = outcome;
  return state;
}

/** Updates until the epoch under way ends, or a weight would overflow. */
export function runEpoch(run: Run): void {
  const order = epochRowOrder(run.plan, run.epoch + 1);
  do {
    updateOnce(run, order);
  } while (run.rowCursor !== 0 && !run.hasOverflowed);
}

/**
 * One update from the row at the cursor (online) or from every row (full
 * batch); ends the epoch when it has seen the last row. Fills `details` in
 * when it is given.
 */
export function updateOnce(
  run: Run,
  order: readonly number[],
  details?: UpdateDetails,
): void {
  const { plan, working } = run;
  const start = plan.isFullBatch ? 0 : run.rowCursor;
  const end = plan.isFullBatch ? order.length : start + 1;
  const isFromDeltas = isDescentFromDeltas(plan, details);
  let wrongRows = 0;
  for (let place = start; place < end; place++) {
    wrongRows += learnRow(run, order[place]!, isFromDeltas, details);
  }
  if (details) details.changes = gradientsOf(working, -plan.learningRate);
  if (!applyUpdate(run, wrongRows, isFromDeltas)) return;
  run.rowCursor = end === order.length ? 0 : end;
  if (run.rowCursor === 0) endEpoch(run);
}

/**
 * Whether an update descends straight from the deltas of its one row:
 * online backprop, where that row's gradient is each delta times each
 * input, so adding it to the gradients first would only copy it. When a
 * teacher asks for the details, the gradients are added up to show them.
 */
function isDescentFromDeltas(plan: Plan, details?: UpdateDetails): boolean {
  return plan.rule === 'backprop' && !plan.isFullBatch && !details;
}

/**
 * Runs a row forward and backward, and adds its gradient unless the update
 * descends from its deltas. Returns 1 when the perceptron rule found a
 * wrong output in it, else 0.
 */
function learnRow(
  run: Run,
  row: number,
  isFromDeltas: boolean,
  details?: UpdateDetails,
): number {
  const { plan, working } = run;
  const inputs = plan.rows[row]!;
  const target = plan.targets[row]!;
  if (run.rowInPlace !== row) {
    forwardRow(working, inputs);
    run.rowInPlace = row;
  }
  if (details) details.rows.push(rowResult(working, row, inputs, target));
  if (plan.rule === 'perceptron') {
    return addPerceptronGradients(working, target) > 0 ? 1 : 0;
  }
  backwardRow(working, target, plan.loss);
  if (!isFromDeltas) addGradients(working);
  return 0;
}

function rowResult(
  working: WorkingNetwork,
  row: number,
  inputs: number[],
  target: number[],
): RowResult {
  const outputs = [...lastOutputs(working)];
  const error = outputs.map((output, i) => target[i]! - output);
  return { row, inputs: [...inputs], outputs, target: [...target], error };
}

/**
 * Descends the gradients (or the deltas) unless a weight would overflow.
 * Returns false, with the network left as it was, when one would.
 */
function applyUpdate(
  run: Run,
  wrongRows: number,
  isFromDeltas: boolean,
): boolean {
  const { plan, working } = run;
  if (plan.rule === 'perceptron' && wrongRows === 0) return true;
  const hasMoved = isFromDeltas
    ? descendRow(working, plan.learningRate)
    : descend(working, plan.learningRate);
  if (!hasMoved) {
    run.hasOverflowed = true;
    return false;
  }
  run.rowInPlace = -1;
  run.updates += plan.rule === 'perceptron' ? wrongRows : 1;
  run.mistakesThisEpoch += wrongRows;
  return true;
}

/** Counts the epoch, scores it, records its loss and checks convergence. */
function endEpoch(run: Run): void {
  run.epoch++;
  const rowsRight = measure(run);
  recordLoss(run);
  run.isConverged =
    run.plan.rule === 'perceptron'
      ? run.mistakesThisEpoch === 0
      : rowsRight === run.plan.rows.length && run.loss < LOSS_THRESHOLD;
  run.mistakesThisEpoch = 0;
}

/** Sets the run's loss and accuracy; returns the rows right. */
export function measure(run: Run): number {
  const { plan, working } = run;
  const nextRow = epochRowOrder(plan, run.epoch + 1)[run.rowCursor]!;
  const { totalLoss, rowsRight } = score(
    working,
    plan.rows,
    plan.targets,
    plan.loss,
    nextRow,
  );
  run.rowInPlace = nextRow;
  run.loss = totalLoss / plan.rows.length;
  run.accuracy = rowsRight / plan.rows.length;
  return rowsRight;
}

function recordLoss(run: Run): void {
  if (run.epoch % run.lossHistoryStride !== 0) return;
  addLossToHistory(run);
  if (run.lossHistory.length > MAX_LOSS_HISTORY) {
    run.lossHistory = run.lossHistory.filter((_, i) => i % 2 === 0);
    run.lossHistoryStride *= 2;
  }
}

/** Adds the run's loss to the end of its loss history. */
export function addLossToHistory(run: Run): void {
  if (!run.isLossHistoryShared) {
    run.lossHistory.push(run.loss);
    return;
  }
  // One copy with the new point in it: a copy that push then outgrew
  // would be copied twice, for each epoch when they are run one by one.
  run.lossHistory = run.lossHistory.concat([run.loss]);
  run.isLossHistoryShared = false;
}
