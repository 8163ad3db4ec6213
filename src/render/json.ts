import type { Lesson } from '../core/lesson.js';
import type { LayerValues } from '../core/network.js';
import type { TruthRow } from '../core/truth-table.js';

/** A truth-table row as `--json` prints it. */
export interface JsonRow {
  inputs: number[];
  outputs: number[];
  target: number[] | null;
  ok: boolean | null;
  onBoundary: boolean;
  layers: LayerValues[];
}

/** The network part of `--json`: the lesson in the preset format. */
export function lessonJson(lesson: Lesson) {
  const { network } = lesson;
  return {
    name: lesson.name,
    title: lesson.title,
    inputs: network.inputs,
    stepRule: network.stepRule,
    layers: network.layers,
    targets: lesson.targets,
  };
}

/** The truth table as `--json` prints it. */
export function rowsJson(rows: readonly TruthRow[]): JsonRow[] {
  return rows.map((row) => ({
    inputs: row.inputs,
    outputs: row.outputs,
    target: row.target,
    ok: row.isCorrect,
    onBoundary: row.isOnBoundary,
    layers: row.layers,
  }));
}
