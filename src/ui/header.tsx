import { basename } from 'node:path';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/messages.js';
import { localText } from '../render/print.js';
import { lessonFile, type SessionState } from './state.js';
import { StyledLine } from './styled-line.js';
import { displayWidth, padToWidth, truncateToWidth } from './text.js';

/** Props of `Header`. */
export interface HeaderProps {
  state: SessionState;
  messages: Messages;
  width: number;
  isColor: boolean;
}

/**
 * The header's text: where the lesson stands (`lesson 1/15`, or the name
 * of the file it was opened from or last saved to), its title with `*`
 * when there are unsaved changes, then the step rule (when a layer is
 * step) and the nudge step on the right.
 */
export function headerText(
  state: SessionState,
  messages: Messages,
  width: number,
): string {
  const { lesson, lessonIndex, lessons } = state;
  const file = lessonFile(state);
  const where =
    lessonIndex === null
      ? messages.headerFile(file ? basename(file) : lesson.name)
      : messages.headerLesson(lessonIndex + 1, lessons.length);
  const title = localText(lesson.title, state.language);
  // A long title is cut before the `*`, so that the mark always shows.
  const mark = state.isDirty ? ' *' : '';
  // The step rule, only where a step neuron follows it.
  const { network } = lesson;
  const hasStep = network.layers.some((layer) => layer.activation === 'step');
  const rule = hasStep ? `${messages.headerRule(network.stepRule)}  ` : '';
  const right = `${rule}${messages.headerStep(String(state.stepSize))} `;
  const room = width - displayWidth(right) - 1;
  const left =
    truncateToWidth(` nn-tui  ${where}  ${title}`, room - mark.length) + mark;
  return padToWidth(`${padToWidth(left, room)} ${right}`, width);
}

/** The top line of the screen. */
export function Header({
  state,
  messages,
  width,
  isColor,
}: HeaderProps): ReactNode {
  return (
    <StyledLine
      segments={[
        {
          text: headerText(state, messages, width),
          isInverse: true,
          isBold: true,
        },
      ]}
      isColor={isColor}
    />
  );
}
