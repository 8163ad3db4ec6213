import { type ReactNode, useMemo } from 'react';
import type { Network } from '../core/network.js';
import type { Messages } from '../i18n/messages.js';
import { renderNetwork, type Selection } from '../render/network.js';
import { windowAround } from './scroll.js';
import { type Segment, StyledLines } from './styled-line.js';
import { displayWidth, ELLIPSIS, fitToWidth, sliceColumns } from './text.js';

/** Props of `NetworkPanel`. */
export interface NetworkPanelProps {
  network: Network;
  selection: Selection;
  messages: Messages;
  width: number;
  /** Lines, title included. */
  height: number;
  isColor: boolean;
}

/**
 * The network panel's lines: the title, then the lines of `renderNetwork`
 * (the same as `--print`). A network too tall scrolls to keep the selected
 * neuron in view; one too wide shifts sideways to keep the selected value
 * in view.
 */
export function networkLines(
  network: Network,
  selection: Selection,
  messages: Messages,
  width: number,
  height: number,
): Segment[][] {
  const lines = renderNetwork(network, messages, selection);
  const focus = Math.max(
    0,
    lines.findIndex((line) => line.startsWith('>')),
  );
  const shift = sideShift(lines[focus] ?? '', width);
  const view = windowAround(lines.length, height - 1, focus);
  const shown: Segment[][] = [
    [{ text: fitToWidth(messages.network, width), isBold: true }],
  ];
  if (view.above > 0) {
    shown.push([
      { text: fitToWidth(messages.moreAbove(view.above), width), isDim: true },
    ]);
  }
  for (let index = view.start; index < view.end; index++) {
    shown.push(styleLine(lines[index] ?? '', shift, width, index === focus));
  }
  if (view.below > 0) {
    shown.push([
      { text: fitToWidth(messages.moreBelow(view.below), width), isDim: true },
    ]);
  }
  return shown;
}

/**
 * How many columns to hide on the left so that the selected value, in
 * brackets, ends inside the panel.
 */
function sideShift(line: string, width: number): number {
  const close = line.indexOf(']');
  if (close < 0) return 0;
  const end = displayWidth(line.slice(0, close + 1));
  return end + 1 > width ? end + 2 - width : 0;
}

function styleLine(
  line: string,
  shift: number,
  width: number,
  isSelected: boolean,
): Segment[] {
  let text =
    shift > 0 ? ELLIPSIS + sliceColumns(line, shift + 1, width - 1) : line;
  text = fitToWidth(text, width);
  if (!isSelected) {
    return [{ text, isBold: !line.startsWith(' ') }];
  }
  const open = text.indexOf('[');
  const close = text.indexOf(']', open);
  if (open < 0 || close < 0) return [{ text, color: 'cyan' }];
  return [
    { text: text.slice(0, open), color: 'cyan', isBold: true },
    {
      text: text.slice(open, close + 1),
      color: 'cyan',
      isInverse: true,
      isBold: true,
    },
    { text: text.slice(close + 1), color: 'cyan' },
  ];
}

/** Layers, neurons, weights and biases, the selected value in brackets. */
export function NetworkPanel(props: NetworkPanelProps): ReactNode {
  const { network, selection, messages, width, height, isColor } = props;
  const lines = useMemo(
    () => networkLines(network, selection, messages, width, height),
    [network, selection, messages, width, height],
  );
  return (
    <StyledLines
      lines={lines}
      width={width}
      height={height}
      isColor={isColor}
    />
  );
}
