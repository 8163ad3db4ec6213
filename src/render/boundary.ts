import type { BoundaryLine } from '../core/boundary.js';
import { nearestIndex, type Grid } from '../core/grid.js';
import { formatNumber } from '../core/number.js';
import type { Messages } from '../i18n/messages.js';

/** A terminal cell is about twice as tall as it is wide. */
const CELL_ASPECT = 2;

/**
 * The slope of a line as it looks on the grid: in rows per column (a cell
 * spans the range divided by the gaps between its samples), times the
 * cell's height over its width on the screen.
 */
function screenSlope(grid: Grid, slope: number): number {
  const [low, high] = grid.options.range;
  const cellWidth = (high - low) / Math.max(1, grid.xs.length - 1);
  const cellHeight = (high - low) / Math.max(1, grid.ys.length - 1);
  return ((slope * cellWidth) / cellHeight) * CELL_ASPECT;
}

/** How steep `/` and `\` are on the screen, corner to corner of a cell. */
const DIAGONAL_DEGREES = degreesOf(CELL_ASPECT);

function degreesOf(slope: number): number {
  return (Math.atan(Math.abs(slope)) * 180) / Math.PI;
}

/**
 * The mark of a boundary line drawn over a grid: of `-`, `/` or `\` and
 * `|`, the one whose own angle on the screen (0, about 63 and 90 degrees)
 * is nearest the angle the line has there.
 */
export function lineMark(line: BoundaryLine, grid: Grid): string {
  if (line.kind === 'x') return '|';
  if (line.kind !== 'y') return '-';
  const slope = screenSlope(grid, line.slope);
  const degrees = degreesOf(slope);
  if (degrees < DIAGONAL_DEGREES / 2) return '-';
  if (degrees > (DIAGONAL_DEGREES + 90) / 2) return '|';
  return slope > 0 ? '/' : '\\';
}

/**
 * The boundary in words and numbers: `x2 = 1.40 - 1.00*x1`, `x1 = 0.70`,
 * or why there is no line (a layer before the neuron that is not linear
 * is named: it is what bends the boundary). Over one input (`yName`
 * null) the boundary is a point, `x1 = 0.50`. The short form says why in
 * fewer words, for a line with little room.
 */
export function boundaryText(
  line: BoundaryLine,
  xName: string,
  yName: string | null,
  messages: Messages,
  isShort = false,
): string {
  switch (line.kind) {
    case 'y': {
      const sign = formatNumber(line.slope).startsWith('-') ? '-' : '+';
      const slope = formatNumber(Math.abs(line.slope));
      const intercept = formatNumber(line.intercept);
      // Level: x2 = 0.30; through the origin: x2 = -1.00*x1.
      const equation =
        slope === '0.00'
          ? intercept
          : intercept === '0.00'
            ? `${sign === '-' ? '-' : ''}${slope}*${xName}`
            : `${intercept} ${sign} ${slope}*${xName}`;
      return messages.boundaryLine(`${yName} = ${equation}`);
    }
    case 'x': {
      const equation = `${xName} = ${formatNumber(line.value)}`;
      return yName === null
        ? messages.boundaryPoint(equation)
        : messages.boundaryLine(equation);
    }
    case 'none':
      if (yName === null) {
        return isShort
          ? messages.boundaryPointNoneShort(xName)
          : messages.boundaryPointNone(xName);
      }
      return isShort
        ? messages.boundaryNoneShort(xName, yName)
        : messages.boundaryNone(xName, yName);
    case 'not-straight':
      if (yName === null) {
        return isShort
          ? messages.boundaryNotPointShort
          : messages.boundaryNotPoint(line.layer + 1, line.activation);
      }
      return isShort
        ? messages.boundaryNotStraightShort
        : messages.boundaryNotStraight(line.layer + 1, line.activation);
  }
}

/**
 * The cells the line passes through, as [row, column] pairs. Both every
 * column and every row are visited, so a steep line leaves no gaps.
 */
export function lineCells(grid: Grid, line: BoundaryLine): [number, number][] {
  const cells = new Map<string, [number, number]>();
  const add = (row: number, column: number) =>
    cells.set(`${row},${column}`, [row, column]);
  const { xs, ys } = grid;
  const [low, high] = grid.options.range;
  const halfX = (high - low) / Math.max(1, xs.length - 1) / 2;
  const halfY = (high - low) / Math.max(1, ys.length - 1) / 2;
  const isInside = (v: number, half: number) =>
    v >= low - half && v <= high + half;
  if (line.kind === 'y' && ys.length > 1) {
    xs.forEach((x, column) => {
      const y = line.intercept + line.slope * x;
      if (isInside(y, halfY)) add(nearestIndex(ys, y), column);
    });
    if (line.slope !== 0) {
      ys.forEach((y, row) => {
        const x = (y - line.intercept) / line.slope;
        if (isInside(x, halfX)) add(row, nearestIndex(xs, x));
      });
    }
  }
  if (line.kind === 'x' && isInside(line.value, halfX)) {
    const column = nearestIndex(xs, line.value);
    ys.forEach((_, row) => add(row, column));
  }
  return [...cells.values()];
}
