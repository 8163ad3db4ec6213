import { isLinearlySeparable } from './separable.js';
import { LOSS_THRESHOLD } from './state.js';
import type { Run } from './run.js';

/**
 * What a step of training came to, when it is worth saying: the screen
 * and the command line put it in words, in the user's language.
 */
export type TrainingOutcome =
  /** An update would have made a weight or bias too large for a number. */
  | { kind: 'overflowed'; epoch: number; learningRate: number }
  /** Perceptron rule: an epoch without a mistake. */
  | { kind: 'converged-clean'; epoch: number; updates: number }
  /** Backprop: every row right and the loss below `lossThreshold`. */
  | { kind: 'converged'; epoch: number; lossThreshold: number }
  /** Backprop ran out of epochs. */
  | {
      kind: 'not-converged';
      epochs: number;
      rowsRight: number;
      rows: number;
      loss: number;
    }
  /**
   * Perceptron rule, out of epochs, on targets that no line (or, with more
   * than two inputs, no flat plane) splits: output `output` (from 1) of
   * several, or null for the only one.
   */
  | {
      kind: 'not-separable';
      epochs: number;
      output: number | null;
      isPlane: boolean;
    }
  /**
   * Perceptron rule, out of epochs, on targets a line does split;
   * `isRightNow` when every row is right after the last epoch (which still
   * made mistakes), so that the next epoch makes none.
   */
  | { kind: 'separable-not-yet'; epochs: number; isRightNow: boolean }
  /** Perceptron rule, out of epochs, where separability is not known. */
  | { kind: 'no-clean-epoch'; epochs: number };

/**
 * The outcome of the state after a step: an overflow, convergence, or
 * running out of epochs at `limit`. Convergence and the limit are only
 * judged when an epoch has just ended.
 */
export function outcomeAfter(
  run: Run,
  isEpochEnd: boolean,
  limit: number | undefined,
): TrainingOutcome | undefined {
  if (run.hasOverflowed) {
    const { learningRate } = run.plan;
    return { kind: 'overflowed', epoch: run.epoch + 1, learningRate };
  }
  if (!isEpochEnd) return undefined;
  if (run.isConverged) return convergedOutcome(run);
  if (limit !== undefined && limit > 0 && run.epoch >= limit) {
    return run.plan.rule === 'perceptron'
      ? noCleanEpochOutcome(run)
      : notConvergedOutcome(run);
  }
  return undefined;
}

function convergedOutcome(run: Run): TrainingOutcome {
  if (run.plan.rule === 'perceptron') {
    return { kind: 'converged-clean', epoch: run.epoch, updates: run.updates };
  }
  return { kind: 'converged', epoch: run.epoch, lossThreshold: LOSS_THRESHOLD };
}

function notConvergedOutcome(run: Run): TrainingOutcome {
  const rows = run.plan.rows.length;
  return {
    kind: 'not-converged',
    epochs: run.epoch,
    rowsRight: Math.round(run.accuracy * rows),
    rows,
    loss: run.loss,
  };
}

/** Why the perceptron rule found no clean epoch, when that can be said. */
function noCleanEpochOutcome(run: Run): TrainingOutcome {
  const { rows, targets } = run.plan;
  const outputs = targets[0]?.length ?? 0;
  const separable = Array.from({ length: outputs }, (_, output) =>
    isLinearlySeparable(
      rows,
      targets.map((row) => row[output]!),
    ),
  );
  const inseparable = separable.indexOf(false);
  if (inseparable >= 0) {
    return {
      kind: 'not-separable',
      epochs: run.epoch,
      output: outputs > 1 ? inseparable + 1 : null,
      isPlane: rows[0]!.length > 2,
    };
  }
  if (separable.every((answer) => answer === true)) {
    return {
      kind: 'separable-not-yet',
      epochs: run.epoch,
      isRightNow: run.accuracy === 1,
    };
  }
  return { kind: 'no-clean-epoch', epochs: run.epoch };
}
