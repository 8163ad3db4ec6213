import type { ActivationName } from './activation.js';
import { collapsedSum, firstNonLinearBefore } from './collapse.js';
import type { GridOptions } from './grid.js';
import type { Network, NeuronAddress } from './network.js';

/**
 * Where a neuron's weighted sum is zero, in the plane of two inputs with
 * the others held fixed: `w1*x + w2*y + b = 0`. A neuron after linear
 * layers only has such a sum too, with the layers collapsed into one.
 */
export type BoundaryLine =
  /** y = intercept + slope * x (w2 is not 0, nor too small to divide by). */
  | { kind: 'y'; intercept: number; slope: number }
  /** x = value: a vertical line (w2 is 0, w1 is not). */
  | { kind: 'x'; value: number }
  /** Both weights are 0: the sum is the same everywhere. */
  | { kind: 'none' }
  /**
   * A layer before the neuron is not linear: its sum bends or jumps with
   * the inputs, so in general the boundary is not one straight line.
   */
  | { kind: 'not-straight'; layer: number; activation: ActivationName };

/** The boundary of a neuron over the grid's two axes. */
export function boundaryLine(
  network: Network,
  address: NeuronAddress,
  options: Pick<GridOptions, 'xAxis' | 'yAxis' | 'fixed'>,
): BoundaryLine {
  const sum = collapsedSum(network, address);
  if (!sum) return notStraight(network, address.layer);
  const { xAxis, yAxis } = options;

  // Inputs held fixed only move the bias.
  let bias = sum.bias;
  sum.weights.forEach((weight, i) => {
    if (i !== xAxis && i !== yAxis) bias += weight * (options.fixed[i] ?? 0);
  });
  const w1 = sum.weights[xAxis] ?? 0;
  const w2 = yAxis === null ? 0 : (sum.weights[yAxis] ?? 0);

  const intercept = -bias / w2;
  const slope = -w1 / w2;
  // A w2 so small beside w1 or b that the ratio overflows: the line is
  // as good as vertical, and x = -b / w1 says where.
  const isSteep = !Number.isFinite(intercept) || !Number.isFinite(slope);
  if (w2 !== 0 && !(isSteep && w1 !== 0)) {
    return { kind: 'y', intercept, slope };
  }
  if (w1 !== 0) return { kind: 'x', value: -bias / w1 };
  return { kind: 'none' };
}

/** The boundary of a neuron that reads a non-linear layer. */
function notStraight(network: Network, layerIndex: number): BoundaryLine {
  const layer = firstNonLinearBefore(network, layerIndex) ?? 0;
  const activation = network.layers[layer]?.activation ?? 'step';
  return { kind: 'not-straight', layer, activation };
}
