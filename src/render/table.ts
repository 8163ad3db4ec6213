import { isBinaryActivation, type StepRule } from '../core/activation.js';
import { formatNumber } from '../core/number.js';
import type { Network, NeuronAddress } from '../core/network.js';
import type { TruthRow } from '../core/truth-table.js';
import type { Messages } from '../i18n/messages.js';
import { variableName } from './formula.js';
import { displayWidth } from './width.js';

/** Marks a row whose weighted sum sits on the boundary. */
export const BOUNDARY_MARK = '*';

/** A value as the table shows it: 0/1 for step layers, 2 decimals else. */
function cellText(value: number, isBinary: boolean): string {
  return isBinary ? String(value) : formatNumber(value);
}

/**
 * Joins cells, each padded to its column's width in terminal columns (a
 * Japanese heading is two columns a character), with one space.
 */
function joinCells(
  cells: readonly string[],
  widths: readonly number[],
): string {
  return cells
    .map(
      (cell, i) =>
        ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell))) + cell,
    )
    .join(' ');
}

/**
 * The truth table as lines: a header, then one line per row with the
 * inputs, each hidden layer's outputs, the outputs, the target, a mark for
 * right or wrong, and the weighted sum of the chosen neuron. A `*` marks a
 * sum on the boundary; its column is kept whether or not a row has one, so
 * the table is as wide either way (`boundaryNote` explains the mark).
 * `shortenName` may shorten the header's names, to make the columns
 * narrower.
 */
export function renderTable(
  network: Network,
  rows: readonly TruthRow[],
  sumOf: NeuronAddress,
  messages: Messages,
  shortenName: (name: string) => string = (name) => name,
): string[] {
  const groups: string[][] = [network.inputs];
  network.layers.forEach((layer, layerIndex) => {
    groups.push(
      layer.neurons.map((_, neuron) =>
        variableName(network, { layer: layerIndex, neuron }),
      ),
    );
  });
  const hasTargets = rows.some((row) => row.target !== null);
  const sumName = messages.sumOf(variableName(network, sumOf));
  const header = [...groups];
  if (hasTargets) header.push([messages.target, '']);
  header.push([sumName]);
  const names = header.map((group) => group.map(shortenName));

  const body = rows.map((row) => {
    const cells: string[][] = [row.inputs.map(String)];
    row.layers.forEach((values, layerIndex) => {
      const activation = network.layers[layerIndex]?.activation ?? 'step';
      const isBinary = isBinaryActivation(activation);
      cells.push(values.outputs.map((v) => cellText(v, isBinary)));
    });
    if (hasTargets) {
      const mark =
        row.isCorrect === null
          ? ''
          : row.isCorrect
            ? messages.ok
            : messages.wrong;
      cells.push([row.target?.join(' ') ?? '-', mark]);
    }
    const sum = row.layers[sumOf.layer]?.sums[sumOf.neuron] ?? NaN;
    const isOnBoundary = row.boundary[sumOf.layer]?.[sumOf.neuron] ?? false;
    cells.push([`${formatNumber(sum)}${isOnBoundary ? BOUNDARY_MARK : ' '}`]);
    return cells;
  });

  // Every column as wide as its widest cell, header included.
  const widths = names.map((group, g) =>
    group.map((title, c) =>
      Math.max(
        displayWidth(title),
        ...body.map((cells) => displayWidth(cells[g]?.[c] ?? '')),
      ),
    ),
  );
  const line = (cells: string[][]) =>
    cells.map((group, g) => joinCells(group, widths[g] ?? [])).join(' | ');
  return [line(names), ...body.map(line)].map((l) => l.trimEnd());
}

/**
 * The line under the table that explains its `*`, when a row's weighted
 * sum is on the boundary, with what the step rule `rule` makes of it;
 * none otherwise.
 */
export function boundaryNote(
  rows: readonly TruthRow[],
  sumOf: NeuronAddress,
  rule: StepRule,
  messages: Messages,
): string[] {
  const isMarked = rows.some(
    (row) => row.boundary[sumOf.layer]?.[sumOf.neuron],
  );
  return isMarked ? [`${BOUNDARY_MARK} ${messages.onBoundary(rule)}`] : [];
}
