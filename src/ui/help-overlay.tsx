import type { ReactNode } from 'react';
import type { Messages } from '../i18n/messages.js';
import {
  isListed,
  KEYMAP,
  type KeyGroup,
  labelText,
  type TextKey,
} from './keymap.js';
import type { Mode } from './state.js';
import { type Segment, StyledLines } from './styled-line.js';
import { displayWidth, fitToWidth, padToWidth } from './text.js';

/** The sections of help: the modes whose keys it lists, with a title. */
const SECTIONS: { mode: Mode; title: TextKey }[] = [
  { mode: 'normal', title: 'helpTitle' },
  { mode: 'rate', title: 'helpRateTitle' },
  { mode: 'targets', title: 'helpTargetsTitle' },
  { mode: 'preset-list', title: 'helpListTitle' },
];

/** Props of `HelpOverlay`. */
export interface HelpOverlayProps {
  /** The first line shown. */
  scroll: number;
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
  /** Teacher's mode: the keys that change the shape are left out. */
  isLocked?: boolean;
}

/** Every line of help: each section's title, then its keys. */
export function helpLines(
  messages: Messages,
  width: number,
  isLocked = false,
): Segment[][] {
  const lines: Segment[][] = [];
  const listed = new Set<KeyGroup>();
  for (const section of SECTIONS) {
    // A key listed in an earlier section is not listed again.
    const groups = KEYMAP.filter(
      (group) =>
        !group.isHidden &&
        isListed(group, isLocked) &&
        !listed.has(group) &&
        group.modes.includes(section.mode),
    );
    groups.forEach((group) => listed.add(group));
    if (groups.length === 0) continue;
    if (lines.length > 0) lines.push([{ text: fitToWidth('', width) }]);
    lines.push([
      { text: fitToWidth(messages[section.title], width), isBold: true },
    ]);
    const labelWidth =
      Math.max(
        ...groups.map((group) =>
          displayWidth(labelText(group.label, messages)),
        ),
      ) + 2;
    for (const group of groups) {
      lines.push([
        {
          text: padToWidth(
            `  ${labelText(group.label, messages)}`,
            labelWidth + 2,
          ),
          color: 'cyan',
        },
        { text: fitToWidth(messages[group.help], width - labelWidth - 2) },
      ]);
    }
  }
  return lines;
}

/**
 * The lines of help shown from `scroll`, with a last line that says how
 * to scroll when they do not all fit.
 */
export function helpView(
  messages: Messages,
  scroll: number,
  width: number,
  height: number,
  isLocked = false,
): Segment[][] {
  const lines = helpLines(messages, width, isLocked);
  if (lines.length <= height) return lines;
  const room = height - 1;
  const start = Math.min(scroll, lines.length - room);
  return [
    ...lines.slice(start, start + room),
    [{ text: fitToWidth(messages.helpMore, width), isDim: true }],
  ];
}

/** Every key with what it does, drawn from the keymap. */
export function HelpOverlay(props: HelpOverlayProps): ReactNode {
  const lines = helpView(
    props.messages,
    props.scroll,
    props.width,
    props.height,
    props.isLocked,
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
