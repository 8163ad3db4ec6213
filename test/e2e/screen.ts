// Reading the playground's panels from the rows of a terminal screen.

/** The first row of every frame of the playground, in any language. */
export const HEADER = /^ nn-tui {2}\S/;

/** The truth-table rows of a two-input network, up to the weighted sum. */
export function tableRows(rows: readonly string[]): string[] {
  return rows
    .map((row) => /^ [01] {2}[01] \|.*?\| +-?\d+\.\d+/.exec(row)?.[0])
    .filter((row): row is string => row !== undefined);
}

/** The cells of the decision grid, top row first: what follows its `|`. */
export function gridCells(rows: readonly string[]): string[] {
  return rows
    .map((row) => /\|([^\s|]+)$/.exec(row)?.[1])
    .filter((cells): cells is string => cells !== undefined);
}

/**
 * The grid with its truth-table points made alike: a point shows `0`,
 * `1` or `X` depending on the targets, which two lessons with the same
 * network may not share.
 */
export function gridShape(rows: readonly string[]): string[] {
  return gridCells(rows).map((cells) => cells.replace(/[01X]/g, 'o'));
}

/** The rows that hold any text. */
export function filledRows(rows: readonly string[]): string[] {
  return rows.filter((row) => row.trim() !== '');
}
