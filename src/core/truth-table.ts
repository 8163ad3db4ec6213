import { isOnBoundary } from './activation.js';
import {
  forward,
  outputCount,
  type LayerValues,
  type Network,
} from './network.js';

/** One target value per output neuron, for each truth-table row. */
export type Targets = number[][];

/** One row of a truth table. */
export interface TruthRow {
  /** The inputs, each 0 or 1. */
  inputs: number[];
  /** Every layer's weighted sums and outputs. */
  layers: LayerValues[];
  /** The last layer's outputs. */
  outputs: number[];
  /** What the outputs should be, when the lesson says. */
  target: number[] | null;
  /** Whether every output matches its target; null without a target. */
  isCorrect: boolean | null;
  /** Per layer and neuron: a step neuron whose sum counts as zero. */
  boundary: boolean[][];
  /** True when any step neuron's sum sits on the boundary. */
  isOnBoundary: boolean;
}

/**
 * Every binary input vector for `count` inputs in counting order, x1 the
 * most significant bit: (0,0), (0,1), (1,0), (1,1) for two.
 */
export function binaryRows(count: number): number[][] {
  const rows: number[][] = [];
  for (let n = 0; n < 2 ** count; n++) {
    const row: number[] = [];
    for (let i = count - 1; i >= 0; i--) row.push((n >> i) & 1);
    rows.push(row);
  }
  return rows;
}

/**
 * How far from its 0/1 target a smooth output may be and still be right:
 * less than this, so 0.5 itself is wrong for either target.
 */
export const MATCH_DISTANCE = 0.5;

/**
 * Whether an output matches its target: exactly for 0/1 outputs, and for
 * smooth outputs when it is nearer the target than the other class.
 */
export function matchesTarget(output: number, target: number): boolean {
  return Math.abs(output - target) < MATCH_DISTANCE;
}

/** The truth table of a network over all binary inputs. */
export function truthTable(
  network: Network,
  targets: Targets | null = null,
): TruthRow[] {
  return binaryRows(network.inputs.length).map((inputs, rowIndex) => {
    const layers = forward(network, inputs);
    const outputs = layers.at(-1)?.outputs ?? [];
    const target = targets?.[rowIndex] ?? null;
    const isCorrect = target
      ? outputs.every((output, i) => matchesTarget(output, target[i] ?? NaN))
      : null;
    const boundary = layers.map((values, layerIndex) =>
      values.sums.map(
        (sum) =>
          network.layers[layerIndex]?.activation === 'step' &&
          isOnBoundary(sum),
      ),
    );
    const onBoundary = boundary.some((flags) => flags.some(Boolean));
    return {
      inputs,
      layers,
      outputs,
      target,
      isCorrect,
      boundary,
      isOnBoundary: onBoundary,
    };
  });
}

/** True when targets have one row per input vector, one value per output. */
export function targetsFit(network: Network, targets: Targets): boolean {
  return (
    targets.length === 2 ** network.inputs.length &&
    targets.every((row) => row.length === outputCount(network))
  );
}

/** How many rows of a truth table match their targets. */
export function countCorrect(rows: readonly TruthRow[]): number {
  return rows.filter((row) => row.isCorrect === true).length;
}
