import type { TrainingOutcome } from './messages.js';
import type { Network } from '../network.js';
import type { WeightsAndBias } from './gradient.js';

/**
 * Backprop stops when every row is right and the mean loss per row is
 * below this: right by a clear margin, not only on the right side of 0.5.
 */
export const LOSS_THRESHOLD = 0.01;

/** The most points `lossHistory` keeps before it is thinned out. */
export const MAX_LOSS_HISTORY = 2000;

/** Where a training run stands. Plain data: every step returns a new one. */
export interface TrainingState {
  /** The network as trained so far; its weights are always finite. */
  network: Network;
  /** Epochs completed. */
  epoch: number;
  /**
   * Changes made to the network. Perceptron rule: rows with a wrong output
   * (a right row changes nothing). Backprop: one per row online, one per
   * epoch in full batch.
   */
  updates: number;
  /** The loss of `network`, averaged over the rows; squared error for the
   * perceptron rule. */
  loss: number;
  /** The fraction of rows whose outputs all match their targets. */
  accuracy: number;
  /**
   * The loss after every `lossHistoryStride`-th epoch: `lossHistory[i]` is
   * the loss after epoch `i * lossHistoryStride`, and `lossHistory[0]` the
   * loss before training. When it passes `MAX_LOSS_HISTORY` points, every
   * other point is dropped and the stride doubles, so the curve keeps its
   * start and its shape at a coarser grain. A step that ends no epoch
   * returns the same array as the state it came from, so never change it.
   */
  lossHistory: number[];
  /** Epochs between two points of `lossHistory`. */
  lossHistoryStride: number;
  /**
   * Perceptron rule: the last epoch made no mistake. Backprop: after the
   * last epoch every row was right and the loss was below `LOSS_THRESHOLD`.
   */
  isConverged: boolean;
  /** The last step stopped because a weight would have overflowed. */
  hasOverflowed: boolean;
  /** The place in the epoch's row order of the next single update. */
  rowCursor: number;
  /** Rows with a wrong output so far in this epoch (perceptron rule). */
  mistakesThisEpoch: number;
  /** What the last step came to, when it is worth saying. */
  outcome?: TrainingOutcome;
}

/** One row that a single update learned from. */
export interface RowResult {
  /** The row's index in counting order. */
  row: number;
  inputs: number[];
  /** The outputs before the update. */
  outputs: number[];
  target: number[];
  /** target - output, for each output. */
  error: number[];
}

/** What one update did, for a teacher to walk through. */
export interface UpdateDetails {
  /** One row online and for the perceptron rule; every row in full batch. */
  rows: RowResult[];
  /** The change made to each weight and bias, `[layer][neuron]`. */
  changes: WeightsAndBias[][];
}

/** The result of `trainUpdate`. */
export interface TrainingUpdate {
  state: TrainingState;
  details: UpdateDetails;
}
