import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/messages.js';
import { groupsFor, isListed, labelText } from './keymap.js';
import type { Mode } from './state.js';
import { StyledLine } from './styled-line.js';
import { displayWidth, fitToWidth } from './text.js';

/** Props of `Footer`. */
export interface FooterProps {
  mode: Mode;
  messages: Messages;
  width: number;
  /** Lines of hints. */
  height: number;
  isColor: boolean;
  /** Teacher's mode: the keys that change the shape are left out. */
  isLocked?: boolean;
}

/**
 * Key hints of a mode, from the keymap, packed into lines; hints that do
 * not fit are left out (`?` lists every key).
 */
export function footerLines(
  mode: Mode,
  messages: Messages,
  width: number,
  height: number,
  isLocked = false,
): string[] {
  const groups = groupsFor(mode).filter((group) => isListed(group, isLocked));
  const ordered = [
    ...groups.filter((group) => group.isFooterFirst),
    ...groups.filter((group) => !group.isFooterFirst),
  ];
  const hints = ordered.flatMap((group) =>
    group.hint
      ? [
          `${labelText(group.footerLabel ?? group.label, messages)} ${messages[group.hint]}`,
        ]
      : [],
  );
  const lines: string[] = [];
  for (const hint of hints) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last}  ${hint}`) <= width - 1) {
      lines[lines.length - 1] = `${last}  ${hint}`;
    } else if (lines.length < height) {
      lines.push(` ${hint}`);
    }
  }
  while (lines.length < height) lines.push('');
  return lines.map((line) => fitToWidth(line, width));
}

/** The bottom lines: what the keys of the current mode do. */
export function Footer(props: FooterProps): ReactNode {
  const lines = footerLines(
    props.mode,
    props.messages,
    props.width,
    props.height,
    props.isLocked,
  );
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <StyledLine
          key={index}
          segments={[{ text: line, isDim: true }]}
          isColor={props.isColor}
        />
      ))}
    </Box>
  );
}
