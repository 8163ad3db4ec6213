import { counted } from './plan.js';
import { isLinearlySeparable } from './separable.js';
import { LOSS_THRESHOLD } from './state.js';
import type { Run } from './run.js';

/**
 * The sentence for the state after a step: an overflow, convergence, or
 * running out of epochs at `limit`. Convergence and the limit are only
 * judged when an epoch has just ended.
 */
export function messageAfter(
  run: Run,
  isEpochEnd: boolean,
  limit: number | undefined,
): string | undefined {
  if (run.hasOverflowed) return overflowMessage(run);
  if (!isEpochEnd) return undefined;
  if (run.isConverged) return convergedMessage(run);
  if (limit !== undefined && limit > 0 && run.epoch >= limit) {
    return run.plan.rule === 'perceptron'
      ? noCleanEpochMessage(run)
      : notConvergedMessage(run);
  }
  return undefined;
}

function overflowMessage(run: Run): string {
  return (
    `Training stopped in epoch ${run.epoch + 1}: the weights overflowed, ` +
    `because the next update would have made a weight or bias too large ` +
    `for a number (learning rate ${run.plan.learningRate}). The network is ` +
    `the last one whose weights were all finite; reset it and try a ` +
    `smaller learning rate.`
  );
}

function convergedMessage(run: Run): string {
  if (run.plan.rule === 'perceptron') {
    return (
      `Converged: epoch ${run.epoch} made no mistake, after ` +
      `${counted(run.updates, 'update')}.`
    );
  }
  return (
    `Converged in epoch ${run.epoch}: every row is right and the loss ` +
    `is below ${LOSS_THRESHOLD}.`
  );
}

function notConvergedMessage(run: Run): string {
  const rows = run.plan.rows.length;
  const right = Math.round(run.accuracy * rows);
  return (
    `Not converged after ${counted(run.epoch, 'epoch')}: ${right} of ` +
    `${rows} rows are right and the loss is ${run.loss.toPrecision(3)}. ` +
    `Train for more epochs, or try another learning rate.`
  );
}

/** Why the perceptron rule found no clean epoch, when that can be said. */
function noCleanEpochMessage(run: Run): string {
  const { rows, targets } = run.plan;
  const head = `No clean epoch in ${counted(run.epoch, 'epoch')}`;
  const outputs = targets[0]?.length ?? 0;
  const separable = Array.from({ length: outputs }, (_, output) =>
    isLinearlySeparable(
      rows,
      targets.map((row) => row[output]!),
    ),
  );
  const inseparable = separable.indexOf(false);
  if (inseparable >= 0) {
    const which = outputs > 1 ? ` of output ${inseparable + 1}` : '';
    const cut = rows[0]!.length > 2 ? 'flat plane' : 'straight line';
    // Short enough for the three lines a status message has at 80 columns.
    return (
      `${head}: no ${cut} splits the 1s from the 0s${which} (not linearly ` +
      `separable), so one layer of step neurons never gets every row ` +
      `right. Add a hidden layer, as the XOR lesson does, or use sigmoid ` +
      `and backprop.`
    );
  }
  if (separable.every((answer) => answer === true)) {
    return (
      `${head} yet. The targets are linearly separable, so the perceptron ` +
      `rule will reach one: train for more epochs.`
    );
  }
  return `${head}. Train for more epochs.`;
}
