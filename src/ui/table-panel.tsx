import { type ReactNode, useMemo } from 'react';
import type { Network } from '../core/network.js';
import { countCorrect, type TruthRow } from '../core/truth-table.js';
import type { Messages } from '../i18n/messages.js';
import { variableName } from '../render/formula.js';
import { BOUNDARY_MARK } from '../render/table.js';
import { type Segment, StyledLines } from './styled-line.js';
import {
  displayWidth,
  ELLIPSIS,
  fitToWidth,
  sliceColumns,
  truncateToWidth,
} from './text.js';

/** Where the target being edited is, in targets mode. */
export interface TargetCursor {
  row: number;
  output: number;
}

/** Props of `TablePanel`. */
export interface TablePanelProps {
  network: Network;
  /** The truth table, computed once per network by the screen. */
  rows: readonly TruthRow[];
  /** The table as `renderTable` draws it for `--print`. */
  lines: readonly string[];
  /** Set while targets are edited: the row (and output) marked. */
  cursor: TargetCursor | null;
  messages: Messages;
  width: number;
  /** Lines, title included. */
  height: number;
  isColor: boolean;
}

/** How `renderTable` separates its groups of columns. */
const GROUP = ' | ';

/**
 * The table's lines made to fit `width` by leaving out whole groups of
 * columns, marked `…`: first the hidden layers (the grid shows each of
 * them with g), then the weighted sum. Inputs, outputs and targets stay.
 */
export function narrowTable(
  lines: readonly string[],
  network: Network,
  width: number,
): string[] {
  const hidden = network.layers.length - 1;
  const reshape = (elided: number, hasSum: boolean) =>
    lines.map((line) => {
      if (!line.includes(GROUP)) return line;
      const groups = line.split(GROUP);
      const kept =
        elided > 0
          ? [groups[0] ?? '', ELLIPSIS, ...groups.slice(1 + elided)]
          : groups;
      if (!hasSum) kept.pop();
      return kept.join(GROUP);
    });
  const fits = (candidate: string[]) =>
    candidate.every((line) => displayWidth(line) <= width);
  for (let elided = 0; elided <= hidden; elided++) {
    const candidate = reshape(elided, true);
    if (fits(candidate)) return candidate;
  }
  return reshape(hidden, false);
}

/** True when every line is at most `width` columns. */
function fitsWidth(lines: readonly string[], width: number): boolean {
  return lines.every((line) => displayWidth(line) <= width);
}

/** The fewest columns `tableToFit` cuts a name to: a letter and `…`. */
const SHORTEST_NAME = 2;

/**
 * The table to show in `width` columns: `render(name => name)`, as
 * `--print` draws it, when `narrowTable` can make that fit; else drawn
 * again with every name in its header cut to the most columns that fit,
 * so that long input and neuron names do not push the outputs, targets
 * and marks out of view.
 */
export function tableToFit(
  render: (shortenName: (name: string) => string) => string[],
  network: Network,
  width: number,
): string[] {
  const full = render((name) => name);
  const fits = (table: string[]) =>
    fitsWidth(narrowTable(table, network, width), width);
  if (fits(full)) return full;
  const cutTo = (columns: number) =>
    render((name) => truncateToWidth(name, columns));
  // Shorter names never make a wider table: search for the longest that
  // fit, between names that fit (or the shortest) and names as they are.
  let shortest = SHORTEST_NAME;
  let best = cutTo(shortest);
  let longest = displayWidth(full[0] ?? '');
  while (longest - shortest > 1) {
    const middle = Math.floor((shortest + longest) / 2);
    const table = cutTo(middle);
    if (fits(table)) {
      shortest = middle;
      best = table;
    } else {
      longest = middle;
    }
  }
  return best;
}

/**
 * The table panel's lines: a title with the count of right rows, then the
 * lines of `renderTable` (as `--print` prints them). Rows that do not fit
 * are cut with a "... N more rows" line; while targets are edited the
 * chosen row stays in view and is marked with `>`. The title, not a line
 * of its own, explains a `*`, so the panel keeps its size when one shows.
 */
export function tableLines(
  props: Omit<TablePanelProps, 'isColor'>,
): Segment[][] {
  const { network, rows, cursor, messages, width, height } = props;
  const tableWidth = width - (cursor ? 2 : 0);
  const lines = narrowTable(props.lines, network, tableWidth);
  const [header = '', ...body] = lines;
  const isMarked = body.some((line) => line.endsWith(BOUNDARY_MARK));
  // The inputs stay in view, so that each row can be told apart, when
  // they take less than half the width; the columns after them move.
  const inputs = header.indexOf(GROUP);
  const kept =
    inputs >= 0 && displayWidth(header.slice(0, inputs)) < tableWidth / 2
      ? displayWidth(header.slice(0, inputs + GROUP.length))
      : 0;
  const after = (line: string) => sliceColumns(line, kept, Infinity);
  const moving = tableWidth - kept;
  // Too many outputs to fit: the first ones give way to the targets.
  const isTooWide = !fitsWidth(lines, tableWidth);
  const shift =
    cursor || isTooWide
      ? targetShift(lines.map(after), props.lines.map(after), moving)
      : 0;
  // A line of the table with the columns after the inputs moved left by
  // `shift`, `…` where they started, then the `>` of the chosen row.
  const fit = (text: string, isHere = false) => {
    const shifted =
      shift > 0
        ? sliceColumns(text, 0, kept) +
          ELLIPSIS +
          sliceColumns(text, kept + shift + 1, moving - 1)
        : text;
    const marked = cursor ? `${isHere ? '>' : ' '} ${shifted}` : shifted;
    return fitToWidth(marked, width);
  };

  const output: Segment[][] = [
    [{ text: fitToWidth(title(props, isMarked), width), isBold: true }],
    [{ text: fit(header), isBold: true }],
  ];
  const room = Math.max(1, height - 2);
  let start = 0;
  let end = body.length;
  if (body.length > room) {
    // One line says how many rows are left out.
    const shown = Math.max(1, room - 1);
    const focus = cursor?.row ?? 0;
    start = Math.min(
      Math.max(0, focus - Math.floor(shown / 2)),
      body.length - shown,
    );
    end = start + shown;
  }
  for (let index = start; index < end; index++) {
    const row = rows[index];
    const color =
      row?.isCorrect === false ? 'red' : row?.isCorrect ? 'green' : undefined;
    const isHere = index === cursor?.row;
    const line = body[index] ?? '';
    const bracketed =
      isHere && cursor
        ? markTarget(line, keepsSum(lines, props.lines), cursor.output)
        : line;
    const text = fit(bracketed, isHere);
    output.push([{ text, color }]);
  }
  const below = body.length - end;
  if (start > 0 || below > 0) {
    const text =
      start > 0 ? messages.rowsAround(start, below) : messages.moreRows(below);
    output.push([{ text: fitToWidth(text, width), isDim: true }]);
  }
  return output.slice(0, height);
}

/**
 * The title: the count of right rows, the target being edited, and what a
 * `*` in the table means when one shows. Its parts are two spaces apart,
 * or one when that makes it fit.
 */
function title(
  props: Omit<TablePanelProps, 'isColor'>,
  isMarked: boolean,
): string {
  const { network, rows, cursor, messages, width } = props;
  const hasTargets = rows.some((row) => row.target !== null);
  const parts = [messages.truthTable];
  if (hasTargets) {
    parts.push(messages.rowsRight(countCorrect(rows), rows.length));
  }
  if (cursor) {
    const last = network.layers.length - 1;
    const outputs = network.layers[last]?.neurons.length ?? 1;
    const which =
      outputs > 1
        ? ` (${variableName(network, { layer: last, neuron: cursor.output })})`
        : '';
    parts.push(`[${messages.editTargetsTitle}${which}]`);
  }
  if (isMarked) parts.push(`${BOUNDARY_MARK} ${messages.sumIsZero}`);
  const spaced = parts.join('  ');
  return displayWidth(spaced) > width ? parts.join(' ') : spaced;
}

/** Whether `lines`, made to fit, kept the weighted sum of the `full` table. */
function keepsSum(lines: readonly string[], full: readonly string[]): boolean {
  const lastGroup = (line: string) => line.split(GROUP).at(-1);
  return lastGroup(lines[0] ?? '') === lastGroup(full[0] ?? '');
}

/**
 * A row with its target for output `output` (from 0) in brackets, `0 [1] 0`:
 * the spaces on either side of a target become the brackets, so that the
 * row keeps its width and shows the target being edited without colour.
 */
function markTarget(line: string, hasSum: boolean, output: number): string {
  const groups = line.split(GROUP);
  const targetsGroup = groups.length - (hasSum ? 2 : 1);
  if (targetsGroup < 1) return line;
  const start = groups
    .slice(0, targetsGroup)
    .reduce((column, group) => column + group.length + GROUP.length, 0);
  const group = groups[targetsGroup] ?? '';
  const column = start + group.search(/\S/) + 2 * output;
  if (line[column - 1] !== ' ' || line[column + 1] !== ' ') return line;
  return `${line.slice(0, column - 1)}[${line[column] ?? ''}]${line.slice(column + 2)}`;
}

/**
 * Columns to hide on the left of the `lines` that fit in `width` so that
 * the targets and their marks are in view: up to the bar before the
 * weighted sum, or, when the sum was left out of the `full` table, to the
 * end of the widest line.
 */
function targetShift(
  lines: readonly string[],
  full: readonly string[],
  width: number,
): number {
  const header = lines[0] ?? '';
  if (keepsSum(lines, full)) {
    const bar = header.lastIndexOf('|');
    const end = displayWidth(header.slice(0, Math.max(0, bar)));
    return end > width ? end - width + 1 : 0;
  }
  const end = Math.max(...lines.map((line) => displayWidth(line)));
  return Math.max(0, end - width);
}

/** The truth table: every input row, its outputs, target and right/wrong. */
export function TablePanel(props: TablePanelProps): ReactNode {
  const { network, rows, lines: table, messages, width, height } = props;
  const row = props.cursor?.row;
  const output = props.cursor?.output;
  // Worked out again only when the network or the view changes.
  const lines = useMemo(
    () =>
      tableLines({
        network,
        rows,
        lines: table,
        cursor:
          row === undefined || output === undefined ? null : { row, output },
        messages,
        width,
        height,
      }),
    [network, rows, table, row, output, messages, width, height],
  );
  return (
    <StyledLines
      lines={lines}
      width={props.width}
      height={props.height}
      isColor={props.isColor}
    />
  );
}
