import type { TerminalSize } from './use-terminal-size.js';

/** The smallest terminal the playground draws in. */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

/**
 * A grid size in cells. Sizes of the form 4k+1 put 0 and 1 exactly on
 * cells of the range -0.5..1.5.
 */
export interface GridSize {
  width: number;
  height: number;
}

/** The grid sizes the screen tries, largest first. */
export const GRID_SIZES: readonly GridSize[] = [
  { width: 33, height: 17 },
  { width: 25, height: 13 },
  { width: 17, height: 9 },
];

/**
 * Columns of the grid panel beside the cells: the y labels and the axis
 * before them, and two spaces and the x input's name after the ticks.
 */
const GRID_MARGIN = 8;

/** The longest x input name the grid panel makes room for. */
const MAX_AXIS_NAME = 8;

/** Lines of the grid panel besides the cells: y name, axis, ticks, legend. */
const GRID_EXTRA_LINES = 5;

/** Lines of the screen that are not the middle panels. */
export const FIXED_LINES = {
  header: 1,
  formula: 1,
  status: 1,
  footer: 2,
} as const;

/** Where everything goes on a screen of a given size. */
export interface ScreenLayout {
  /** The width of every line. */
  columns: number;
  /** The lines drawn: one less than the terminal (see `screenLayout`). */
  rows: number;
  /** Lines for the panels between the header and the formula. */
  middle: number;
  /** Columns of the network, table and notes on the left. */
  leftWidth: number;
  /** Columns between the left panels and the grid. */
  gap: number;
  /** Columns of the grid on the right. */
  rightWidth: number;
  /** Columns of the small grids right of it, their gap included. */
  sideWidth: number;
  /** Grid sizes that fit, largest first; the panel takes the first that fits
   * its lines. */
  gridSizes: GridSize[];
}

/** True when the terminal is large enough for the playground. */
export function isLargeEnough(size: TerminalSize): boolean {
  return size.columns >= MIN_SIZE.columns && size.rows >= MIN_SIZE.rows;
}

const sizeLists = new Map<string, GridSize[]>();

/**
 * The one list object for a choice of grid sizes: the grid panel samples
 * its grid again only when the list it is given changes, not on every
 * layout.
 */
function sameList(sizes: GridSize[]): GridSize[] {
  const key = sizes.map((size) => `${size.width}x${size.height}`).join(',');
  const known = sizeLists.get(key);
  if (known) return known;
  sizeLists.set(key, sizes);
  return sizes;
}

/** What the layout makes room for besides the terminal's size. */
export interface LayoutNeeds {
  /** The name of the input along the grid's x axis. */
  axisName: string;
  /** The widest line of the network and truth-table panels. */
  contentWidth: number;
  /**
   * Columns right of the grid for the hidden neurons' small grids, the gap
   * before them included; 0 or absent when there are none.
   */
  sideWidth?: number;
}

/**
 * Lays out a screen. It draws one line less than the terminal has: Ink
 * clears the whole terminal (scroll-back included) on every frame that
 * fills its height, and that would flicker on every key.
 *
 * The grid on the right is as large as the left panels allow: the largest
 * size that leaves them `contentWidth` columns, or the smallest size when
 * none does (the panels then scroll sideways or leave out columns).
 */
export function screenLayout(
  size: TerminalSize,
  needs: LayoutNeeds = { axisName: 'x1', contentWidth: 0 },
): ScreenLayout {
  const rows = size.rows - 1;
  const margin = GRID_MARGIN + Math.min(needs.axisName.length, MAX_AXIS_NAME);
  const fixed = Object.values(FIXED_LINES).reduce((a, b) => a + b, 0);
  const middle = rows - fixed;
  const gap = 2;
  const side = needs.sideWidth ?? 0;
  const leftOf = (grid: GridSize) =>
    size.columns - grid.width - margin - gap - side;
  const fitting = GRID_SIZES.filter(
    (grid) =>
      grid.height + GRID_EXTRA_LINES <= middle &&
      grid.width + margin <= Math.floor(size.columns * 0.46),
  );
  const candidates = fitting.length > 0 ? fitting : GRID_SIZES.slice(-1);
  const roomy = candidates.filter((grid) => leftOf(grid) >= needs.contentWidth);
  const gridSizes = sameList(roomy.length > 0 ? roomy : candidates.slice(-1));
  const largest = gridSizes[0] ?? { width: 17, height: 9 };
  return {
    columns: size.columns,
    rows,
    middle,
    leftWidth: leftOf(largest),
    gap,
    rightWidth: largest.width + margin,
    sideWidth: side,
    gridSizes,
  };
}

/** Heights of the left panels. */
export interface LeftHeights {
  network: number;
  table: number;
  notes: number;
}

/**
 * Shares the left column between the network, the truth table and the
 * notes. Both panels get all they need when they can; otherwise each gets
 * at least half, and the larger one scrolls or is cut. The notes take
 * what is left, after a blank line.
 */
export function splitLeft(
  height: number,
  networkLines: number,
  tableLines: number,
): LeftHeights {
  const gap = 1;
  const available = height - gap;
  if (networkLines + tableLines <= available) {
    const rest = available - networkLines - tableLines - gap;
    return {
      network: networkLines,
      table: tableLines,
      notes: Math.max(0, rest),
    };
  }
  const half = Math.ceil(available / 2);
  const network = Math.min(
    networkLines,
    Math.max(half, available - tableLines),
  );
  return { network, table: available - network, notes: 0 };
}
