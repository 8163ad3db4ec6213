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
  /** Said, dimmed, when there is no message and no field is open. */
  hint?: string;
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

/** The field's label, cut to at most half the width. */
function fieldLabel(label: string, width: number): string {
  return truncateToWidth(label, Math.floor(width / 2));
}

/** The columns left beside the label and the text for the field's note. */
function roomBeside(label: string, draft: Draft, width: number): number {
  const shown = draftText(draft);
  return (
    width - displayWidth(fieldLabel(label, width)) - displayWidth(shown) - 4
  );
}

/**
 * True when the field's error does not fit beside what was typed (a long
 * path): it then takes the line under the field, so it is never hidden.
 */
export function isErrorBelow(
  label: string,
  draft: Draft,
  width: number,
): boolean {
  const { error } = draft;
  return (
    error !== null && displayWidth(error) > roomBeside(label, draft, width)
  );
}

/**
 * A one-line text field. It takes every key while it is open (the
 * keymap sends only Enter, Esc and Ctrl+C to the app); a refused value
 * keeps it open with the reason beside it, or under it when it does not
 * fit there. Until something is typed it shows the prefilled text, which
 * typing replaces and Enter takes.
 */
export function TextField(props: TextFieldProps): ReactNode {
  const { label, draft, hint, width, isColor, onChange } = props;
  const isBelow = isErrorBelow(label, draft, width);
  const beside = isBelow ? hint : (draft.error ?? hint);
  const room = Math.max(0, roomBeside(label, draft, width));
  const color = isColor ? 'red' : undefined;
  return (
    <Box flexDirection="column">
      <Box width={width} height={1} overflow="hidden">
        <Box flexShrink={0}>
          <Text>{fieldLabel(label, width)} </Text>
        </Box>
        <TextInput
          value={draft.text}
          placeholder={draft.prefill}
          onChange={onChange}
        />
        <Text
          wrap="truncate-end"
          color={!isBelow && draft.error ? color : undefined}
        >
          {'  '}
          {truncateToWidth(beside, room)}
        </Text>
      </Box>
      {isBelow && (
        <Text wrap="truncate-end" color={color}>
          {truncateToWidth(draft.error ?? '', width)}
        </Text>
      )}
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

/** The label, hint and draft of the open field. */
function fieldProps(state: SessionState, messages: Messages) {
  const isValue = state.mode === 'edit-value';
  return {
    label: isValue ? editLabel(state, messages) : messages.savePrompt,
    hint: isValue ? messages.fieldHint : messages.saveHint,
    draft: state.draft,
  };
}

/**
 * The lines of the status message, wrapped: one normally, more for a long
 * message (taking lines of the footer); one for an open field, two when
 * its error goes under it; the hint, cut to one line, when there is no
 * message.
 */
export function statusLines(
  state: SessionState,
  messages: Messages,
  width: number,
  hint = '',
): string[] {
  if (isFieldOpen(state)) {
    const { label, draft } = fieldProps(state, messages);
    return isErrorBelow(label, draft, width) ? ['', ''] : [''];
  }
  if (!state.status && hint) return [truncateToWidth(hint, width)];
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
    return (
      <TextField
        {...fieldProps(state, messages)}
        width={width}
        isColor={isColor}
        onChange={onDraftChange}
      />
    );
  }
  const tone = state.status?.tone;
  const color =
    tone === 'error' ? 'red' : tone === 'info' ? 'green' : undefined;
  const isDim = !state.status;
  return (
    <Box flexDirection="column">
      {statusLines(state, messages, width, props.hint).map((line, index) => (
        <StyledLine
          key={index}
          segments={[{ text: fitToWidth(line, width), color, isDim }]}
          isColor={isColor}
        />
      ))}
    </Box>
  );
}
