import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** A run of text with one style. Colour only adds: the text says it all. */
export interface Segment {
  text: string;
  color?: string;
  isBold?: boolean;
  isDim?: boolean;
  isInverse?: boolean;
}

/** Props of `StyledLine`. */
export interface StyledLineProps {
  /** The runs of the line, already fitted to its width. */
  segments: readonly Segment[];
  /** False under --no-color or NO_COLOR: the text is drawn plain. */
  isColor: boolean;
}

/** One line of styled runs; never wraps, since its text is fitted. */
export function StyledLine({ segments, isColor }: StyledLineProps): ReactNode {
  if (!isColor) {
    return (
      <Text wrap="truncate-end">{segments.map((s) => s.text).join('')}</Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {segments.map((segment, index) => (
        <Text
          key={index}
          color={segment.color}
          bold={segment.isBold}
          dimColor={segment.isDim}
          inverse={segment.isInverse}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}

/** Props of `StyledLines`. */
export interface StyledLinesProps {
  /** The lines of a panel, each already fitted to `width`. */
  lines: readonly (readonly Segment[])[];
  width: number;
  height: number;
  isColor: boolean;
}

/** A panel of styled lines in a box of fixed size. */
export function StyledLines(props: StyledLinesProps): ReactNode {
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {props.lines.map((segments, index) => (
        <StyledLine key={index} segments={segments} isColor={props.isColor} />
      ))}
    </Box>
  );
}

/** A line of one run. */
export function plain(
  text: string,
  style: Omit<Segment, 'text'> = {},
): Segment[] {
  return [{ text, ...style }];
}

/** The text of a line, without its styles. */
export function lineText(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}
