import type { Grid } from '../core/grid.js';
import type { Lesson } from '../core/lesson.js';
import type { NeuronAddress } from '../core/network.js';
import { countCorrect, type TruthRow } from '../core/truth-table.js';
import type { Language, Messages } from '../i18n/messages.js';
import { boundaryLine } from '../core/boundary.js';
import { boundaryText } from './boundary.js';
import { formulaText } from './formula.js';
import { renderGrid } from './grid.js';
import { renderNetwork } from './network.js';
import { boundaryNote, renderTable } from './table.js';

/** Everything `--print` shows, computed once by the caller. */
export interface PrintView {
  lesson: Lesson;
  rows: TruthRow[];
  grid: Grid;
  /** The neuron whose formula and weighted sums are shown. */
  focus: NeuronAddress;
  language: Language;
  messages: Messages;
  /** `lesson k/N` when the lesson is a built-in one. */
  position?: { index: number; count: number };
  /** Panels left out, to pose a question ("what will the table show?"). */
  hidden?: readonly string[];
}

/** A lesson's title or notes in a language, English when untranslated. */
export function localText(
  text: { en: string; ja?: string },
  language: Language,
): string {
  return (language === 'ja' ? text.ja : undefined) ?? text.en;
}

/** The network, its truth table and its decision grid, as plain text. */
export function renderPrint(view: PrintView): string {
  const { lesson, rows, grid, messages } = view;
  const { network, targets } = lesson;
  const where = view.position
    ? ` (${view.position.index + 1}/${view.position.count})`
    : '';
  const right = targets
    ? `  ${messages.rowsRight(countCorrect(rows), rows.length)}`
    : '';
  const { xAxis, yAxis } = grid.options;
  const line = boundaryLine(network, view.focus, grid.options);
  const lineText = boundaryText(
    line,
    network.inputs[xAxis] ?? '',
    yAxis === null ? null : (network.inputs[yAxis] ?? ''),
    messages,
  );
  // Inputs off the grid's axes are 0 there, as on the screen.
  const held = network.inputs.filter(
    (_, input) => input !== xAxis && input !== yAxis,
  );
  const isShown = (panel: string) => !view.hidden?.includes(panel);
  const sections = [
    [`${lesson.name}${where}: ${localText(lesson.title, view.language)}`],
    isShown('network') && [
      messages.network,
      ...renderNetwork(network, messages),
    ],
    isShown('formula') && [formulaText(network, view.focus), lineText],
    isShown('table') && [
      `${messages.truthTable}${right}`,
      ...renderTable(network, rows, view.focus, messages),
      ...boundaryNote(rows, view.focus, network.stepRule, messages),
    ],
    isShown('grid') && [
      ...renderGrid(grid, network, targets, messages, {
        ...(yAxis !== null && view.focus === grid.options.neuron
          ? { line }
          : {}),
      }),
      ...(held.length > 0 ? [messages.heldAt(held.join(', '))] : []),
    ],
  ].filter((lines) => lines !== false);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
