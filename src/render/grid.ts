import { isBinaryActivation } from '../core/activation.js';
import { nearestIndex, type Grid } from '../core/grid.js';
import {
  matchesTarget,
  truthTable,
  type Targets,
} from '../core/truth-table.js';
import { formatNumber } from '../core/number.js';
import type { Network } from '../core/network.js';
import type { Messages } from '../i18n/messages.js';
import type { BoundaryLine } from '../core/boundary.js';
import { lineCells, lineMark } from './boundary.js';

/**
 * Ten marks from the lowest output to the highest. None of them is a mark
 * of the boundary line (`- | / \`) or of a point (`0 1 X ?`), so the line
 * and the points stand out from the shading.
 */
export const RAMP = '.,:;=+*%@#';

/** The mark for a value that is not a finite number. */
export const NOT_FINITE = '?';

/** The mark for a truth-table point whose output misses its target. */
export const WRONG = 'X';

/** The lowest and highest output an activation can give, when bounded. */
function outputRange(grid: Grid, network: Network): [number, number] {
  const activation = network.layers[grid.options.neuron.layer]?.activation;
  if (activation === 'step' || activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  const finite = grid.values.flat().filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  return [Math.min(...finite), Math.max(...finite)];
}

/** The mark for one sampled value. */
function markOf(value: number, low: number, high: number): string {
  if (!Number.isFinite(value)) return NOT_FINITE;
  const share = high > low ? (value - low) / (high - low) : 0;
  const level = Math.round(Math.min(1, Math.max(0, share)) * (RAMP.length - 1));
  return RAMP[level] ?? NOT_FINITE;
}

/** The mark of one truth-table point: its output, X, or ? (not finite). */
function pointMark(value: number, target: number | undefined): string {
  if (!Number.isFinite(value)) return NOT_FINITE;
  if (target !== undefined && !matchesTarget(value, target)) return WRONG;
  return value >= 0.5 ? '1' : '0';
}

/**
 * The marks of the truth-table points that fall on the grid: where the
 * other inputs are at their held values. Each point sits in the cell
 * nearest to it, but its mark comes from the neuron's output at the point
 * itself, as the truth table computes it, not from the cell's sample: on
 * a coarse grid the two can differ. A point shows the output (0 or 1)
 * when it is right or has no target, and X when it misses its target.
 */
function pointMarks(
  grid: Grid,
  network: Network,
  targets: Targets | null,
): { row: number; column: number; mark: string }[] {
  const { options } = grid;
  const { layer, neuron } = options.neuron;
  const isOutput = layer === network.layers.length - 1;
  return truthTable(network).flatMap((tableRow, rowIndex) => {
    const { inputs } = tableRow;
    const isOnPlane = inputs.every(
      (value, i) =>
        i === options.xAxis ||
        i === options.yAxis ||
        value === options.fixed[i],
    );
    const x = inputs[options.xAxis] ?? 0;
    const y = options.yAxis === null ? 0 : (inputs[options.yAxis] ?? 0);
    const [low, high] = options.range;
    const onAxes = options.yAxis === null ? [x] : [x, y];
    const isInside = onAxes.every((v) => v >= low && v <= high);
    if (!isOnPlane || !isInside) return [];
    const value = tableRow.layers[layer]?.outputs[neuron] ?? NaN;
    const target = isOutput ? targets?.[rowIndex]?.[neuron] : undefined;
    return [
      {
        row: nearestIndex(grid.ys, y),
        column: nearestIndex(grid.xs, x),
        mark: pointMark(value, target),
      },
    ];
  });
}

/**
 * The grid's cells as rows of marks, with the boundary line when one is
 * given, and the truth-table points over both. Points that share a cell
 * (a coarse grid, a wide range) show X when any of them misses, so a
 * wrong row is never hidden; otherwise the last of them in table order.
 */
export function gridCells(
  grid: Grid,
  network: Network,
  targets: Targets | null,
  line?: BoundaryLine,
): string[][] {
  const [low, high] = outputRange(grid, network);
  const cells = grid.values.map((row) =>
    row.map((value) => markOf(value, low, high)),
  );
  if (line) {
    const mark = lineMark(line, grid);
    for (const [row, column] of lineCells(grid, line)) {
      const cellsRow = cells[row];
      if (cellsRow) cellsRow[column] = mark;
    }
  }
  for (const point of pointMarks(grid, network, targets)) {
    const row = cells[point.row];
    if (row && row[point.column] !== WRONG) row[point.column] = point.mark;
  }
  return cells;
}

/** A short label for an axis value: `0`, `1`, `-0.5`, `1.5`. */
function tick(value: number, decimals: number): string {
  return Number.isInteger(value)
    ? String(value)
    : formatNumber(value, decimals);
}

/**
 * The decimals an axis's labels need for its two ends to differ: one for
 * the usual ranges, more for a narrow `--range` such as 0.1:0.1001.
 */
function tickDecimals(low: number, high: number): number {
  let decimals = 1;
  while (decimals < 8 && low.toFixed(decimals) === high.toFixed(decimals)) {
    decimals++;
  }
  return decimals;
}

/**
 * The cell that stands for `value` among evenly spaced cells: the nearest,
 * when `value` lies within half a step of it; none on a grid so coarse
 * that `value` falls between cells.
 */
function cellFor(cells: readonly number[], value: number): number | null {
  const index = nearestIndex(cells, value);
  const step = Math.abs((cells[1] ?? 0) - (cells[0] ?? 0));
  const distance = Math.abs((cells[index] ?? value) - value);
  return distance < step / 2 || distance === 0 ? index : null;
}

/**
 * Labels under the columns of 0, 1 and the ends, without overlap. A label
 * names the value it stands for, as the truth-table points are drawn in
 * the cells nearest to theirs: `0` under the column of -0.02 when a
 * `--grid` has no column at 0, and no `0` when it falls between columns
 * or in an end column, which its own value labels.
 */
function xTicks(xs: readonly number[]): string {
  const low = xs[0] ?? 0;
  const high = xs.at(-1) ?? 0;
  // 0 and 1 matter most; an end label gives way when it would overlap.
  const wanted = [0, 1, low, high].filter((v) => v >= low && v <= high);
  const decimals = tickDecimals(low, high);
  const placed: { start: number; label: string }[] = [];
  for (const value of wanted) {
    const column = cellFor(xs, value);
    if (column === null) continue;
    // An end column is labelled with its own value, unless it is this one.
    const isEnd = column === 0 || column === xs.length - 1;
    if (isEnd && xs[column] !== value) continue;
    const label = tick(value, decimals);
    const start = Math.max(0, Math.min(column, xs.length - label.length));
    const end = start + label.length;
    const overlaps = placed.some(
      (other) =>
        start <= other.start + other.label.length && other.start <= end,
    );
    if (!overlaps) placed.push({ start, label });
  }
  let line = '';
  for (const { start, label } of placed.sort((a, b) => a.start - b.start)) {
    line = line.padEnd(start) + label;
  }
  return line;
}

/**
 * The y label of each row: the ends first, then 0 and 1 in rows of their
 * own that stand for them.
 */
function yTicks(ys: readonly number[]): string[] {
  if (ys.length < 2) return [''];
  const labels = ys.map(() => '');
  const low = ys.at(-1) ?? 0;
  const high = ys[0] ?? 0;
  const decimals = tickDecimals(low, high);
  labels[0] = tick(high, decimals);
  labels[ys.length - 1] = tick(low, decimals);
  for (const value of [0, 1]) {
    if (value < low || value > high) continue;
    const row = cellFor(ys, value);
    if (row !== null && labels[row] === '') labels[row] = tick(value, decimals);
  }
  return labels;
}

/** What the renderer draws around the cells. */
export interface GridTextOptions {
  /** Draw the legend lines under the grid. */
  hasLegend?: boolean;
  /** The neuron's boundary, drawn over the cells when it is a line. */
  line?: BoundaryLine;
}

/**
 * The grid as lines of text: y labels on the left, x2 upward, x1 across,
 * the truth-table points marked, and a legend.
 */
export function renderGrid(
  grid: Grid,
  network: Network,
  targets: Targets | null,
  messages: Messages,
  options: GridTextOptions = {},
): string[] {
  const cells = gridCells(grid, network, targets, options.line);
  const labels = yTicks(grid.ys);
  const margin = Math.max(...labels.map((label) => label.length), 2) + 1;
  const xName = network.inputs[grid.options.xAxis] ?? 'x';
  const { yAxis } = grid.options;
  const yName = yAxis === null ? '' : (network.inputs[yAxis] ?? 'y');
  const lines = [yName.padStart(margin)];
  cells.forEach((row, index) => {
    lines.push(
      `${(labels[index] ?? '').padStart(margin - 1)} |${row.join('')}`,
    );
  });
  lines.push(`${' '.repeat(margin)}+${'-'.repeat(grid.xs.length)}`);
  const ticks = xTicks(grid.xs);
  lines.push(`${' '.repeat(margin + 1)}${ticks}  ${xName}`);
  if (options.hasLegend !== false) {
    lines.push(...gridLegend(grid, network, targets, messages, options.line));
  }
  return lines.map((line) => line.trimEnd());
}

/** The legend of a grid: what its marks mean. */
export function gridLegend(
  grid: Grid,
  network: Network,
  targets: Targets | null,
  messages: Messages,
  line?: BoundaryLine,
): string[] {
  const activation =
    network.layers[grid.options.neuron.layer]?.activation ?? 'step';
  const [low, high] = outputRange(grid, network);
  const scale = isBinaryActivation(activation)
    ? messages.gridLegendStep
    : messages.gridLegendSmooth(RAMP, formatNumber(low), formatNumber(high));
  const isOutput = grid.options.neuron.layer === network.layers.length - 1;
  const points =
    targets && isOutput ? messages.gridLegendPoints : messages.gridLegendPlain;
  const hasNonFinite = grid.values.flat().some((v) => !Number.isFinite(v));
  const hasLine = line !== undefined && lineCells(grid, line).length > 0;
  const extras = [
    ...(hasLine && line ? [messages.gridLegendLine(lineMark(line, grid))] : []),
    ...(hasNonFinite ? [messages.gridNotFinite] : []),
  ];
  return [[scale, points, ...extras].join('   ')];
}
