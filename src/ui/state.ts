import { nextActivation } from '../core/activation.js';
import {
  addInput,
  addLayerAfter,
  addNeuron,
  deleteLayer,
  deleteNeuron,
  removeInput,
  setActivation,
  setValue,
  valueOf,
  type ValueIndex,
} from '../core/edit.js';
import type { Panel } from '../command/args.js';
import type { Lesson } from '../core/lesson.js';
import {
  LIMITS,
  forward,
  neuronAddresses,
  type Network,
  type NeuronAddress,
} from '../core/network.js';
import { formatNumber, parseNumber } from '../core/number.js';
import { binaryRows, targetsFit, type Targets } from '../core/truth-table.js';
import {
  errorText,
  messagesFor,
  type Language,
  type Messages,
} from '../i18n/messages.js';
import { inputNames } from '../render/formula.js';
import type { Selection } from '../render/network.js';
import {
  reduceTraining,
  type TrainingAction,
  type TrainingChange,
  type TrainingSession,
} from './training.js';
import { whyLines } from '../render/why.js';
import { lessonKey, unsavedLessonNames, withUnsavedMark } from './unsaved.js';

/** The nudge steps that `<` and `>` move between, smallest first. */
export const STEP_SIZES = [0.01, 0.1, 1] as const;

/** One of `STEP_SIZES`. */
export type StepSize = (typeof STEP_SIZES)[number];

/** Undo keeps at least this many changes. */
export const HISTORY_LIMIT = 500;

/** What the keys currently act on. */
export type Mode =
  | 'normal'
  | 'rate'
  | 'edit-value'
  | 'targets'
  | 'preset-list'
  | 'help'
  | 'save-path'
  | 'confirm-overwrite'
  | 'confirm-quit'
  | 'why';

/** True in the modes where keys type into a text field. */
export function isTextMode(mode: Mode): boolean {
  return mode === 'edit-value' || mode === 'save-path';
}

/** A session as undo restores it: the lesson and where the user was. */
export interface Snapshot {
  lesson: Lesson;
  /** Its place among the built-in lessons; null for a user file. */
  lessonIndex: number | null;
  selection: Selection;
  /** The training session, paused: undo never restarts a live run. */
  training: TrainingSession | null;
}

/** The text of the open field (a typed value or a save path). */
export interface Draft {
  /** What has been typed. */
  text: string;
  /**
   * What the field holds until something is typed: the current value or
   * the default path, shown in the field and taken by Enter. Typing
   * replaces it, like a selected cell in a spreadsheet.
   */
  prefill: string;
  /** Why the last Enter was refused, shown beside the field. */
  error: string | null;
}

/** The one-line message under the panels. */
export interface Status {
  text: string;
  tone: 'info' | 'error';
}

/** What the decision grid shows. */
export interface GridView {
  /** The neuron drawn; null for the first output. */
  neuron: NeuronAddress | null;
  /** The input across. */
  xAxis: number;
  /** The input upward; null when the network has one input. */
  yAxis: number | null;
}

/** A save the screen asked for; the app writes the file and reports. */
export interface SaveRequest {
  path: string;
  overwrite: boolean;
  /** What is written: the lesson as a preset (the default), or NumPy code. */
  kind?: 'preset' | 'numpy';
}

/** Everything the interactive screen knows, in one value. */
export interface SessionState {
  /** The built-in lessons in order, for `n`, `p` and the preset list. */
  lessons: readonly Lesson[];
  /** The lesson being edited: its network and targets change. */
  lesson: Lesson;
  /** Its place in `lessons`; null for a user file. */
  lessonIndex: number | null;
  selection: Selection;
  stepSize: StepSize;
  /** Earlier sessions, oldest first, for undo. */
  past: Snapshot[];
  /** Undone sessions, the next redo last. */
  future: Snapshot[];
  mode: Mode;
  draft: Draft;
  status: Status | null;
  grid: GridView;
  /**
   * True when the lesson on screen holds work that no file holds (see
   * src/ui/unsaved.ts); `reduce` keeps it up to date.
   */
  isDirty: boolean;
  /**
   * The version of each lesson (by name) that was last saved this
   * session: what its unsaved changes are measured from.
   */
  savedLessons: Readonly<Record<string, Lesson>>;
  /**
   * Each lesson as it was when the user went to another (by `lessonKey`),
   * so that coming back shows the edits, and quitting asks about them.
   */
  leftLessons: Readonly<Record<string, Lesson>>;
  /** The highlighted line of the preset list. */
  listIndex: number;
  /** The truth-table row whose target is being edited. */
  targetRow: number;
  /** The output whose target is being edited, for several outputs. */
  targetOutput: number;
  /** The first line shown of the help overlay. */
  helpScroll: number;
  /**
   * Where each lesson (by name) was last saved: the default for its next
   * save, also after going to other lessons and back.
   */
  savedPaths: Readonly<Record<string, string>>;
  /** A save for the app to carry out, or null. */
  pendingSave: SaveRequest | null;
  /** True once the user has chosen to leave. */
  isQuitting: boolean;
  language: Language;
  /**
   * Training under way, from the first t, . or space until r or another
   * lesson; null shows the notes instead of the training panel.
   */
  training: TrainingSession | null;
  /** The lesson as the session opened it: what r resets a user file to. */
  startLesson: Lesson;
  /** The file the lesson was opened from, as typed; null for a lesson. */
  sourcePath: string | null;
  /** Teacher's mode (--locked): values change, the shape does not. */
  isLocked: boolean;
  /** Panels hidden with --hide, to pose a question; `v` shows them. */
  hidden: readonly Panel[];
  /** The first line shown of the lesson notes. */
  notesScroll: number;
  /** The NumPy file waiting for a yes to be replaced, or null. */
  exportPath: string | null;
}

/** Every change the screen can make, as the keymap and the app send it. */
export type Action =
  | { type: 'move-neuron'; delta: number }
  | { type: 'move-value'; delta: number }
  | { type: 'nudge'; direction: 1 | -1 }
  | { type: 'change-step'; direction: 1 | -1 }
  | { type: 'zero-value' }
  | { type: 'set-value'; value: number }
  | { type: 'start-edit' }
  | { type: 'edit-draft'; text: string }
  | { type: 'commit-edit' }
  | { type: 'cancel' }
  | { type: 'change-lesson'; delta: number }
  | { type: 'open-lesson'; index: number }
  | { type: 'open-preset-list' }
  | { type: 'move-list'; delta: number }
  | { type: 'pick-list' }
  | { type: 'cycle-activation' }
  | { type: 'add-neuron' }
  | { type: 'delete-neuron' }
  | { type: 'add-layer' }
  | { type: 'delete-layer' }
  | { type: 'add-input' }
  | { type: 'remove-input' }
  | { type: 'cycle-grid' }
  | { type: 'cycle-axis'; axis: 'x' | 'y' }
  | { type: 'edit-targets' }
  | { type: 'move-target'; delta: number }
  | { type: 'move-target-output'; delta: number }
  | { type: 'set-target'; value: 0 | 1 | 'toggle' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'show-help' }
  | { type: 'scroll-help'; delta: number; limit?: number }
  | { type: 'start-save' }
  | { type: 'commit-save' }
  | { type: 'confirm-overwrite' }
  | { type: 'decline-overwrite' }
  | { type: 'save-done'; path: string }
  | { type: 'save-exists'; path: string }
  | { type: 'save-failed'; message: string }
  | { type: 'quit' }
  | { type: 'stay' }
  | TrainingAction
  | { type: 'toggle-step-rule' }
  | { type: 'toggle-language' }
  | { type: 'reveal-panels' }
  | { type: 'show-why' }
  | { type: 'scroll-notes'; direction: 1 | -1; page?: number; limit?: number }
  | { type: 'start-export' }
  | { type: 'export-done'; path: string }
  | { type: 'export-exists'; path: string }
  | { type: 'export-failed'; message: string };

/** The draft of a closed field. */
const EMPTY_DRAFT: Draft = { text: '', prefill: '', error: null };

/** What the field holds: the typed text, or the prefill untouched. */
export function draftText(draft: Draft): string {
  return draft.text === '' ? draft.prefill : draft.text;
}

/** The state a session starts in. */
export function initialState(options: {
  lessons: readonly Lesson[];
  start: Lesson;
  startIndex: number | null;
  language: Language;
  /** The file the lesson came from, when it is a user file. */
  sourcePath?: string | null;
  /** Teacher's mode: no structure editing. */
  isLocked?: boolean;
  /** Panels hidden with --hide. */
  hidden?: readonly Panel[];
}): SessionState {
  const { network } = options.start;
  return {
    lessons: options.lessons,
    lesson: options.start,
    lessonIndex: options.startIndex,
    selection: firstSelection(network),
    stepSize: 0.1,
    past: [],
    future: [],
    mode: 'normal',
    draft: EMPTY_DRAFT,
    status: null,
    grid: normalGrid(network, { neuron: null, xAxis: 0, yAxis: 1 }),
    isDirty: false,
    listIndex: options.startIndex ?? 0,
    targetRow: 0,
    targetOutput: 0,
    helpScroll: 0,
    savedPaths: {},
    savedLessons: {},
    leftLessons: {},
    pendingSave: null,
    isQuitting: false,
    language: options.language,
    training: null,
    startLesson: options.start,
    sourcePath: options.sourcePath ?? null,
    isLocked: options.isLocked ?? false,
    hidden: options.hidden ?? [],
    notesScroll: 0,
    exportPath: null,
  };
}

/** The first weight of the first neuron. */
function firstSelection(network: Network): Selection {
  return clampSelection(network, { layer: 0, neuron: 0, value: 0 });
}

/** A selection moved onto the nearest value that exists in `network`. */
export function clampSelection(
  network: Network,
  selection: Selection,
): Selection {
  const layerIndex = clamp(selection.layer, 0, network.layers.length - 1);
  const layer = network.layers[layerIndex];
  const neuronIndex = clamp(
    selection.neuron,
    0,
    (layer?.neurons.length ?? 1) - 1,
  );
  const weights = layer?.neurons[neuronIndex]?.weights.length ?? 0;
  const value: ValueIndex =
    selection.value === 'bias' || weights === 0
      ? 'bias'
      : clamp(selection.value, 0, weights - 1);
  return { layer: layerIndex, neuron: neuronIndex, value };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** A grid view that fits `network`: valid neuron, two distinct axes. */
export function normalGrid(network: Network, grid: GridView): GridView {
  const count = network.inputs.length;
  const layer = grid.neuron && network.layers[grid.neuron.layer];
  const neuron =
    grid.neuron && layer && grid.neuron.neuron < layer.neurons.length
      ? grid.neuron
      : null;
  const xAxis = grid.xAxis < count ? grid.xAxis : 0;
  if (count < 2) return { neuron, xAxis, yAxis: null };
  let yAxis = grid.yAxis ?? 1;
  if (yAxis >= count || yAxis === xAxis) yAxis = xAxis === 0 ? 1 : 0;
  return { neuron, xAxis, yAxis };
}

/**
 * What `g` steps through: each output neuron, then each hidden neuron,
 * layer by layer.
 */
export function gridChoices(network: Network): NeuronAddress[] {
  const last = network.layers.length - 1;
  const all = neuronAddresses(network);
  return [
    ...all.filter((address) => address.layer === last),
    ...all.filter((address) => address.layer !== last),
  ];
}

/** The neuron the grid draws: the chosen one, or the first output. */
export function gridNeuron(network: Network, grid: GridView): NeuronAddress {
  return grid.neuron ?? { layer: network.layers.length - 1, neuron: 0 };
}

/**
 * The targets as the lesson holds them, or, when it has none that fit, the
 * current outputs rounded to 0 or 1: a starting point for new targets.
 */
export function targetsOrOutputs(
  network: Network,
  targets: Targets | null,
): Targets {
  if (targets && targetsFit(network, targets)) return targets;
  return binaryRows(network.inputs.length).map((inputs) =>
    (forward(network, inputs).at(-1)?.outputs ?? []).map((output) =>
      output >= 0.5 ? 1 : 0,
    ),
  );
}

/**
 * Keeps `HISTORY_LIMIT` snapshots at most, dropping the oldest: a long
 * session must not grow without bound.
 */
function capped(snapshots: Snapshot[]): Snapshot[] {
  return snapshots.length > HISTORY_LIMIT
    ? snapshots.slice(snapshots.length - HISTORY_LIMIT)
    : snapshots;
}

function snapshotOf(state: SessionState): Snapshot {
  return {
    lesson: state.lesson,
    lessonIndex: state.lessonIndex,
    selection: state.selection,
    training: state.training && { ...state.training, isRunning: false },
  };
}

/** True when two lessons hold the same network and targets. */
function isSameWork(a: Lesson, b: Lesson): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      JSON.stringify([a.network, a.targets]) ===
        JSON.stringify([b.network, b.targets]))
  );
}

/**
 * A change to the lesson: remembered for undo. A
 * change that leaves the work as it was is not remembered, unless
 * `isAlwaysRemembered` (a training step that moved no weight still moved
 * the epoch).
 */
function commit(
  state: SessionState,
  lesson: Lesson,
  changes: Partial<SessionState> = {},
  isAlwaysRemembered = false,
): SessionState {
  const isSameLesson =
    changes.lessonIndex === undefined ||
    changes.lessonIndex === state.lessonIndex;
  const isSame = isSameLesson && isSameWork(state.lesson, lesson);
  if (isSame && !isAlwaysRemembered) {
    return { ...state, ...changes };
  }
  const network = lesson.network;
  const selection = clampSelection(
    network,
    changes.selection ?? state.selection,
  );
  return {
    ...state,
    ...changes,
    lesson,
    selection,
    past: capped([...state.past, snapshotOf(state)]),
    future: [],
    grid: normalGrid(network, changes.grid ?? state.grid),
    targetRow: clamp(state.targetRow, 0, 2 ** network.inputs.length - 1),
    targetOutput: clamp(
      state.targetOutput,
      0,
      (network.layers.at(-1)?.neurons.length ?? 1) - 1,
    ),
  };
}

/**
 * A change to the network's shape. Targets that no longer fit the new
 * shape are dropped, and the status line says so.
 */
function commitNetwork(
  state: SessionState,
  network: Network,
  messages: Messages,
  changes: Partial<SessionState> = {},
): SessionState {
  const { targets } = state.lesson;
  const isDropped = targets !== null && !targetsFit(network, targets);
  const lesson: Lesson = {
    ...state.lesson,
    network,
    targets: isDropped ? null : targets,
  };
  const status: Status | null = isDropped
    ? { text: messages.targetsDropped, tone: 'info' }
    : (changes.status ?? null);
  return commit(state, lesson, { ...changes, status });
}

function refuse(state: SessionState, text: string): SessionState {
  return { ...state, status: { text, tone: 'error' } };
}

function inform(state: SessionState, text: string): SessionState {
  return { ...state, status: { text, tone: 'info' } };
}

/** Why a typed number was refused, in the screen's language. */
export function numberRefusal(reason: string, messages: Messages): string {
  const quoted = /^'(.*)'/.exec(reason)?.[1] ?? '';
  if (reason.endsWith('use a dot for decimals')) {
    return messages.numberUseDot(quoted);
  }
  if (reason.endsWith('is too large')) return messages.numberTooLarge(quoted);
  if (reason.endsWith('is not a number')) {
    return messages.numberNotANumber(quoted);
  }
  return messages.numberEmpty;
}

/** The selected weight or bias. */
export function selectedValue(state: SessionState): number {
  const { layer, neuron, value } = state.selection;
  const found = state.lesson.network.layers[layer]?.neurons[neuron];
  return found ? valueOf(found, value) : 0;
}

/** Sets the selected value; a core refusal becomes the status line. */
function applyValue(
  state: SessionState,
  value: number,
  messages: Messages,
): SessionState {
  const network = setValue(
    state.lesson.network,
    state.selection,
    state.selection.value,
    value,
  );
  return commitNetwork(state, network, messages);
}

/** Moves the selection up or down through every neuron of every layer. */
function moveNeuron(state: SessionState, delta: number): SessionState {
  const addresses = neuronAddresses(state.lesson.network);
  const here = addresses.findIndex(
    (a) =>
      a.layer === state.selection.layer && a.neuron === state.selection.neuron,
  );
  const target = addresses[clamp(here + delta, 0, addresses.length - 1)];
  if (!target) return state;
  const selection = clampSelection(state.lesson.network, {
    ...target,
    value: state.selection.value,
  });
  return { ...state, selection, status: null };
}

/** Moves the selection left or right through the weights, then the bias. */
function moveValue(state: SessionState, delta: number): SessionState {
  const { network } = state.lesson;
  const { layer, neuron, value } = state.selection;
  const count = network.layers[layer]?.neurons[neuron]?.weights.length ?? 0;
  const position = value === 'bias' ? count : value;
  const next = clamp(position + delta, 0, count);
  const selection: Selection = {
    layer,
    neuron,
    value: next === count ? 'bias' : next,
  };
  return { ...state, selection, status: null };
}

function changeStep(
  state: SessionState,
  direction: 1 | -1,
  messages: Messages,
): SessionState {
  const index = STEP_SIZES.indexOf(state.stepSize);
  const next = STEP_SIZES[clamp(index + direction, 0, STEP_SIZES.length - 1)];
  if (next === undefined) return state;
  return inform(
    { ...state, stepSize: next },
    messages.stepSizeNow(String(next)),
  );
}

/**
 * The nudged value, rounded to 12 significant digits so that ten nudges
 * of 0.1 land on 1 and not on 0.9999999999999999.
 */
export function nudged(value: number, delta: number): number {
  return Number.parseFloat((value + delta).toPrecision(12));
}

/**
 * Opens a lesson as the user last left it (else as built in), keeping the
 * one on screen as it is for coming back: remembered for undo, like any
 * other change.
 */
function openLesson(state: SessionState, index: number): SessionState {
  const count = state.lessons.length;
  if (count === 0) return state;
  const wrapped = ((index % count) + count) % count;
  // The lesson open now is already there, edits and all.
  if (wrapped === state.lessonIndex) {
    return { ...state, mode: 'normal', listIndex: wrapped, status: null };
  }
  const lesson =
    state.leftLessons[lessonKey(wrapped)] ?? state.lessons[wrapped];
  if (!lesson) return state;
  const network = lesson.network;
  return commit(state, lesson, {
    lessonIndex: wrapped,
    selection: firstSelection(network),
    grid: normalGrid(network, { neuron: null, xAxis: 0, yAxis: 1 }),
    leftLessons: {
      ...state.leftLessons,
      [lessonKey(state.lessonIndex)]: state.lesson,
    },
    mode: 'normal',
    listIndex: wrapped,
    targetRow: 0,
    targetOutput: 0,
    notesScroll: 0,
    training: null,
    status: null,
  });
}

/** `v`: shows the panels hidden with --hide: the answer to the question. */
function revealPanels(state: SessionState, messages: Messages): SessionState {
  const text =
    state.hidden.length > 0 ? messages.panelsRevealed : messages.nothingHidden;
  return { ...state, hidden: [], status: { text, tone: 'info' } };
}

function startEdit(state: SessionState): SessionState {
  const value = selectedValue(state);
  const text = formatNumber(value, 2);
  // Show every digit when two decimals would hide some.
  const prefill = Number(text) === value ? text : String(value);
  return {
    ...state,
    mode: 'edit-value',
    draft: { text: '', prefill, error: null },
    status: null,
  };
}

function commitEdit(state: SessionState, messages: Messages): SessionState {
  // Enter on the untouched field keeps the value as it is.
  if (state.draft.text.trim() === '' && state.draft.prefill !== '') {
    return closeField(state);
  }
  const parsed = parseNumber(state.draft.text);
  if (!parsed.ok) {
    const error = numberRefusal(parsed.reason, messages);
    return { ...state, draft: { ...state.draft, error } };
  }
  const next = applyValue({ ...state, mode: 'normal' }, parsed.value, messages);
  return next.mode === 'normal' ? { ...next, draft: EMPTY_DRAFT } : next;
}

function cycleActivation(
  state: SessionState,
  messages: Messages,
): SessionState {
  const { layer } = state.selection;
  const current = state.lesson.network.layers[layer]?.activation ?? 'step';
  const activation = nextActivation(current);
  const network = setActivation(state.lesson.network, layer, activation);
  return commitNetwork(state, network, messages, {
    status: {
      text: messages.activationNow(layer + 1, activation),
      tone: 'info',
    },
  });
}

function addNeuronHere(state: SessionState, messages: Messages): SessionState {
  const { layer } = state.selection;
  const count = state.lesson.network.layers[layer]?.neurons.length ?? 0;
  if (count >= LIMITS.neurons) {
    return refuse(state, messages.neuronLimit(LIMITS.neurons));
  }
  const network = addNeuron(state.lesson.network, layer);
  return commitNetwork(state, network, messages, {
    selection: { layer, neuron: count, value: 0 },
  });
}

function deleteNeuronHere(
  state: SessionState,
  messages: Messages,
): SessionState {
  const { layer, neuron } = state.selection;
  const count = state.lesson.network.layers[layer]?.neurons.length ?? 0;
  if (count <= 1) return refuse(state, messages.lastNeuron);
  const network = deleteNeuron(state.lesson.network, { layer, neuron });
  return commitNetwork(state, network, messages, {
    selection: { ...state.selection, neuron: Math.min(neuron, count - 2) },
  });
}

function addLayerHere(state: SessionState, messages: Messages): SessionState {
  if (state.lesson.network.layers.length >= LIMITS.layers) {
    return refuse(state, messages.layerLimit(LIMITS.layers));
  }
  const { layer } = state.selection;
  const network = addLayerAfter(state.lesson.network, layer);
  return commitNetwork(state, network, messages, {
    selection: { layer: layer + 1, neuron: 0, value: 0 },
    status: { text: messages.layerAdded(layer + 2), tone: 'info' },
  });
}

function deleteLayerHere(
  state: SessionState,
  messages: Messages,
): SessionState {
  if (state.lesson.network.layers.length <= 1) {
    return refuse(state, messages.lastLayer);
  }
  const { layer } = state.selection;
  const network = deleteLayer(state.lesson.network, layer);
  const text =
    layer < network.layers.length
      ? messages.layerDeleted(layer + 1, inputNames(network, layer).join(', '))
      : messages.outputLayerDeleted(layer + 1);
  return commitNetwork(state, network, messages, {
    selection: { layer, neuron: 0, value: 0 },
    status: { text, tone: 'info' },
  });
}

function addInputHere(state: SessionState, messages: Messages): SessionState {
  if (state.lesson.network.inputs.length >= LIMITS.inputs) {
    return refuse(state, messages.inputLimit(LIMITS.inputs));
  }
  const network = addInput(state.lesson.network);
  const name = network.inputs.at(-1) ?? '';
  return commitNetwork(state, network, messages, {
    status: { text: messages.inputAdded(name), tone: 'info' },
  });
}

function removeInputHere(
  state: SessionState,
  messages: Messages,
): SessionState {
  if (state.lesson.network.inputs.length <= 1) {
    return refuse(state, messages.lastInput);
  }
  const name = state.lesson.network.inputs.at(-1) ?? '';
  return commitNetwork(state, removeInput(state.lesson.network), messages, {
    status: { text: messages.inputRemoved(name), tone: 'info' },
  });
}

function cycleGrid(state: SessionState): SessionState {
  const { network } = state.lesson;
  const choices = gridChoices(network);
  const current = gridNeuron(network, state.grid);
  const here = choices.findIndex(
    (a) => a.layer === current.layer && a.neuron === current.neuron,
  );
  const next = choices[(here + 1) % choices.length] ?? null;
  return { ...state, grid: { ...state.grid, neuron: next }, status: null };
}

function cycleAxis(
  state: SessionState,
  axis: 'x' | 'y',
  messages: Messages,
): SessionState {
  const count = state.lesson.network.inputs.length;
  if (count <= 2) return refuse(state, messages.axesNeedThree);
  const { xAxis, yAxis } = state.grid;
  const other = axis === 'x' ? yAxis : xAxis;
  let next = (axis === 'x' ? xAxis : (yAxis ?? 0)) + 1;
  while (next % count === other) next++;
  const grid: GridView =
    axis === 'x'
      ? { ...state.grid, xAxis: next % count }
      : { ...state.grid, yAxis: next % count };
  return { ...state, grid, status: null };
}

function setTarget(state: SessionState, value: 0 | 1 | 'toggle'): SessionState {
  const { network } = state.lesson;
  const targets = targetsOrOutputs(network, state.lesson.targets);
  const row = targets[state.targetRow] ?? [];
  const old = row[state.targetOutput] ?? 0;
  const wanted = value === 'toggle' ? 1 - old : value;
  const changed = targets.map((values, index) =>
    index === state.targetRow
      ? values.map((v, output) => (output === state.targetOutput ? wanted : v))
      : values,
  );
  return commit(state, { ...state.lesson, targets: changed }, { status: null });
}

function undo(state: SessionState, messages: Messages): SessionState {
  const previous = state.past.at(-1);
  if (!previous) return refuse(state, messages.nothingToUndo);
  return restore(
    {
      ...state,
      past: state.past.slice(0, -1),
      future: [...state.future, snapshotOf(state)],
    },
    previous,
    messages.undone(state.past.length - 1),
  );
}

function redo(state: SessionState, messages: Messages): SessionState {
  const next = state.future.at(-1);
  if (!next) return refuse(state, messages.nothingToRedo);
  return restore(
    {
      ...state,
      past: [...state.past, snapshotOf(state)],
      future: state.future.slice(0, -1),
    },
    next,
    messages.redone(state.future.length - 1),
  );
}

function restore(
  state: SessionState,
  snapshot: Snapshot,
  text: string,
): SessionState {
  const { network } = snapshot.lesson;
  return {
    ...state,
    lesson: snapshot.lesson,
    lessonIndex: snapshot.lessonIndex,
    selection: clampSelection(network, snapshot.selection),
    grid: normalGrid(network, state.grid),
    targetRow: clamp(state.targetRow, 0, 2 ** network.inputs.length - 1),
    targetOutput: clamp(
      state.targetOutput,
      0,
      (network.layers.at(-1)?.neurons.length ?? 1) - 1,
    ),
    listIndex: snapshot.lessonIndex ?? state.listIndex,
    training: snapshot.training,
    status: { text, tone: 'info' },
  };
}

/**
 * The file the lesson on the screen was last saved to or, for a user file
 * not saved yet, opened from; null for a built-in lesson not saved yet.
 */
export function lessonFile(state: SessionState): string | null {
  const saved = state.savedPaths[state.lesson.name];
  if (saved !== undefined) return saved;
  return state.lessonIndex === null ? state.sourcePath : null;
}

/**
 * `s`: asks where to save, offering the lesson's file (`lessonFile`), else
 * `./NAME.json`. Saving over a file asks first.
 */
function startSave(state: SessionState): SessionState {
  const prefill = lessonFile(state) ?? `./${state.lesson.name}.json`;
  return {
    ...state,
    mode: 'save-path',
    draft: { text: '', prefill, error: null },
    status: null,
    exportPath: null,
  };
}

function commitSave(state: SessionState, messages: Messages): SessionState {
  const path = draftText(state.draft).trim();
  if (path === '') {
    return { ...state, draft: { ...state.draft, error: messages.typePath } };
  }
  return { ...state, pendingSave: { path, overwrite: false } };
}

/**
 * The status after Esc (or any key that answers no): none, but after the
 * question about quitting, which paused any live run, where it stands.
 */
function afterCancel(state: SessionState, messages: Messages): Status | null {
  const epoch = state.training?.state.epoch;
  if (state.mode !== 'confirm-quit' || epoch === undefined) return null;
  return { text: messages.trainingPaused(epoch), tone: 'info' };
}

/**
 * q and Ctrl+C: quits, or with unsaved changes asks first. A live run
 * pauses while it asks, so that the network stays as it was and the run's
 * end does not write over the question.
 */
function quit(state: SessionState, messages: Messages): SessionState {
  const unsaved = unsavedLessonNames(state);
  if (unsaved.length > 0 && state.mode !== 'confirm-quit') {
    const { training } = state;
    return {
      ...state,
      mode: 'confirm-quit',
      training: training && { ...training, isRunning: false },
      status: { text: messages.confirmQuit(unsaved), tone: 'error' },
    };
  }
  return { ...state, isQuitting: true };
}

function closeField(state: SessionState): SessionState {
  return {
    ...state,
    mode: 'normal',
    draft: EMPTY_DRAFT,
  };
}

/** The actions that change the network's shape, refused when locked. */
const STRUCTURE_ACTIONS: ReadonlySet<Action['type']> = new Set([
  'cycle-activation',
  'add-neuron',
  'delete-neuron',
  'add-layer',
  'delete-layer',
  'add-input',
  'remove-input',
  'edit-targets',
]);

/** `S`: the step rule between `>` (the book) and `>=`; undone with u. */
function toggleStepRule(state: SessionState, messages: Messages): SessionState {
  const network = state.lesson.network;
  const stepRule = network.stepRule === '>' ? '>=' : '>';
  return commitNetwork(state, { ...network, stepRule }, messages, {
    status: { text: messages.stepRuleNow(stepRule), tone: 'info' },
  });
}

/** `J`: English and Japanese in turn; the notes wrap anew from the top. */
function toggleLanguage(state: SessionState): SessionState {
  const language: Language = state.language === 'en' ? 'ja' : 'en';
  return inform(
    { ...state, language, notesScroll: 0 },
    messagesFor(language).languageNow,
  );
}

/** `w`: the why overlay where it applies, or a line that says where. */
function showWhy(state: SessionState, messages: Messages): SessionState {
  const { network, targets } = state.lesson;
  if (whyLines(network, targets, messages) === null) {
    return inform(state, messages.whyNotApplicable);
  }
  // Which rows hold would answer the question the hidden table poses.
  if (state.hidden.includes('table')) {
    return inform(state, messages.whyTableHidden);
  }
  return { ...state, mode: 'why', status: null };
}

/** PgUp/PgDn: the notes a page at a time, within what there is. */
function scrollNotes(
  state: SessionState,
  action: Extract<Action, { type: 'scroll-notes' }>,
): SessionState {
  const limit = action.limit ?? Number.MAX_SAFE_INTEGER;
  const page = Math.max(1, action.page ?? 1);
  const from = Math.min(state.notesScroll, limit);
  const notesScroll = clamp(from + action.direction * page, 0, limit);
  return { ...state, notesScroll };
}

/**
 * Where `E` writes the NumPy program: beside the file the lesson was saved
 * to or opened from (`./mine.json` gives `./mine.py`), else `./NAME.py`.
 */
export function exportPathFor(state: SessionState): string {
  const beside = lessonFile(state);
  if (!beside) return `./${state.lesson.name}.py`;
  return /\.json$/i.test(beside)
    ? beside.replace(/\.json$/i, '.py')
    : `${beside}.py`;
}

/** `E`: asks the app to write the NumPy program, not over a file. */
function startExport(state: SessionState): SessionState {
  const path = exportPathFor(state);
  return {
    ...state,
    exportPath: null,
    status: null,
    pendingSave: { path, overwrite: false, kind: 'numpy' },
  };
}

/** `y` to a question about replacing a file: a preset or the NumPy file. */
function confirmOverwrite(state: SessionState): SessionState {
  if (state.exportPath !== null) {
    return {
      ...state,
      pendingSave: { path: state.exportPath, overwrite: true, kind: 'numpy' },
    };
  }
  return {
    ...state,
    pendingSave: { path: draftText(state.draft).trim(), overwrite: true },
  };
}

/** Any other key: the file stays; a save goes back to its field. */
function declineOverwrite(
  state: SessionState,
  messages: Messages,
): SessionState {
  if (state.exportPath !== null) {
    return inform(
      { ...state, mode: 'normal', exportPath: null },
      messages.exportKept,
    );
  }
  return inform({ ...state, mode: 'save-path' }, messages.notOverwritten);
}

/** A change from src/ui/training.ts, remembered for undo when it says so. */
function applyTraining(
  state: SessionState,
  change: TrainingChange | null,
): SessionState {
  if (!change) return state;
  const { lesson = state.lesson, ...changes } = change.changes;
  return change.isUndoable
    ? commit(state, lesson, changes, true)
    : { ...state, lesson, ...changes };
}

/** The change an action makes; edits the core refuses become the status. */
export function reduce(state: SessionState, action: Action): SessionState {
  const messages = messagesFor(state.language);
  try {
    const next = apply(state, action, messages);
    const isSameWork =
      next.lesson === state.lesson &&
      next.lessonIndex === state.lessonIndex &&
      next.savedLessons === state.savedLessons;
    return isSameWork ? next : withUnsavedMark(next);
  } catch (error) {
    return refuse(state, errorText(error, messages));
  }
}

function apply(
  state: SessionState,
  action: Action,
  messages: Messages,
): SessionState {
  if (state.isLocked && STRUCTURE_ACTIONS.has(action.type)) {
    return refuse(state, messages.lockedStructure);
  }
  switch (action.type) {
    case 'move-neuron':
      return moveNeuron(state, action.delta);
    case 'move-value':
      return moveValue(state, action.delta);
    case 'nudge':
      return applyValue(
        state,
        nudged(selectedValue(state), action.direction * state.stepSize),
        messages,
      );
    case 'change-step':
      return changeStep(state, action.direction, messages);
    case 'zero-value':
      return applyValue(state, 0, messages);
    case 'set-value':
      return applyValue(state, action.value, messages);
    case 'start-edit':
      return startEdit(state);
    case 'edit-draft':
      // A field's change can arrive after the Enter that closed it.
      if (!isTextMode(state.mode)) return state;
      return {
        ...state,
        draft: { ...state.draft, text: action.text, error: null },
      };
    case 'commit-edit':
      return commitEdit(state, messages);
    case 'cancel':
      return {
        ...closeField(state),
        status: afterCancel(state, messages),
        pendingSave: null,
        exportPath: null,
      };
    case 'change-lesson':
      return openLesson(
        state,
        state.lessonIndex === null
          ? action.delta > 0
            ? 0
            : -1
          : state.lessonIndex + action.delta,
      );
    case 'open-lesson':
      return openLesson(state, action.index);
    case 'open-preset-list':
      return {
        ...state,
        mode: 'preset-list',
        listIndex: state.lessonIndex ?? 0,
        status: null,
      };
    case 'move-list':
      return {
        ...state,
        listIndex: clamp(
          state.listIndex + action.delta,
          0,
          state.lessons.length - 1,
        ),
      };
    case 'pick-list':
      return openLesson(state, state.listIndex);
    case 'cycle-activation':
      return cycleActivation(state, messages);
    case 'add-neuron':
      return addNeuronHere(state, messages);
    case 'delete-neuron':
      return deleteNeuronHere(state, messages);
    case 'add-layer':
      return addLayerHere(state, messages);
    case 'delete-layer':
      return deleteLayerHere(state, messages);
    case 'add-input':
      return addInputHere(state, messages);
    case 'remove-input':
      return removeInputHere(state, messages);
    case 'cycle-grid':
      return cycleGrid(state);
    case 'cycle-axis':
      return cycleAxis(state, action.axis, messages);
    case 'edit-targets':
      return state.mode === 'targets'
        ? { ...state, mode: 'normal', status: null }
        : { ...state, mode: 'targets', status: null };
    case 'move-target':
      return {
        ...state,
        targetRow: clamp(
          state.targetRow + action.delta,
          0,
          2 ** state.lesson.network.inputs.length - 1,
        ),
      };
    case 'move-target-output':
      return {
        ...state,
        targetOutput: clamp(
          state.targetOutput + action.delta,
          0,
          (state.lesson.network.layers.at(-1)?.neurons.length ?? 1) - 1,
        ),
      };
    case 'set-target':
      return setTarget(state, action.value);
    case 'undo':
      return undo(state, messages);
    case 'redo':
      return redo(state, messages);
    case 'show-help':
      return { ...state, mode: 'help', helpScroll: 0, status: null };
    case 'scroll-help':
      return {
        ...state,
        helpScroll: clamp(
          state.helpScroll + action.delta,
          0,
          action.limit ?? Number.MAX_SAFE_INTEGER,
        ),
      };
    case 'start-save':
      return startSave(state);
    case 'commit-save':
      return commitSave(state, messages);
    case 'confirm-overwrite':
      return confirmOverwrite(state);
    case 'decline-overwrite':
      return declineOverwrite(state, messages);
    case 'save-done':
      return {
        ...closeField(state),
        pendingSave: null,
        savedLessons: {
          ...state.savedLessons,
          [state.lesson.name]: state.lesson,
        },
        savedPaths: {
          ...state.savedPaths,
          [state.lesson.name]: draftText(state.draft).trim(),
        },
        status: { text: messages.savedTo(action.path), tone: 'info' },
      };
    case 'save-exists':
      return {
        ...state,
        mode: 'confirm-overwrite',
        pendingSave: null,
        status: { text: messages.confirmOverwrite(action.path), tone: 'error' },
      };
    case 'save-failed':
      return {
        ...state,
        mode: 'save-path',
        pendingSave: null,
        draft: { ...state.draft, error: action.message },
      };
    case 'quit':
      return quit(state, messages);
    case 'stay':
      return { ...state, mode: 'normal', status: null };
    case 'train-epoch':
    case 'train-update':
    case 'toggle-live':
    case 'live-slice':
    case 'live-failed':
    case 'reset-training':
    case 'select-rate':
    case 'change-rate':
      return applyTraining(state, reduceTraining(state, action, messages));
    case 'toggle-step-rule':
      return toggleStepRule(state, messages);
    case 'toggle-language':
      return toggleLanguage(state);
    case 'reveal-panels':
      return revealPanels(state, messages);
    case 'show-why':
      return showWhy(state, messages);
    case 'scroll-notes':
      return scrollNotes(state, action);
    case 'start-export':
      return startExport(state);
    case 'export-done':
      return inform(
        {
          ...state,
          mode: state.mode === 'confirm-overwrite' ? 'normal' : state.mode,
          pendingSave: null,
          exportPath: null,
        },
        messages.exportedTo(action.path),
      );
    case 'export-exists':
      return {
        ...state,
        mode: 'confirm-overwrite',
        pendingSave: null,
        exportPath: action.path,
        status: { text: messages.confirmOverwrite(action.path), tone: 'error' },
      };
    case 'export-failed':
      return refuse(
        {
          ...state,
          mode: state.mode === 'confirm-overwrite' ? 'normal' : state.mode,
          pendingSave: null,
          exportPath: null,
        },
        action.message,
      );
  }
}
