import { isBinaryActivation, type StepRule } from '../core/activation.js';
import { formatNumber } from '../core/number.js';
import type { Network, NeuronAddress } from '../core/network.js';
import { MATCH_DISTANCE, type TruthRow } from '../core/truth-table.js';
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
 * An output as the table shows it. One that rounds to 0.50 but is not 0.5
 * gets the decimals that show which side of 0.5 it is on (`0.499`,
 * `0.5002`), as that decides its `ok` or `X`: 0.5 itself is `X` for a
 * target of 0 and of 1.
 */
function outputText(value: number, isBinary: boolean): string {
  const text = cellText(value, isBinary);
  // Targets are 0 and 1, so right turns to wrong at one value.
  const edge = MATCH_DISTANCE;
  if (isBinary || Number(text) !== edge || value === edge) return text;
  for (let decimals = 3; decimals <= 16; decimals++) {
    const closer = value.toFixed(decimals);
    if (Number(closer) !== edge) return closer;
  }
  return text;
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

  const last = network.layers.length - 1;
  const body = rows.map((row) => {
    const cells: string[][] = [row.inputs.map(String)];
    row.layers.forEach((values, layerIndex) => {
      const activation = network.layers[layerIndex]?.activation ?? 'step';
      const isBinary = isBinaryActivation(activation);
      const text = layerIndex === last ? outputText : cellText;
      cells.push(values.outputs.map((v) => text(v, isBinary)));
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

  // Every column as wide as its widest cell, header included; the mark's
  // as wide as both marks, so that the sums stay put as rows turn right.
  const marks = Math.max(
    displayWidth(messages.ok),
    displayWidth(messages.wrong),
  );
  const widths = names.map((group, g) =>
    group.map((title, c) =>
      Math.max(
        displayWidth(title),
        hasTargets && g === groups.length && c === 1 ? marks : 0,
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
