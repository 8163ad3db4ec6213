import { type ReactNode, useMemo } from 'react';
import type { Messages } from '../i18n/messages.js';
import { type Segment, StyledLines } from './styled-line.js';
import { fitToWidth, wrapText } from './text.js';

/** Props of `NotesPanel`. */
export interface NotesPanelProps {
  /** The lesson's notes in the screen's language. */
  text: string;
  /** The first line shown; PgUp/PgDn move it. */
  scroll: number;
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
}

/** The lines of notes shown, and how PgUp/PgDn move through the rest. */
export interface NotesView {
  /** The lines drawn, the marker line last when the notes are cut. */
  lines: Segment[][];
  /** Lines of notes a page shows: what PgUp/PgDn move by. */
  page: number;
  /** The last line that can be at the top. */
  limit: number;
}

/**
 * The notes wrapped to the panel by display width. Notes longer than the
 * panel show a page from `scroll` and a last line that says where the page
 * is and which key shows the rest.
 */
export function notesView(
  text: string,
  scroll: number,
  messages: Messages,
  width: number,
  height: number,
): NotesView {
  if (height <= 0) return { lines: [], page: 1, limit: 0 };
  const all = wrapText(text.trim(), width);
  const plain = (line: string): Segment[] => [
    { text: fitToWidth(line, width), isDim: true },
  ];
  if (all.length <= height) {
    return { lines: all.map(plain), page: height, limit: 0 };
  }
  const page = Math.max(1, height - 1);
  const limit = all.length - page;
  const start = Math.min(Math.max(0, scroll), limit);
  const shown = all.slice(start, start + page).map(plain);
  const marker = messages.notesMore(
    start + 1,
    start + page,
    all.length,
    start < limit,
  );
  if (height > 1) {
    shown.push([{ text: fitToWidth(marker, width), color: 'cyan' }]);
  }
  return { lines: shown, page, limit };
}

/** The lesson's notes, in the room the other panels leave. */
export function NotesPanel(props: NotesPanelProps): ReactNode {
  const { text, scroll, messages, width, height, isColor } = props;
  const { lines } = useMemo(
    () => notesView(text, scroll, messages, width, height),
    [text, scroll, messages, width, height],
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
