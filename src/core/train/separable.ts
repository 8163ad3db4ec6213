import { step } from '../activation.js';
import { weightedSum } from '../network.js';

/**
 * Whether one straight line (a flat plane, with more inputs) splits the rows
 * whose target is 1 from the rows whose target is 0; null when `maxEpochs`
 * were not enough to tell.
 *
 * It runs the perceptron rule from zero at rate 1 on 0/1 inputs, so the
 * weights stay whole numbers. On targets a line can split, the rule reaches
 * an epoch with no mistake. On targets no line can split, the weights stay
 * bounded (the perceptron cycling theorem), so the weights at the start of
 * an epoch must come back to a value they had before, and then the rule
 * goes round the same cycle for ever.
 */
export function isLinearlySeparable(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  maxEpochs = 10_000,
): boolean | null {
  const neuron = { weights: (rows[0] ?? []).map(() => 0), bias: 0 };
  const seen = new Set<string>();
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    const key = [...neuron.weights, neuron.bias].join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    if (learnEpoch(neuron, rows, targets) === 0) return true;
  }
  return null;
}

/** One epoch of the perceptron rule at rate 1; returns the mistakes. */
function learnEpoch(
  neuron: { weights: number[]; bias: number },
  rows: readonly (readonly number[])[],
  targets: readonly number[],
): number {
  let mistakes = 0;
  rows.forEach((inputs, rowIndex) => {
    const error = (targets[rowIndex] ?? 0) - step(weightedSum(neuron, inputs));
    if (error === 0) return;
    mistakes++;
    neuron.weights = neuron.weights.map((w, i) => w + error * (inputs[i] ?? 0));
    neuron.bias += error;
  });
  return mistakes;
}
