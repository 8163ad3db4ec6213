import { forward, type Network, type NeuronAddress } from './network.js';

/** What to sample: one neuron over two inputs, the others held fixed. */
export interface GridOptions {
  /** The neuron whose output is shown. */
  neuron: NeuronAddress;
  /** The input that runs across, left to right. */
  xAxis: number;
  /** The input that runs upward, bottom to top; null with one input. */
  yAxis: number | null;
  /** The lowest and highest value on both axes. */
  range: readonly [number, number];
  /** Columns; 33 on -0.5..1.5 puts 0 and 1 exactly on cells. */
  width: number;
  /** Rows; 17 on -0.5..1.5 puts 0 and 1 exactly on cells. */
  height: number;
  /** The value of every input, of which the two axes are overridden. */
  fixed: readonly number[];
}

/** A sampled grid. `values[row][column]`, row 0 at the top. */
export interface Grid {
  options: GridOptions;
  /** The x value of each column, left to right. */
  xs: number[];
  /** The y value of each row, top to bottom. */
  ys: number[];
  values: number[][];
}

/** The defaults of DESIGN.md: first output, x1 across, x2 upward. */
export function defaultGridOptions(network: Network): GridOptions {
  return {
    neuron: { layer: network.layers.length - 1, neuron: 0 },
    xAxis: 0,
    yAxis: network.inputs.length > 1 ? 1 : null,
    range: [-0.5, 1.5],
    width: 33,
    height: network.inputs.length > 1 ? 17 : 1,
    fixed: network.inputs.map(() => 0),
  };
}

/** `count` evenly spaced values from `low` to `high`, both included. */
export function spaced(low: number, high: number, count: number): number[] {
  if (count < 2) return [low];
  return Array.from(
    { length: count },
    (_, i) => low + ((high - low) * i) / (count - 1),
  );
}

/** Samples the chosen neuron's output over the grid. */
export function sampleGrid(network: Network, options: GridOptions): Grid {
  const [low, high] = options.range;
  const xs = spaced(low, high, options.width);
  const ys =
    options.yAxis === null ? [0] : spaced(low, high, options.height).reverse();
  const { layer, neuron } = options.neuron;
  const values = ys.map((y) =>
    xs.map((x) => {
      const inputs = [...options.fixed];
      inputs[options.xAxis] = x;
      if (options.yAxis !== null) inputs[options.yAxis] = y;
      return forward(network, inputs)[layer]?.outputs[neuron] ?? NaN;
    }),
  );
  return { options, xs, ys, values };
}

/** The column (or row, given `ys`) whose value is nearest to `value`. */
export function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - value) < Math.abs((values[best] ?? Infinity) - value)) {
      best = i;
    }
  });
  return best;
}
