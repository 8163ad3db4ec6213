import type { Activation, ActivationName } from './activation.js';
import { TrainingRefusedError } from './train/refusal.js';

/** The losses gradient descent can minimise. */
export const LOSS_NAMES = ['squared', 'cross-entropy'] as const;

/** One of `LOSS_NAMES`. */
export type LossName = (typeof LOSS_NAMES)[number];

/**
 * ln(1 + e^sum), computed so that it stays finite: for a large sum e^sum
 * overflows, but the answer is then close to the sum itself.
 */
export function softplus(sum: number): number {
  return Math.max(sum, 0) + Math.log1p(Math.exp(-Math.abs(sum)));
}

/**
 * The loss of one output neuron on one row.
 *
 * Squared error: (output - target)^2 / 2, so a row's loss is half the sum of
 * the squared errors of its outputs.
 *
 * Cross entropy, for a sigmoid output y = sigmoid(sum):
 * -(t ln y + (1 - t) ln(1 - y)). That equals softplus(sum) - t * sum, which
 * is how it is computed: from the weighted sum, so it stays finite even when
 * y rounds to exactly 0 or 1.
 */
export function outputLoss(
  loss: LossName,
  sum: number,
  output: number,
  target: number,
): number {
  if (loss === 'cross-entropy') return softplus(sum) - target * sum;
  const error = output - target;
  return (error * error) / 2;
}

/**
 * d loss / d sum of one output neuron on one row, where `output` is the
 * activation of `sum`. Squared error: (output - target) times the
 * activation's derivative. Cross entropy with a sigmoid output: output -
 * target, because the sigmoid's derivative y(1 - y) cancels against the
 * loss's 1 / (y(1 - y)).
 */
export function outputDelta(
  loss: LossName,
  activation: Activation,
  sum: number,
  output: number,
  target: number,
): number {
  if (loss === 'cross-entropy') return output - target;
  return (output - target) * activation.derivativeFromOutput(output);
}

/**
 * Throws when a loss does not suit the output layer: cross entropy reads its
 * outputs as probabilities, so it needs sigmoid outputs.
 */
export function checkLoss(
  loss: LossName,
  outputActivation: ActivationName,
): void {
  if (loss === 'cross-entropy' && outputActivation !== 'sigmoid') {
    throw new TrainingRefusedError({
      kind: 'loss-output',
      activation: outputActivation,
    });
  }
}
