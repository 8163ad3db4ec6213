import type { GridOptions } from './grid.js';
import type { Network, NeuronAddress } from './network.js';

/**
 * Where a first-layer neuron's weighted sum is zero, in the plane of two
 * inputs with the others held fixed: `w1*x + w2*y + b = 0`.
 */
export type BoundaryLine =
  /** y = intercept + slope * x (w2 is not 0). */
  | { kind: 'y'; intercept: number; slope: number }
  /** x = value: a vertical line (w2 is 0, w1 is not). */
  | { kind: 'x'; value: number }
  /** Both weights are 0: the sum is the same everywhere. */
  | { kind: 'none' }
  /** A later layer reads other neurons: its boundary is not one line. */
  | { kind: 'not-straight' };

/** The boundary of a neuron over the grid's two axes. */
export function boundaryLine(
  network: Network,
  address: NeuronAddress,
  options: Pick<GridOptions, 'xAxis' | 'yAxis' | 'fixed'>,
): BoundaryLine {
  const neuron = network.layers[address.layer]?.neurons[address.neuron];
  if (!neuron || address.layer > 0) return { kind: 'not-straight' };
  const { xAxis, yAxis } = options;

  // Inputs held fixed only move the bias.
  let bias = neuron.bias;
  neuron.weights.forEach((weight, i) => {
    if (i !== xAxis && i !== yAxis) bias += weight * (options.fixed[i] ?? 0);
  });
  const w1 = neuron.weights[xAxis] ?? 0;
  const w2 = yAxis === null ? 0 : (neuron.weights[yAxis] ?? 0);

  if (w2 !== 0) return { kind: 'y', intercept: -bias / w2, slope: -w1 / w2 };
  if (w1 !== 0) return { kind: 'x', value: -bias / w1 };
  return { kind: 'none' };
}
