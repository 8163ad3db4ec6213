import type { LossName } from '../loss.js';
import { outputCount, type Network } from '../network.js';
import { binaryRows, type Targets } from '../truth-table.js';
import { checkBackprop, checkTargets, counted } from './plan.js';
import {
  addGradients,
  backwardRow,
  forwardRow,
  rowLossOf,
  toWorking,
  type WorkingNetwork,
} from './working.js';

/**
 * A number for each weight of a neuron and one for its bias. Indexed
 * `[layer][neuron]` it holds a gradient, or the change an update made.
 */
export interface WeightsAndBias {
  weights: number[];
  bias: number;
}

function checkTargetSize(network: Network, target: readonly number[]): void {
  const outputs = outputCount(network);
  if (target.length !== outputs) {
    throw new Error(
      `The target has ${counted(target.length, 'value')}, but the network ` +
        `has ${counted(outputs, 'output')}: give one target value per output.`,
    );
  }
}

/** 0 for -0, so that changes never show as "-0". */
function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** The summed gradients of a working network, each times `scale`. */
export function gradientsOf(
  working: WorkingNetwork,
  scale = 1,
): WeightsAndBias[][] {
  return working.layers.map((layer) =>
    Array.from(layer.biasGradients, (biasGradient, neuron) => {
      const start = neuron * layer.inputCount;
      const weightGradients = layer.weightGradients.subarray(
        start,
        start + layer.inputCount,
      );
      return {
        weights: Array.from(weightGradients, (g) =>
          withoutNegativeZero(g * scale),
        ),
        bias: withoutNegativeZero(biasGradient * scale),
      };
    }),
  );
}

/**
 * d loss / d weight and d loss / d bias for every neuron, on one row, by
 * backpropagation. Throws when a layer uses step, or when cross entropy
 * meets an output layer that is not sigmoid.
 */
export function rowGradient(
  network: Network,
  inputs: readonly number[],
  target: readonly number[],
  loss: LossName = 'squared',
): WeightsAndBias[][] {
  checkBackprop(network, loss);
  checkTargetSize(network, target);
  const working = toWorking(network);
  forwardRow(working, inputs);
  backwardRow(working, target, loss);
  addGradients(working);
  return gradientsOf(working);
}

/**
 * The gradient of the loss summed over every truth-table row: what one
 * full-batch update descends.
 */
export function gradient(
  network: Network,
  targets: Targets,
  loss: LossName = 'squared',
): WeightsAndBias[][] {
  checkBackprop(network, loss);
  checkTargets(network, targets);
  const working = toWorking(network);
  binaryRows(network.inputs.length).forEach((inputs, rowIndex) => {
    forwardRow(working, inputs);
    backwardRow(working, targets[rowIndex]!, loss);
    addGradients(working);
  });
  return gradientsOf(working);
}

/** The loss of a network on one row: summed over its outputs. */
export function rowLoss(
  network: Network,
  inputs: readonly number[],
  target: readonly number[],
  loss: LossName = 'squared',
): number {
  if (loss === 'cross-entropy') checkBackprop(network, loss);
  checkTargetSize(network, target);
  const working = toWorking(network);
  forwardRow(working, inputs);
  return rowLossOf(working, target, loss);
}
