import type { Key } from 'ink';
import type { Messages } from '../i18n/messages.js';
import {
  isTextMode,
  reduce,
  type Action,
  type Mode,
  type SessionState,
} from './state.js';

// The one table of keys. Each group is one line of help: the keys as
// shown, what they do, and the action each key sends. The help overlay
// and the footer are drawn from this table, so a key added here shows in
// both. A key is named as `keyName` names it: a character such as `q` or
// `N`, or `up`, `down`, `left`, `right`, `enter`, `escape`, `space`,
// `pageup`, `pagedown`, `ctrl+c`; `other` stands for any key that no
// group of the mode takes.

/** The keys of `Messages` whose value is plain text. */
export type TextKey = {
  [K in keyof Messages]: Messages[K] extends string ? K : never;
}[keyof Messages];

/** Some keys and the action they send. */
export interface Binding {
  keys: readonly string[];
  action: Action;
}

/**
 * Keys as a person reads them: a string of key caps such as `+ / -`, or,
 * when words are part of it ("up/down"), a function of the language.
 */
export type KeyLabel = string | ((messages: Messages) => string);

/** The text of a key label in a language. */
export function labelText(label: KeyLabel, messages: Messages): string {
  return typeof label === 'string' ? label : label(messages);
}

/** One line of help: keys that belong together, such as `+ / -`. */
export interface KeyGroup {
  /** The keys as help shows them. */
  label: KeyLabel;
  /** What the keys do. */
  help: TextKey;
  /** Shown in the footer of these modes as `footerLabel hint`. */
  hint?: TextKey;
  /** The keys as the footer shows them, when shorter than `label`. */
  footerLabel?: KeyLabel;
  /** The modes in which the keys act. */
  modes: readonly Mode[];
  bindings: readonly Binding[];
  /** Left out of help: keys that every text field has. */
  isHidden?: boolean;
  /** Put first in the footer, so that it shows whatever else is cut. */
  isFooterFirst?: boolean;
  /**
   * Changes the network's shape (or its targets): left out of help and
   * the footer in teacher's mode (--locked), where the reducer refuses it.
   */
  isStructure?: boolean;
}

/** Every mode, for keys that work everywhere. */
export const ALL_MODES: readonly Mode[] = [
  'normal',
  'rate',
  'edit-value',
  'targets',
  'preset-list',
  'help',
  'save-path',
  'confirm-overwrite',
  'confirm-quit',
  'why',
];

const NORMAL: readonly Mode[] = ['normal'];

/** Lines of help that PgUp and PgDn scroll by: most of a small screen. */
const HELP_PAGE = 10;
const FIELDS: readonly Mode[] = ['edit-value', 'save-path'];

/**
 * The keys of the playground, in the order help lists them. The footer
 * shows the groups that have a hint, in this order, as many as its two
 * lines hold: `< >` (the header shows the step) and `o` have none, and at
 * 80 columns the last ones (`s`, `w`, `S`, `J`, `E`) show only when
 * `--locked` leaves out the structure keys.
 */
export const KEYMAP: readonly KeyGroup[] = [
  {
    label: (m) => `${m.keyNameUpDown} k/j`,
    footerLabel: (m) => m.keyNameArrows,
    help: 'keySelectNeuron',
    hint: 'hintSelect',
    modes: NORMAL,
    bindings: [
      { keys: ['up', 'k'], action: { type: 'move-neuron', delta: -1 } },
      { keys: ['down', 'j'], action: { type: 'move-neuron', delta: 1 } },
    ],
  },
  {
    label: (m) => `${m.keyNameLeftRight} h/l`,
    help: 'keySelectValue',
    modes: NORMAL,
    bindings: [
      { keys: ['left', 'h'], action: { type: 'move-value', delta: -1 } },
      { keys: ['right', 'l'], action: { type: 'move-value', delta: 1 } },
    ],
  },
  {
    label: '+ / -',
    footerLabel: '+/-',
    help: 'keyNudge',
    hint: 'hintNudge',
    modes: NORMAL,
    bindings: [
      { keys: ['+'], action: { type: 'nudge', direction: 1 } },
      { keys: ['-'], action: { type: 'nudge', direction: -1 } },
    ],
  },
  {
    label: '< / >',
    help: 'keyStepSize',
    modes: NORMAL,
    bindings: [
      { keys: ['<'], action: { type: 'change-step', direction: -1 } },
      { keys: ['>'], action: { type: 'change-step', direction: 1 } },
    ],
  },
  {
    label: 'Enter e',
    footerLabel: 'e',
    help: 'keyTypeValue',
    hint: 'hintTypeValue',
    modes: NORMAL,
    bindings: [{ keys: ['enter', 'e'], action: { type: 'start-edit' } }],
  },
  {
    label: '0',
    help: 'keyZero',
    modes: NORMAL,
    bindings: [{ keys: ['0'], action: { type: 'zero-value' } }],
  },
  {
    label: (m) => `t . ${m.keyNameSpace} r`,
    footerLabel: (m) => `t/${m.keyNameSpace}`,
    help: 'keyTrain',
    hint: 'hintTrain',
    modes: ['normal', 'rate'],
    bindings: [
      { keys: ['t'], action: { type: 'train-epoch' } },
      { keys: ['.'], action: { type: 'train-update' } },
      { keys: ['space'], action: { type: 'toggle-live' } },
      { keys: ['r'], action: { type: 'reset-training' } },
    ],
  },
  {
    label: 'R',
    help: 'keyRate',
    modes: NORMAL,
    bindings: [{ keys: ['R'], action: { type: 'select-rate' } }],
  },
  {
    label: 'n / p',
    footerLabel: 'n/p',
    help: 'keyPreset',
    hint: 'hintPreset',
    modes: NORMAL,
    bindings: [
      { keys: ['n'], action: { type: 'change-lesson', delta: 1 } },
      { keys: ['p'], action: { type: 'change-lesson', delta: -1 } },
    ],
  },
  {
    label: 'o',
    help: 'keyPresetList',
    modes: NORMAL,
    bindings: [{ keys: ['o'], action: { type: 'open-preset-list' } }],
  },
  {
    label: 'a',
    help: 'keyActivation',
    isStructure: true,
    hint: 'hintActivation',
    modes: NORMAL,
    bindings: [{ keys: ['a'], action: { type: 'cycle-activation' } }],
  },
  {
    label: 'N / D',
    footerLabel: 'N/D',
    help: 'keyNeuron',
    isStructure: true,
    hint: 'hintNeuron',
    modes: NORMAL,
    bindings: [
      { keys: ['N'], action: { type: 'add-neuron' } },
      { keys: ['D'], action: { type: 'delete-neuron' } },
    ],
  },
  {
    label: 'L / X',
    footerLabel: 'L/X',
    help: 'keyLayer',
    isStructure: true,
    hint: 'hintLayer',
    modes: NORMAL,
    bindings: [
      { keys: ['L'], action: { type: 'add-layer' } },
      { keys: ['X'], action: { type: 'delete-layer' } },
    ],
  },
  {
    label: 'i / I',
    footerLabel: 'i/I',
    help: 'keyInput',
    isStructure: true,
    hint: 'hintInput',
    modes: NORMAL,
    bindings: [
      { keys: ['i'], action: { type: 'add-input' } },
      { keys: ['I'], action: { type: 'remove-input' } },
    ],
  },
  {
    label: 'g',
    help: 'keyGrid',
    hint: 'hintGrid',
    modes: NORMAL,
    bindings: [{ keys: ['g'], action: { type: 'cycle-grid' } }],
  },
  {
    label: 'x / y',
    help: 'keyAxes',
    modes: NORMAL,
    bindings: [
      { keys: ['x'], action: { type: 'cycle-axis', axis: 'x' } },
      { keys: ['y'], action: { type: 'cycle-axis', axis: 'y' } },
    ],
  },
  {
    label: 'm',
    help: 'keyTargets',
    isStructure: true,
    hint: 'hintTargets',
    modes: NORMAL,
    bindings: [{ keys: ['m'], action: { type: 'edit-targets' } }],
  },
  {
    label: 'u / U',
    footerLabel: 'u/U',
    help: 'keyUndo',
    hint: 'hintUndo',
    modes: ['normal', 'targets'],
    bindings: [
      { keys: ['u'], action: { type: 'undo' } },
      { keys: ['U'], action: { type: 'redo' } },
    ],
  },
  {
    label: 's',
    help: 'keySave',
    hint: 'hintSave',
    modes: NORMAL,
    bindings: [{ keys: ['s'], action: { type: 'start-save' } }],
  },
  {
    label: 'w',
    help: 'keyWhy',
    hint: 'hintWhy',
    modes: NORMAL,
    bindings: [{ keys: ['w'], action: { type: 'show-why' } }],
  },
  {
    label: 'S',
    help: 'keyStepRule',
    hint: 'hintStepRule',
    modes: NORMAL,
    bindings: [{ keys: ['S'], action: { type: 'toggle-step-rule' } }],
  },
  {
    label: 'J',
    help: 'keyLanguage',
    hint: 'hintLanguage',
    modes: NORMAL,
    bindings: [{ keys: ['J'], action: { type: 'toggle-language' } }],
  },
  {
    label: 'v',
    help: 'keyReveal',
    modes: NORMAL,
    bindings: [{ keys: ['v'], action: { type: 'reveal-panels' } }],
  },
  {
    label: 'E',
    help: 'keyExport',
    hint: 'hintExport',
    modes: NORMAL,
    bindings: [{ keys: ['E'], action: { type: 'start-export' } }],
  },
  {
    label: 'PgUp / PgDn',
    help: 'keyNotes',
    modes: NORMAL,
    bindings: [
      { keys: ['pageup'], action: { type: 'scroll-notes', direction: -1 } },
      { keys: ['pagedown'], action: { type: 'scroll-notes', direction: 1 } },
    ],
  },
  {
    label: '?',
    help: 'keyHelp',
    hint: 'hintHelp',
    isFooterFirst: true,
    modes: NORMAL,
    bindings: [{ keys: ['?'], action: { type: 'show-help' } }],
  },
  {
    label: 'q Ctrl+C',
    footerLabel: 'q',
    help: 'keyQuit',
    hint: 'hintQuit',
    isFooterFirst: true,
    modes: ['normal', 'targets'],
    bindings: [{ keys: ['q'], action: { type: 'quit' } }],
  },
  {
    label: 'Ctrl+C',
    help: 'keyQuit',
    modes: ALL_MODES,
    isHidden: true,
    bindings: [{ keys: ['ctrl+c'], action: { type: 'quit' } }],
  },

  // The learning rate (R), selected in the training panel; t, ., space
  // and r train as they do in normal mode, and any other key goes back.
  {
    label: '+ / -',
    footerLabel: '+/-',
    help: 'keyRateChange',
    hint: 'hintRate',
    modes: ['rate'],
    bindings: [
      { keys: ['+'], action: { type: 'change-rate', direction: 1 } },
      { keys: ['-'], action: { type: 'change-rate', direction: -1 } },
    ],
  },
  {
    label: 'R Esc',
    footerLabel: 'Esc',
    help: 'keyRateDone',
    hint: 'hintBack',
    modes: ['rate'],
    bindings: [
      { keys: ['R', 'escape', 'enter'], action: { type: 'select-rate' } },
    ],
  },
  {
    label: (m) => m.keyNameAnyKey,
    help: 'keyRateDone',
    modes: ['rate'],
    isHidden: true,
    bindings: [{ keys: ['other'], action: { type: 'select-rate' } }],
  },

  // Targets (m).
  {
    label: (m) => `${m.keyNameUpDown} k/j`,
    footerLabel: (m) => m.keyNameArrows,
    help: 'keyTargetRow',
    isStructure: true,
    hint: 'hintTargetRow',
    modes: ['targets'],
    bindings: [
      { keys: ['up', 'k'], action: { type: 'move-target', delta: -1 } },
      { keys: ['down', 'j'], action: { type: 'move-target', delta: 1 } },
    ],
  },
  {
    label: (m) => `${m.keyNameLeftRight} h/l`,
    help: 'keyTargetOutput',
    isStructure: true,
    modes: ['targets'],
    bindings: [
      {
        keys: ['left', 'h'],
        action: { type: 'move-target-output', delta: -1 },
      },
      {
        keys: ['right', 'l'],
        action: { type: 'move-target-output', delta: 1 },
      },
    ],
  },
  {
    label: (m) => `0 / 1 ${m.keyNameSpace}`,
    footerLabel: (m) => `0/1/${m.keyNameSpace}`,
    help: 'keyTargetSet',
    isStructure: true,
    hint: 'hintTargetSet',
    modes: ['targets'],
    bindings: [
      { keys: ['0'], action: { type: 'set-target', value: 0 } },
      { keys: ['1'], action: { type: 'set-target', value: 1 } },
      { keys: ['space'], action: { type: 'set-target', value: 'toggle' } },
    ],
  },
  {
    label: 'Esc m',
    footerLabel: 'Esc',
    help: 'keyTargetsDone',
    isStructure: true,
    hint: 'hintBack',
    modes: ['targets'],
    bindings: [
      { keys: ['escape'], action: { type: 'cancel' } },
      { keys: ['m'], action: { type: 'edit-targets' } },
    ],
  },

  // The preset list (o).
  {
    label: (m) => `${m.keyNameUpDown} k/j Home End`,
    footerLabel: (m) => m.keyNameArrows,
    help: 'keyListMove',
    hint: 'hintListMove',
    modes: ['preset-list'],
    bindings: [
      { keys: ['up', 'k'], action: { type: 'move-list', delta: -1 } },
      { keys: ['down', 'j'], action: { type: 'move-list', delta: 1 } },
      // The list's ends: move-list stops at them.
      { keys: ['home'], action: { type: 'move-list', delta: -Infinity } },
      { keys: ['end'], action: { type: 'move-list', delta: Infinity } },
    ],
  },
  {
    label: 'Enter',
    help: 'keyListPick',
    hint: 'hintListPick',
    modes: ['preset-list'],
    bindings: [{ keys: ['enter'], action: { type: 'pick-list' } }],
  },
  {
    label: 'Esc o',
    footerLabel: 'Esc',
    help: 'keyListClose',
    hint: 'hintClose',
    modes: ['preset-list'],
    bindings: [{ keys: ['escape', 'o', 'q'], action: { type: 'cancel' } }],
  },

  // Help (?).
  {
    label: (m) => m.keyNameUpDown,
    footerLabel: (m) => m.keyNameArrows,
    help: 'keyHelpScroll',
    hint: 'hintScroll',
    modes: ['help'],
    isHidden: true,
    bindings: [
      { keys: ['up', 'k'], action: { type: 'scroll-help', delta: -1 } },
      { keys: ['down', 'j'], action: { type: 'scroll-help', delta: 1 } },
      {
        keys: ['pageup'],
        action: { type: 'scroll-help', delta: -HELP_PAGE },
      },
      {
        keys: ['pagedown'],
        action: { type: 'scroll-help', delta: HELP_PAGE },
      },
    ],
  },
  {
    label: (m) => m.keyNameAnyKey,
    footerLabel: 'Esc',
    help: 'keyHelpClose',
    hint: 'hintClose',
    modes: ['help'],
    isHidden: true,
    bindings: [{ keys: ['other'], action: { type: 'cancel' } }],
  },

  // Text fields: a typed value (Enter, e) and the save path (s).
  {
    label: 'Enter',
    help: 'keyFieldCommit',
    hint: 'hintFieldCommit',
    modes: ['edit-value'],
    isHidden: true,
    bindings: [{ keys: ['enter'], action: { type: 'commit-edit' } }],
  },
  {
    label: 'Enter',
    help: 'keySaveCommit',
    hint: 'hintSaveCommit',
    modes: ['save-path'],
    isHidden: true,
    bindings: [{ keys: ['enter'], action: { type: 'commit-save' } }],
  },
  {
    label: 'Esc',
    help: 'keyFieldCancel',
    hint: 'hintFieldCancel',
    modes: FIELDS,
    isHidden: true,
    bindings: [{ keys: ['escape'], action: { type: 'cancel' } }],
  },

  // Questions.
  {
    label: 'y',
    help: 'keyOverwrite',
    hint: 'hintOverwrite',
    modes: ['confirm-overwrite'],
    isHidden: true,
    bindings: [{ keys: ['y'], action: { type: 'confirm-overwrite' } }],
  },
  {
    label: 'n',
    footerLabel: 'n Esc',
    help: 'keyKeep',
    hint: 'hintKeep',
    modes: ['confirm-overwrite'],
    isHidden: true,
    bindings: [{ keys: ['other'], action: { type: 'decline-overwrite' } }],
  },
  {
    label: 'q',
    help: 'keyQuit',
    hint: 'hintQuit',
    modes: ['confirm-quit'],
    isHidden: true,
    bindings: [{ keys: ['q', 'y'], action: { type: 'quit' } }],
  },
  {
    label: (m) => m.keyNameAnyKey,
    footerLabel: 'Esc',
    help: 'keyStay',
    hint: 'hintStay',
    modes: ['confirm-quit'],
    isHidden: true,
    bindings: [{ keys: ['other'], action: { type: 'cancel' } }],
  },

  // Why (w).
  {
    label: (m) => m.keyNameAnyKey,
    footerLabel: 'Esc',
    help: 'keyHelpClose',
    hint: 'hintClose',
    modes: ['why'],
    isHidden: true,
    bindings: [{ keys: ['other'], action: { type: 'cancel' } }],
  },
];

/** The groups whose keys act in a mode. */
export function groupsFor(mode: Mode): KeyGroup[] {
  return KEYMAP.filter((group) => group.modes.includes(mode));
}

/**
 * True when help and the footer list a group: in teacher's mode the keys
 * that change the network's shape are left out (they are refused too).
 */
export function isListed(group: KeyGroup, isLocked: boolean): boolean {
  return !(isLocked && group.isStructure);
}

/** The action a key sends in a mode, or null when it does nothing. */
export function actionFor(mode: Mode, key: string): Action | null {
  const groups = groupsFor(mode);
  const find = (name: string) =>
    groups
      .flatMap((group) => group.bindings)
      .find((binding) => binding.keys.includes(name))?.action ?? null;
  // Text fields take every other key themselves.
  const isField = FIELDS.includes(mode);
  return find(key) ?? (isField ? null : find('other'));
}

/**
 * The names of the keys in one piece of input from Ink. Several characters
 * arrive together when keys come faster than frames (or from `tmux
 * send-keys`): each is a key of its own. Alt+key is how a terminal sends
 * Escape quickly followed by a key, so it is read as those two keys.
 */
export function keyNames(input: string, key: Key): string[] {
  if (key.ctrl && input === 'c') return ['ctrl+c'];
  // Focus and mouse reports reach useInput without their ESC: not keys.
  if (TERMINAL_REPORT.test(input)) return [];
  const named: [boolean, string][] = [
    [key.upArrow, 'up'],
    [key.downArrow, 'down'],
    [key.leftArrow, 'left'],
    [key.rightArrow, 'right'],
    [key.pageUp, 'pageup'],
    [key.pageDown, 'pagedown'],
    [key.home, 'home'],
    [key.end, 'end'],
    [key.return, 'enter'],
    [key.escape, 'escape'],
    [key.tab, 'tab'],
    [key.backspace, 'backspace'],
    [key.delete, 'delete'],
  ];
  const name = named.find(([isPressed]) => isPressed)?.[1];
  if (name) return [name];
  if (key.ctrl) return [`ctrl+${input}`];
  // Several keys can come in one chunk (a fast typist, tmux, a paste):
  // each is named, control characters among them included.
  const characters = Array.from(input, characterName).filter(
    (name): name is string => name !== null,
  );
  return key.meta && input ? ['escape', ...characters] : characters;
}

/** A focus (`[I`, `[O`) or mouse (`[<0;10;20M`) report without its ESC. */
export const TERMINAL_REPORT = /^\[(?:[IO]|<\d+;\d+;\d+[mM]|M[\s\S]{3})$/;

/**
 * What a text field should hold after it took a chunk as it came, or null
 * when the chunk had an Enter in it: the keymap types such a chunk itself
 * (see `reduceKeys`). Backspaces are applied, and no report or control
 * character is left in the text.
 */
export function cleanTyped(text: string): string | null {
  if (/[\r\n]/.test(text)) return null;
  const withoutReports = text.replace(/\[(?:[IO]|<\d+;\d+;\d+[mM])/g, '');
  let clean: string[] = [];
  for (const character of withoutReports) {
    if (character === '\x7f' || character === '\b') clean = clean.slice(0, -1);
    else if (character >= ' ') clean.push(character);
  }
  return clean.join('');
}

/** The name of one character of a chunk, or null for one to ignore. */
function characterName(character: string): string | null {
  if (character === ' ') return 'space';
  if (character === '\r' || character === '\n') return 'enter';
  if (character === '\x7f' || character === '\b') return 'backspace';
  if (character === '\t') return 'tab';
  if (character === '\x1b') return 'escape';
  return character < ' ' ? null : character;
}

/** What the screen knows that the keys need: how far help scrolls. */
export interface KeyContext {
  /** The last line of help that can be at the top. */
  helpLimit?: number;
  /** Lines of notes that PgUp/PgDn move by: what the notes panel shows. */
  notesPage?: number;
  /** The last line of the notes that can be at the top. */
  notesLimit?: number;
  /**
   * True while the window is too small to show the playground: keys then
   * only quit, so that nothing changes where it cannot be seen.
   */
  isWindowTooSmall?: boolean;
}

/** An action with what the screen knows filled in. */
function withContext(action: Action, context: KeyContext): Action {
  if (action.type === 'scroll-help') {
    return { ...action, limit: context.helpLimit };
  }
  if (action.type === 'scroll-notes') {
    return { ...action, page: context.notesPage, limit: context.notesLimit };
  }
  return action;
}

/** The session after a run of keys, each sent through the keymap. */
export function reduceKeys(
  state: SessionState,
  keys: readonly string[],
  context: KeyContext = {},
): SessionState {
  // The text field types what reaches it, but not a chunk that came before
  // it was drawn, nor can it know that an Enter in a chunk ends the typing:
  // such chunks are typed here, every key in the mode the keys before it
  // left. The field's own change then comes after it closed, and is let go.
  const isTypedHere =
    !context.isWindowTooSmall &&
    (!isTextMode(state.mode) ||
      keys.some((key) => key === 'enter' || key === 'escape'));
  return keys.reduce((current, key) => {
    const typed = isTypedHere ? typedDraft(current, key) : null;
    if (typed !== null) {
      return reduce(current, { type: 'edit-draft', text: typed });
    }
    const action = actionFor(current.mode, key);
    if (!action) return current;
    // A window too small to show the screen takes only q, and the answer
    // to the question q asks (which it shows).
    const isAnswerable =
      action.type === 'quit' || current.mode === 'confirm-quit';
    if (context.isWindowTooSmall && !isAnswerable) return current;
    return reduce(current, withContext(action, context));
  }, state);
}

/** The field's text after a key typed into it, or null for other keys. */
function typedDraft(state: SessionState, key: string): string | null {
  if (!isTextMode(state.mode)) return null;
  const { text } = state.draft;
  if (key === 'backspace') return Array.from(text).slice(0, -1).join('');
  if (key === 'space') return `${text} `;
  return Array.from(key).length === 1 && key >= ' ' ? text + key : null;
}
