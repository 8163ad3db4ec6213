import type { en } from './en.js';

/** 日本語の表示文字列。キーは en.ts と同じ。 */
export const ja: typeof en = {
  target: '正解',
  ok: 'ok',
  wrong: 'X',
  sumOf: (name: string) => `和 ${name}`,
  onBoundary: '境界上: 重み付き和が 0',
  gridLegendStep: '# 1   . 0',
  gridLegendSmooth: (low: string, high: string) =>
    `.,:-=+*%@# ${low} から ${high}`,
  gridLegendPoints: '0/1 正しい  X 誤り',
  gridLegendPlain: '0/1 真理値表の点での出力',
  gridNotFinite: '? 数値でない',
  gridOf: (neuron: string, held: string) =>
    `決定領域: ${neuron}${held ? ` (${held})` : ''}`,
  heldAt: (names: string) => `${names} は 0 に固定`,
  layer: (n: number, activation: string) => `第${n}層 (${activation})`,
  bias: 'b',
  network: 'ネットワーク',
  truthTable: '真理値表',
  rowsRight: (right: number, total: number) => `${right}/${total} 正解`,
};
