import type { ReactNode } from 'react';
import type { Network } from '../core/network.js';
import type { Targets } from '../core/truth-table.js';
import type { Messages } from '../i18n/messages.js';
import { whyLines } from '../render/why.js';
import { type Segment, StyledLines } from './styled-line.js';
import { displayWidth, fitToWidth, wrapText } from './text.js';

/** Props of `WhyOverlay`. */
export interface WhyOverlayProps {
  network: Network;
  targets: Targets | null;
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
}

/**
 * The overlay's lines: a title, then `whyLines` wrapped to the width (an
 * inequality that fails is red, the contradiction bold), cut to `height`.
 */
export function whyOverlayLines(
  network: Network,
  targets: Targets | null,
  messages: Messages,
  width: number,
  height: number,
): Segment[][] {
  const lines = whyLines(network, targets, messages) ?? [];
  // What a row that fails ends with, whatever its sum.
  const failing = messages.whyNow('\0', false).split('\0').pop() ?? '';
  const shown: Segment[][] = [
    [{ text: fitToWidth(messages.whyTitle, width), isBold: true }],
    [{ text: fitToWidth('', width) }],
  ];
  lines.forEach((line, index) => {
    const isRow = line.startsWith('  (');
    const isLast = index === lines.length - 1;
    const color =
      isRow && failing !== '' && line.endsWith(failing) ? 'red' : undefined;
    for (const part of wrapKeepingIndent(line, width)) {
      shown.push([
        { text: fitToWidth(part, width), color, isBold: isLast && !isRow },
      ]);
    }
  });
  return shown.slice(0, height);
}

/** A line as it is when it fits; else wrapped, its indent kept. */
function wrapKeepingIndent(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  return wrapText(line.trim(), width - indent.length).map(
    (part) => indent + part,
  );
}

/** `w`: why one step neuron can or cannot meet its targets. */
export function WhyOverlay(props: WhyOverlayProps): ReactNode {
  const lines = whyOverlayLines(
    props.network,
    props.targets,
    props.messages,
    props.width,
    props.height,
  );
  return (
    <StyledLines
      lines={lines}
      width={props.width}
      height={props.height}
      isColor={props.isColor}
    />
  );
}
