import { useApp, useInput } from 'ink';
import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
} from 'react';
import type { Panel } from '../command/args.js';
import type { Lesson } from '../core/lesson.js';
import { type Language, messagesFor } from '../i18n/messages.js';
import { performExport } from './export.js';
import { helpLines } from './help-overlay.js';
import { cleanTyped, type KeyContext, keyNames, reduceKeys } from './keymap.js';
import { isLargeEnough, screenLayout } from './layout.js';
import { planMiddle } from './middle-plan.js';
import { notesView } from './notes-panel.js';
import { performSave } from './save.js';
import { Screen } from './screen.js';
import {
  type Action,
  initialState,
  reduce,
  type SessionState,
} from './state.js';
import { useLiveTraining } from './use-live-training.js';
import { type TerminalSize, useTerminalSize } from './use-terminal-size.js';

/** Props of `App`. */
export interface AppProps {
  /** The built-in lessons in order. */
  lessons: readonly Lesson[];
  /** The lesson to open. */
  start: Lesson;
  /** Its place in `lessons`, or null for a user file. */
  startIndex: number | null;
  language: Language;
  /** False under --no-color or NO_COLOR. */
  isColor: boolean;
  /** A fixed terminal size, for tests; the real size otherwise. */
  size?: TerminalSize;
  /** The folder that relative save paths start from. */
  cwd?: string;
  /** The file the lesson was opened from, as typed; for a user file. */
  sourcePath?: string | null;
  /** Teacher's mode (--locked): values only, no structure editing. */
  isLocked?: boolean;
  /** Panels hidden with --hide. */
  hidden?: readonly Panel[];
}

/** What the app's reducer takes: an action, or keys to look up. */
type AppAction = Action | { type: 'keys'; keys: string[]; context: KeyContext };

/**
 * Keys are looked up in the keymap here, against the state they act on:
 * two keys in one chunk of input then see each other's effect.
 */
function appReducer(state: SessionState, action: AppAction): SessionState {
  return action.type === 'keys'
    ? reduceKeys(state, action.keys, action.context)
    : reduce(state, action);
}

/** The interactive playground: the session, its keys, and the screen. */
export function App(props: AppProps): ReactNode {
  const [state, dispatch] = useReducer(appReducer, props, initialState);
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const cwd = props.cwd ?? process.cwd();
  const { hidden } = state;

  const helpLimit = useMemo(() => {
    const messages = messagesFor(state.language);
    const { middle } = screenLayout(size);
    const lines = helpLines(messages, size.columns, state.isLocked);
    return Math.max(0, lines.length - middle + 1);
  }, [state.language, state.isLocked, size]);

  // One plan of the middle of the screen for each state: the screen draws
  // it, and PgUp/PgDn move the notes by a page of the panel it lays out.
  const { lesson, selection, language, grid, mode, notesScroll } = state;
  const plan = useMemo(
    () => planMiddle({ lesson, selection, language, grid, mode }, size, hidden),
    [lesson, selection, language, grid, mode, size, hidden],
  );
  const { notes: notesText, leftWidth, heights } = plan;
  const notes = useMemo(
    () =>
      notesView(
        notesText,
        notesScroll,
        messagesFor(language),
        leftWidth,
        heights.notes,
      ),
    [notesText, notesScroll, language, leftWidth, heights.notes],
  );

  useInput((input, key) => {
    const keys = keyNames(input, key);
    dispatch({
      type: 'keys',
      keys,
      context: {
        helpLimit,
        notesPage: notes.page,
        notesLimit: notes.limit,
        isWindowTooSmall: !isLargeEnough(size),
      },
    });
  });

  useEffect(() => {
    if (state.isQuitting) exit();
  }, [state.isQuitting, exit]);

  useLiveTraining(state, dispatch);

  // Saving touches the disk, so the reducer only asks for it.
  const { pendingSave } = state;
  useEffect(() => {
    if (!pendingSave) return;
    const perform = pendingSave.kind === 'numpy' ? performExport : performSave;
    dispatch(perform(pendingSave, lesson, cwd));
  }, [pendingSave, lesson, cwd]);

  const onDraftChange = useCallback((typed: string) => {
    const text = cleanTyped(typed);
    if (text !== null) dispatch({ type: 'edit-draft', text });
  }, []);

  return (
    <Screen
      state={state}
      plan={plan}
      size={size}
      isColor={props.isColor}
      onDraftChange={onDraftChange}
      hidden={hidden}
    />
  );
}
