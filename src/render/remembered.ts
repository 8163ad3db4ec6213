/**
 * `compute` with its results kept for the texts it was asked about
 * lately: the screen measures and compares the same lines on every frame.
 * Once `max` results are kept it starts afresh, which costs less than
 * tracking which were used last.
 */
export function remembered<T>(
  compute: (text: string) => T,
  max: number,
): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    if (results.has(text)) return results.get(text) as T;
    if (results.size >= max) results.clear();
    const result = compute(text);
    results.set(text, result);
    return result;
  };
}
