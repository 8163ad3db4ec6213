import { Box } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { StyledLine } from './styled-line.js';
import { ELLIPSIS, fitToWidth, truncateToWidth, wrapText } from './text.js';

/** Props of `NotesPanel`. */
export interface NotesPanelProps {
  /** The lesson's notes in the screen's language. */
  text: string;
  width: number;
  height: number;
  isColor: boolean;
}

/** The notes wrapped to the panel; the last line shown ends in `…` if cut. */
export function notesLines(
  text: string,
  width: number,
  height: number,
): string[] {
  if (height <= 0) return [];
  const lines = wrapText(text.trim(), width);
  if (lines.length <= height) return lines;
  const shown = lines.slice(0, height);
  const last = shown.length - 1;
  const cut = truncateToWidth(shown[last] ?? '', width - 1);
  shown[last] = cut.endsWith(ELLIPSIS) ? cut : cut + ELLIPSIS;
  return shown;
}

/** The lesson's notes, in the room the other panels leave. */
export function NotesPanel(props: NotesPanelProps): ReactNode {
  const { text, width, height, isColor } = props;
  const lines = useMemo(
    () => notesLines(text, width, height),
    [text, width, height],
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, index) => (
        <StyledLine
          key={index}
          segments={[{ text: fitToWidth(line, width), isDim: true }]}
          isColor={isColor}
        />
      ))}
    </Box>
  );
}
