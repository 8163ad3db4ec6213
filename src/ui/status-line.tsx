import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/messages.js';
import { inputNames, shownName } from '../render/formula.js';
import { type Draft, draftText, type SessionState } from './state.js';
import { FIXED_LINES } from './layout.js';
import { StyledLine } from './styled-line.js';
import { displayWidth, fitToWidth, truncateToWidth, wrapText } from './text.js';

/** Props of `StatusLine`. */
export interface StatusLineProps {
  state: SessionState;
  messages: Messages;
  width: number;
  isColor: boolean;
  /** Called with the field's text on every change. */
  onDraftChange: (text: string) => void;
}

/** Props of `TextField`. */
export interface TextFieldProps {
  /** What is being typed, such as `b of y AND:`. */
  label: string;
  draft: Draft;
  /** What Enter and Esc do, shown while there is no error. */
  hint: string;
  width: number;
  isColor: boolean;
  onChange: (text: string) => void;
}

/**
 * A one-line text field. It takes every key while it is open (the
 * keymap sends only Enter, Esc and Ctrl+C to the app); a refused value
 * keeps it open with the reason beside it. Until something is typed it
 * shows the prefilled text, which typing replaces and Enter takes.
 */
export function TextField(props: TextFieldProps): ReactNode {
  const { label, draft, hint, width, isColor, onChange } = props;
  const note = draft.error ?? hint;
  const labelText = truncateToWidth(label, Math.floor(width / 2));
  const shown = draftText(draft);
  const room = width - displayWidth(labelText) - displayWidth(shown) - 4;
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate-end">{labelText} </Text>
      <TextInput
        value={draft.text}
        placeholder={draft.prefill}
        onChange={onChange}
      />
      <Text
        wrap="truncate-end"
        color={isColor && draft.error ? 'red' : undefined}
      >
        {'  '}
        {truncateToWidth(note, Math.max(0, room))}
      </Text>
    </Box>
  );
}

/** The name of the selected value for the field: `bias of y AND:`. */
export function editLabel(state: SessionState, messages: Messages): string {
  const { network } = state.lesson;
  const { selection } = state;
  const value =
    selection.value === 'bias'
      ? messages.biasName
      : messages.weightFrom(
          inputNames(network, selection.layer)[selection.value] ?? '?',
        );
  return messages.editValueOf(value, shownName(network, selection));
}

/** True while a text field is open under the formula. */
function isFieldOpen(state: SessionState): boolean {
  return state.mode === 'edit-value' || state.mode === 'save-path';
}

/**
 * The most lines a status message takes: its own and the footer's, which
 * it covers until the next key. The longest messages (why backprop cannot
 * train a network) fit in three lines of 80 columns.
 */
const MAX_STATUS_LINES = FIXED_LINES.status + FIXED_LINES.footer;

/**
 * The lines of the status message, wrapped: one normally, more for a long
 * message (taking lines of the footer); one for an open field.
 */
export function statusLines(state: SessionState, width: number): string[] {
  if (isFieldOpen(state)) return [''];
  const lines = wrapText(state.status?.text ?? '', width);
  if (lines.length <= MAX_STATUS_LINES) return lines;
  const kept = lines.slice(0, MAX_STATUS_LINES - 1);
  const rest = lines.slice(MAX_STATUS_LINES - 1).join(' ');
  return [...kept, truncateToWidth(rest, width)];
}

/** The line under the formula: the status message, or an open field. */
export function StatusLine(props: StatusLineProps): ReactNode {
  const { state, messages, width, isColor, onDraftChange } = props;
  if (isFieldOpen(state)) {
    const isValue = state.mode === 'edit-value';
    return (
      <TextField
        label={isValue ? editLabel(state, messages) : messages.savePrompt}
        draft={state.draft}
        hint={isValue ? messages.fieldHint : messages.saveHint}
        width={width}
        isColor={isColor}
        onChange={onDraftChange}
      />
    );
  }
  const color = state.status?.tone === 'error' ? 'red' : 'green';
  return (
    <Box flexDirection="column">
      {statusLines(state, width).map((line, index) => (
        <StyledLine
          key={index}
          segments={[{ text: fitToWidth(line, width), color }]}
          isColor={isColor}
        />
      ))}
    </Box>
  );
}
