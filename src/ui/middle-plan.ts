import type { Panel } from '../command/args.js';
import type { Network, NeuronAddress } from '../core/network.js';
import {
  truthTable,
  type Targets,
  type TruthRow,
} from '../core/truth-table.js';
import { type Messages, messagesFor } from '../i18n/messages.js';
import { renderNetwork } from '../render/network.js';
import { localText } from '../render/print.js';
import { renderTable } from '../render/table.js';
import {
  type LeftHeights,
  screenLayout,
  type ScreenLayout,
  splitLeft,
} from './layout.js';
import { type SessionState, targetsOrOutputs } from './state.js';
import { tableToFit } from './table-panel.js';
import { displayWidth, wrapText } from './text.js';
import type { TerminalSize } from './use-terminal-size.js';

/** The size of a hidden neuron's small grid: 0 and 1 fall on cells. */
export const SMALL_GRID = { width: 9, height: 5 } as const;

/** Columns of one small grid: a mark for the selected neuron, the cells. */
export const SMALL_BLOCK_WIDTH = SMALL_GRID.width + 1;

/** Lines of one small grid: its name, then its cells. */
export const SMALL_BLOCK_LINES = SMALL_GRID.height + 1;

/** Columns between the grid and the small grids, and between columns. */
const SIDE_GAP = 2;

/** The small grids of one hidden layer beside the main grid. */
export interface SidePlan {
  /** The hidden layer drawn. */
  layer: number;
  /** How many of its neurons are drawn, from the first. */
  shown: number;
  /** Neurons left out for want of room ("+N more"). */
  more: number;
  /** Columns of small grids. */
  columns: number;
}

/** Where the panels between the header and the formula go. */
export interface MiddlePlan {
  layout: ScreenLayout;
  /** The targets shown: in targets mode, the outputs when there are none. */
  targets: Targets | null;
  rows: TruthRow[];
  /** The truth table as `renderTable` draws it. */
  table: string[];
  /** Columns of the left panels: all of them when the grid is hidden. */
  leftWidth: number;
  /** Lines of each left panel; 0 for a hidden one. */
  heights: LeftHeights;
  /** The notes in the screen's language. */
  notes: string;
  /**
   * Rows the window lacks for the notes to show a line and the line that
   * says PgDn shows more, when they get less room than that and need
   * more; 0 otherwise.
   */
  notesShortBy: number;
  /** The hidden neurons' small grids, or null. */
  side: SidePlan | null;
}

/**
 * The hidden layer whose neurons get small grids: the selected one, or
 * the first when an output is selected. Null for one layer.
 */
export function sideLayer(
  network: Network,
  selection: NeuronAddress,
): number | null {
  const last = network.layers.length - 1;
  if (last < 1) return null;
  return selection.layer < last ? selection.layer : 0;
}

/** Small grids that fit one above the other in `height` lines. */
function blocksPerColumn(height: number): number {
  return Math.floor((height + 1) / (SMALL_BLOCK_LINES + 1));
}

/** Columns the small grids take, the gap before them included. */
export function sideColumnsWidth(columns: number): number {
  return columns * (SMALL_BLOCK_WIDTH + SIDE_GAP);
}

/**
 * The layout with as many columns of small grids as the neurons need and
 * the width allows: the left panels keep `contentWidth`, and the main grid
 * goes down to its smallest size first. No small grids when not even one
 * column leaves the left panels their width.
 */
function layoutWithSide(
  size: TerminalSize,
  needs: { axisName: string; contentWidth: number },
  count: number,
  layer: number | null,
): { layout: ScreenLayout; side: SidePlan | null } {
  const plain = screenLayout(size, needs);
  const perColumn = blocksPerColumn(plain.middle);
  if (layer === null || count === 0 || perColumn < 1) {
    return { layout: plain, side: null };
  }
  for (let columns = Math.ceil(count / perColumn); columns > 0; columns--) {
    const sideWidth = sideColumnsWidth(columns);
    const layout = screenLayout(size, { ...needs, sideWidth });
    if (layout.leftWidth < needs.contentWidth) continue;
    let capacity = columns * perColumn;
    // "+N more" needs a line under the last column.
    const used = perColumn * (SMALL_BLOCK_LINES + 1) - 1;
    if (count > capacity && used + 1 > layout.middle) capacity -= 1;
    const shown = Math.min(count, capacity);
    return {
      layout,
      side: { layer, shown, more: count - shown, columns },
    };
  }
  return { layout: plain, side: null };
}

/**
 * The height the left column needs to show the network and the table
 * whole, and two lines of notes after a blank line (see `leftHeights`).
 */
function notesNeed(
  networkLines: number,
  tableLines: number,
  isShown: (panel: Panel) => boolean,
): number {
  const hasNetwork = isShown('network');
  const hasTable = isShown('table');
  const panels =
    (hasNetwork ? networkLines : 0) +
    (hasTable ? tableLines : 0) +
    (hasNetwork && hasTable ? 1 : 0);
  return panels + 1 + 2;
}

/**
 * Shares the left column between the panels that are shown: both network
 * and table as `splitLeft` does, one of them alone up to its lines, and
 * the notes in what is left after a blank line.
 */
function leftHeights(
  height: number,
  networkLines: number,
  tableLines: number,
  isShown: (panel: Panel) => boolean,
): LeftHeights {
  const hasNetwork = isShown('network');
  const hasTable = isShown('table');
  let heights: LeftHeights;
  if (hasNetwork && hasTable) {
    heights = splitLeft(height, networkLines, tableLines);
  } else if (hasNetwork || hasTable) {
    const lines = Math.min(hasNetwork ? networkLines : tableLines, height);
    heights = {
      network: hasNetwork ? lines : 0,
      table: hasTable ? lines : 0,
      notes: Math.max(0, height - lines - 1),
    };
  } else {
    heights = { network: 0, table: 0, notes: height };
  }
  return isShown('notes') ? heights : { ...heights, notes: 0 };
}

/** What the plan of the middle depends on. */
export type PlanInput = Pick<
  SessionState,
  'lesson' | 'selection' | 'language' | 'grid' | 'mode'
>;

/** Everything the middle of the screen needs to know about its room. */
export function planMiddle(
  state: PlanInput,
  size: TerminalSize,
  hidden: readonly Panel[] = [],
): MiddlePlan {
  const messages: Messages = messagesFor(state.language);
  const { network } = state.lesson;
  const isShown = (panel: Panel) => !hidden.includes(panel);
  const targets =
    state.mode === 'targets'
      ? targetsOrOutputs(network, state.lesson.targets)
      : state.lesson.targets;
  const rows = truthTable(network, targets);
  const { layer, neuron } = state.selection;
  const drawTable = (shortenName: (name: string) => string) =>
    renderTable(network, rows, { layer, neuron }, messages, shortenName);
  const fullTable = drawTable((name) => name);
  const networkText = renderNetwork(network, messages);
  const contentWidth = Math.max(
    ...(isShown('network') ? networkText : []).map(displayWidth),
    ...(isShown('table') ? fullTable : []).map(displayWidth),
    0,
  );
  const axisName = network.inputs[state.grid.xAxis] ?? '';
  const hiddenLayer =
    isShown('grid') && state.grid.yAxis !== null
      ? sideLayer(network, state.selection)
      : null;
  const count =
    hiddenLayer === null
      ? 0
      : (network.layers[hiddenLayer]?.neurons.length ?? 0);
  const { layout, side } = layoutWithSide(
    size,
    { axisName, contentWidth },
    count,
    hiddenLayer,
  );
  const leftWidth = isShown('grid') ? layout.leftWidth : layout.columns;
  // In targets mode the table panel marks the chosen row in 2 columns.
  const tableWidth = leftWidth - (state.mode === 'targets' ? 2 : 0);
  const table = tableToFit(drawTable, network, tableWidth);
  const networkLines = 1 + networkText.length;
  const tableLines = 1 + table.length;
  const heights = leftHeights(layout.middle, networkLines, tableLines, isShown);
  const notes = localText(state.lesson.notes, state.language);
  return {
    layout,
    targets,
    rows,
    table,
    leftWidth,
    heights,
    notes,
    notesShortBy:
      isShown('notes') &&
      notes.trim() !== '' &&
      heights.notes < 2 &&
      wrapText(notes.trim(), leftWidth).length > heights.notes
        ? notesNeed(networkLines, tableLines, isShown) - layout.middle
        : 0,
    side,
  };
}
