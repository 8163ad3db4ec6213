import sparkly from 'sparkly';

/**
 * `values` squeezed into at most `width` points: each point the mean of an
 * equal share of the values in order. Fewer values than that are kept as
 * they are, so a curve grows from the left while training runs.
 */
export function downsample(values: readonly number[], width: number): number[] {
  if (width <= 0) return [];
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, point) => {
    const start = Math.floor((point * values.length) / width);
    const end = Math.floor(((point + 1) * values.length) / width);
    const share = values.slice(start, end);
    return share.reduce((sum, value) => sum + value, 0) / share.length;
  });
}

/**
 * The loss history as a sparkline of at most `width` block characters,
 * `▁` for 0 up to `█` for the largest loss: a curve that falls as the
 * network learns. A value that is not finite shows as a space.
 */
export function lossCurve(history: readonly number[], width: number): string {
  const points = downsample(history, width);
  if (points.length === 0) return '';
  return sparkly(points, { minimum: 0 });
}
