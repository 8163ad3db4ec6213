/** English interface text. Functions fill in numbers and names. */
export const en = {
  target: 'target',
  ok: 'ok',
  wrong: 'X',
  sumOf: (name: string) => `sum ${name}`,
  onBoundary: 'on the boundary: the weighted sum is 0',
  gridLegendStep: '# 1   . 0',
  gridLegendSmooth: (low: string, high: string) =>
    `.,:-=+*%@# from ${low} to ${high}`,
  gridLegendPoints: '0/1 right  X wrong',
  gridLegendPlain: '0/1 the output at a truth-table point',
  gridNotFinite: '? not a number',
  gridOf: (neuron: string, held: string) =>
    `Decision grid: ${neuron}${held ? ` (${held})` : ''}`,
  heldAt: (names: string) => `${names} held at 0`,
  layer: (n: number, activation: string) => `Layer ${n} (${activation})`,
  bias: 'b',
  network: 'Network',
  truthTable: 'Truth table',
  rowsRight: (right: number, total: number) => `${right}/${total} right`,
};
