import type { ReactNode } from 'react';
import type { Lesson } from '../core/lesson.js';
import type { Language, Messages } from '../i18n/messages.js';
import { localText } from '../render/print.js';
import { windowAround } from './scroll.js';
import { type Segment, StyledLines } from './styled-line.js';
import { fitToWidth } from './text.js';

/** Props of `PresetList`. */
export interface PresetListProps {
  lessons: readonly Lesson[];
  /** The highlighted line. */
  index: number;
  /** The lessons with unsaved changes, marked with `*` as in the header. */
  unsaved: ReadonlySet<number>;
  language: Language;
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
}

/** The list's lines: number, name and title, the highlighted one marked. */
export function presetListLines(
  props: Omit<PresetListProps, 'isColor'>,
): Segment[][] {
  const { lessons, index, unsaved, language, messages, width, height } = props;
  const nameWidth = Math.max(...lessons.map((lesson) => lesson.name.length));
  const lines: Segment[][] = [
    [{ text: fitToWidth(messages.presetListTitle, width), isBold: true }],
  ];
  const view = windowAround(lessons.length, height - 1, index);
  if (view.above > 0)
    lines.push([
      { text: fitToWidth(messages.moreAbove(view.above), width), isDim: true },
    ]);
  for (let i = view.start; i < view.end; i++) {
    const lesson = lessons[i];
    if (!lesson) continue;
    const isHere = i === index;
    const number = String(i + 1).padStart(2);
    const mark = `${isHere ? '>' : ' '}${unsaved.has(i) ? '*' : ' '}`;
    const text = `${mark} ${number}  ${lesson.name.padEnd(nameWidth)}  ${localText(lesson.title, language)}`;
    lines.push([
      {
        text: fitToWidth(text, width),
        color: isHere ? 'cyan' : undefined,
        isInverse: isHere,
      },
    ]);
  }
  if (view.below > 0)
    lines.push([
      { text: fitToWidth(messages.moreBelow(view.below), width), isDim: true },
    ]);
  return lines;
}

/** Every preset in lesson order; arrows and Enter open one. */
export function PresetList(props: PresetListProps): ReactNode {
  return (
    <StyledLines
      lines={presetListLines(props)}
      width={props.width}
      height={props.height}
      isColor={props.isColor}
    />
  );
}
