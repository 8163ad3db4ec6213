import { type ReactNode, useMemo } from 'react';
import { significant } from '../core/number.js';
import type { Network } from '../core/network.js';
import type { UpdateDetails } from '../core/train.js';
import type { Messages } from '../i18n/messages.js';
import { inputNames, variableName } from '../render/formula.js';
import { lossCurve } from '../render/loss-curve.js';
import { biasNameBeside } from '../render/network.js';
import type { LeftHeights } from './layout.js';
import { type Segment, StyledLines } from './styled-line.js';
import type { SessionChange, TrainingSession } from './training.js';
import { displayWidth, ELLIPSIS, truncateToWidth, wrapText } from './text.js';

/** The fewest lines the training panel gets: title, progress, curve. */
export const TRAINING_MIN_LINES = 3;

/** The fewest lines the network and table panels give up room down to. */
const MIN_PANEL_LINES = 4;

/** Props of `TrainingPanel`. */
export interface TrainingPanelProps {
  training: TrainingSession;
  /** What was edited since the session's last step (`changeSince`). */
  change: SessionChange;
  /** The network on the screen, for the names of neurons and inputs. */
  network: Network;
  /** True while R has the learning rate selected. */
  isRateSelected: boolean;
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
}

/** A number with its sign: +1, -0.5, and 0 without one. */
export function signedNumber(value: number): string {
  const text = significant(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** Segments cut and padded to exactly `width` columns together. */
function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const fitted: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    const text = truncateToWidth(segment.text, width - used);
    if (text === '') break;
    fitted.push({ ...segment, text });
    used += displayWidth(text);
  }
  if (used < width) fitted.push({ text: ' '.repeat(width - used) });
  return fitted;
}

/** The title: rule and learning rate (in brackets when selected). */
function titleLine(
  training: TrainingSession,
  isRateSelected: boolean,
  messages: Messages,
): Segment[] {
  const rule = messages.trainingRule(training.rule);
  const rate = String(training.learningRate);
  const title = `${messages.trainingTitle}  ${rule}  ${messages.trainingRate} `;
  return [
    { text: title, isBold: true },
    isRateSelected
      ? { text: `[${rate}]`, color: 'cyan', isInverse: true, isBold: true }
      : { text: rate, isBold: true },
    ...(training.isRunning
      ? [{ text: `  ${messages.trainingRunning}`, color: 'green' }]
      : []),
  ];
}

/** Epoch, loss and rows right. */
function progressLine(
  training: TrainingSession,
  network: Network,
  messages: Messages,
): string {
  const { epoch, loss, accuracy } = training.state;
  const rows = 2 ** network.inputs.length;
  const right = messages.rowsRight(Math.round(accuracy * rows), rows);
  return messages.trainingProgress(epoch, significant(loss), right);
}

/**
 * What one update did, for a teacher to walk through: the row with its
 * output, target and error (every row's errors in full batch), then the
 * change to each weight and bias of each neuron.
 */
export function updateLines(
  details: UpdateDetails,
  network: Network,
  messages: Messages,
): string[] {
  const values = (numbers: readonly number[], show = significant) =>
    numbers.map((value) => show(value)).join(' ');
  const [only] = details.rows;
  const rowLine =
    details.rows.length === 1 && only
      ? messages.trainingRow(
          only.inputs.join(', '),
          values(only.outputs),
          values(only.target),
          values(only.error, signedNumber),
        )
      : messages.trainingBatch(
          details.rows.length,
          details.rows.map((row) => values(row.error, signedNumber)).join(' '),
        );
  const isUnchanged = details.changes.every((layer) =>
    layer.every(
      (neuron) => neuron.bias === 0 && neuron.weights.every((w) => w === 0),
    ),
  );
  if (isUnchanged) return [rowLine, messages.trainingNoChange];
  const changeLines = details.changes.flatMap((layer, layerIndex) => {
    const names = inputNames(network, layerIndex);
    return layer.map((change, neuron) => {
      const parts = [
        ...change.weights.map(
          (value, i) => `${names[i] ?? '?'} ${signedNumber(value)}`,
        ),
        `${biasNameBeside(names, messages)} ${signedNumber(change.bias)}`,
      ];
      const name = variableName(network, { layer: layerIndex, neuron });
      return messages.trainingChange(name, parts.join('  '));
    });
  });
  return [rowLine, ...changeLines];
}

/** The loss curve, after its label, to the panel's width. */
function curveLine(
  training: TrainingSession,
  messages: Messages,
  width: number,
): Segment[] {
  const label = `${messages.trainingLoss} `;
  const room = width - displayWidth(label);
  return [
    { text: label, isDim: true },
    { text: lossCurve(training.state.lossHistory, room), color: 'yellow' },
  ];
}

/**
 * The panel's lines, most important first, cut to `height`: the title,
 * the progress, what the last single update did, the loss curve, and what
 * the core said (converged, overflowed, no line splits the targets). After
 * an edit, the progress and what the core said would describe a network no
 * longer on the screen: a line saying what the next step does replaces
 * them.
 */
export function trainingLines(
  training: TrainingSession,
  network: Network,
  isRateSelected: boolean,
  messages: Messages,
  width: number,
  height: number,
  change: SessionChange = 'none',
): Segment[][] {
  if (height <= 0 || width <= 0) return [];
  const { lastUpdate, state } = training;
  const tone = state.hasOverflowed ? 'red' : 'green';
  const isCurrent = change === 'none';
  const outcome = state.outcome && messages.trainingOutcome(state.outcome);
  const news = isCurrent
    ? (outcome ?? '')
    : messages.trainingEditedSince(state.epoch, change === 'problem');
  const lines: Segment[][] = [
    titleLine(training, isRateSelected, messages),
    ...(isCurrent
      ? [[{ text: progressLine(training, network, messages) }]]
      : []),
    ...(lastUpdate && isCurrent
      ? updateLines(lastUpdate, network, messages)
      : []
    ).map((text) => [{ text }]),
    curveLine(training, messages, width),
    ...wrapText(news, width)
      .filter((text) => text !== '')
      .map((text) => [{ text, color: isCurrent ? tone : 'yellow' }]),
  ];
  const shown = lines.slice(0, height);
  const last = shown.at(-1);
  if (lines.length > height && last) {
    const text = last.map((segment) => segment.text).join('');
    const cut = truncateToWidth(text, width - 1);
    shown[shown.length - 1] = [
      { text: cut.endsWith(ELLIPSIS) ? cut : cut + ELLIPSIS },
    ];
  }
  return shown.map((segments) => fitSegments(segments, width));
}

/**
 * The left column's heights with the training panel in place of the
 * notes. It takes the room the notes had, and when that is less than
 * `TRAINING_MIN_LINES`, lines of the network panel (which scrolls to keep
 * the selection in view) and then of the table.
 */
export function trainingHeights(
  height: number,
  heights: LeftHeights,
): LeftHeights {
  const { network, table } = heights;
  const above = network + table + (network > 0 && table > 0 ? 1 : 0);
  const free = height - above - (above > 0 ? 1 : 0);
  let missing = Math.max(0, TRAINING_MIN_LINES - free);
  const fromNetwork = Math.min(missing, Math.max(0, network - MIN_PANEL_LINES));
  missing -= fromNetwork;
  const fromTable = Math.min(missing, Math.max(0, table - MIN_PANEL_LINES));
  return {
    network: network - fromNetwork,
    table: table - fromTable,
    notes: Math.max(0, free + fromNetwork + fromTable),
  };
}

/** Rule, rate, epoch, loss, accuracy, the last update and the loss curve. */
export function TrainingPanel(props: TrainingPanelProps): ReactNode {
  const { training, network, isRateSelected, messages, width, height } = props;
  const { change } = props;
  const lines = useMemo(
    () =>
      trainingLines(
        training,
        network,
        isRateSelected,
        messages,
        width,
        height,
        change,
      ),
    [training, network, isRateSelected, messages, width, height, change],
  );
  return (
    <StyledLines
      lines={lines}
      width={width}
      height={height}
      isColor={props.isColor}
    />
  );
}
