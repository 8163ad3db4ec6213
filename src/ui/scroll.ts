/** Which lines of a long list are shown, and what the markers say. */
export interface Window {
  /** The first line shown. */
  start: number;
  /** One past the last line shown. */
  end: number;
  /** Lines hidden above and below (a marker line shows each). */
  above: number;
  below: number;
}

/**
 * A window of `height` lines over `total` that keeps line `focus` in view.
 * A hidden part takes one line for its marker, so the shown lines are
 * fewer than `height` when the list is cut.
 */
export function windowAround(
  total: number,
  height: number,
  focus: number,
): Window {
  if (total <= height) return { start: 0, end: total, above: 0, below: 0 };
  if (height < 3) {
    const start = Math.min(Math.max(focus, 0), total - height);
    return { start, end: start + height, above: 0, below: 0 };
  }
  // The top of the list, with one marker below.
  if (focus < height - 1) {
    return { start: 0, end: height - 1, above: 0, below: total - height + 1 };
  }
  // The bottom of the list, with one marker above.
  if (focus >= total - (height - 1)) {
    const start = total - (height - 1);
    return { start, end: total, above: start, below: 0 };
  }
  // The middle, with a marker at each end.
  const inner = height - 2;
  const start = Math.min(
    Math.max(focus - Math.floor(inner / 2), 1),
    total - inner - 1,
  );
  return {
    start,
    end: start + inner,
    above: start,
    below: total - start - inner,
  };
}
