import type { Lesson, TrainingSettings } from '../core/lesson.js';
import type { Network } from '../core/network.js';
import {
  createTrainingState,
  resolveSettings,
  settingsFor,
  trainEpoch,
  trainEpochs,
  trainUpdate,
  type TrainingState,
  type UpdateDetails,
} from '../core/train.js';
import { targetsFit, type Targets } from '../core/truth-table.js';
import { errorText, type Messages } from '../i18n/messages.js';
import type { SessionState, Status } from './state.js';

// The training part of the session: the keys t, ., space, r and R and the
// slices of a live run become these actions, and the main reducer hands
// them to `reduceTraining`. The network trained is always the one on the
// screen: each step writes its network into the lesson, and an edit made
// between two steps is what the next step trains.

/**
 * The learning rates that + and - step through once R has selected the
 * rate: 1, 2 and 5 in each decade, so that the perceptron's 1 and the
 * usual backprop rates 0.1 and 0.5 are all on it.
 */
export const LEARNING_RATES = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50,
  100,
] as const;

/**
 * Milliseconds between two frames of a live run: 40 frames a second, so
 * that a frame late now and then still leaves well over 30.
 */
export const FRAME_MS = 25;

/** The most milliseconds one frame of a live run spends training. */
export const SLICE_BUDGET_MS = 8;

/**
 * How fast a live run speeds up: one epoch a frame for the first 20
 * epochs, then 5% more epochs each frame. The start, where the perceptron
 * does all its work, goes slowly enough to watch; xor-sigmoid reaches its
 * 635th epoch, where it converges, in under four seconds.
 */
const PACE_GROWTH = 0.05;

/** A training run under way, from the first t, . or space until r. */
export interface TrainingSession {
  /** Where training stands; its network is the one on the screen. */
  state: TrainingState;
  /** The rule of the lesson's settings (see `settingsFor`). */
  rule: TrainingSettings['rule'];
  /** The learning rate; + and - change it once R has selected it. */
  learningRate: number;
  /** What the last single update (.) did; null after anything else. */
  lastUpdate: UpdateDetails | null;
  /** True while live training runs. */
  isRunning: boolean;
  /** The epoch at which the live run under way stops. */
  stopAt: number;
  /**
   * The network's shape, the targets and the rule, as text: when an edit
   * changes any of them, the next step starts a new session from epoch 0.
   */
  problem: string;
}

/** The actions of training, as the keymap and the live run send them. */
export type TrainingAction =
  | { type: 'train-epoch' }
  | { type: 'train-update' }
  | { type: 'toggle-live' }
  | {
      type: 'live-slice';
      /** The session the slice started from. */
      from: TrainingSession;
      /** The network on the screen when it started. */
      network: Network;
      /** The session after the slice. */
      to: TrainingSession;
    }
  | { type: 'live-failed'; from: TrainingSession; reason: string }
  | { type: 'reset-training' }
  | { type: 'select-rate' }
  | { type: 'change-rate'; direction: 1 | -1 };

/** What a training action changes, and whether undo comes back to it. */
export interface TrainingChange {
  changes: Partial<SessionState>;
  isUndoable: boolean;
}

function info(text: string): Status {
  return { text, tone: 'info' };
}

/** What a state came to, as the status line says it. */
function statusOf(state: TrainingState, messages: Messages): Status | null {
  if (state.outcome === undefined) return null;
  const text = messages.trainingOutcome(state.outcome);
  return { text, tone: state.hasOverflowed ? 'error' : 'info' };
}

/** The parts of a network that a new session starts for. */
function problemOf(
  network: Network,
  targets: Targets,
  rule: TrainingSettings['rule'],
): string {
  const layers = network.layers.map((layer) => [
    layer.activation,
    layer.neurons.length,
  ]);
  const shape = [network.inputs.length, network.stepRule, layers];
  return JSON.stringify([shape, targets, rule]);
}

/**
 * What changed on the screen since a session's last step: nothing, only
 * weights and biases (the next step trains them as they are), or the
 * shape, the targets or the rule (the next step starts at epoch 0).
 */
export type SessionChange = 'none' | 'weights' | 'problem';

/** What changed in `lesson` since the last step of `training`. */
export function changeSince(
  training: TrainingSession,
  lesson: Lesson,
): SessionChange {
  const rule = settingsFor(lesson.network, lesson.training).rule;
  const problem = lesson.targets
    ? problemOf(lesson.network, lesson.targets, rule)
    : null;
  if (problem !== training.problem) return 'problem';
  const trained = training.state.network;
  if (trained === lesson.network) return 'none';
  return JSON.stringify(trained) === JSON.stringify(lesson.network)
    ? 'none'
    : 'weights';
}

/**
 * The settings a step trains with: the lesson's own or `settingsFor`'s,
 * at the session's rate, with the number of epochs made explicit so that
 * the core says when they have run out.
 */
export function settingsOf(
  lesson: Lesson,
  learningRate: number,
): TrainingSettings {
  const base = settingsFor(lesson.network, lesson.training);
  return { ...base, learningRate, epochs: resolveSettings(base).epochs };
}

function targetsOf(lesson: Lesson, messages: Messages): Targets {
  if (!lesson.targets) throw new Error(messages.trainingNoTargets);
  return lesson.targets;
}

/**
 * The session that trains the lesson as it is now: the current one, on
 * the network as edited since its last step, or a new one when there is
 * none or the shape, the targets or the rule changed. Only the first
 * session starts where the lesson's settings say (`init`); a new one after
 * an edit keeps the weights on the screen. Throws the core's sentence when
 * the network cannot be trained.
 */
export function sessionFor(
  training: TrainingSession | null,
  lesson: Lesson,
  messages: Messages,
): TrainingSession {
  const targets = targetsOf(lesson, messages);
  const base = settingsFor(lesson.network, lesson.training);
  const problem = problemOf(lesson.network, targets, base.rule);
  if (training && training.problem === problem) {
    if (training.state.network === lesson.network) return training;
    const state = { ...training.state, network: lesson.network };
    return { ...training, state };
  }
  const { learningRate } = nextRule(training, lesson);
  const settings: TrainingSettings = training
    ? { ...base, learningRate, init: 'preset' }
    : { ...base, learningRate };
  const state = createTrainingState(lesson.network, targets, settings);
  const isRunning = training?.isRunning ?? false;
  const limit = settingsOf(lesson, learningRate).epochs ?? 0;
  return {
    state,
    rule: base.rule,
    learningRate,
    lastUpdate: null,
    isRunning,
    stopAt: isRunning ? stopAtAfter(0, limit) : 0,
    problem,
  };
}

/**
 * The rule and learning rate of the next session: the lesson's rule, at
 * the current session's rate while the rule stays the same (R may have
 * changed it), else at the rule's own rate.
 */
export function nextRule(
  training: TrainingSession | null,
  lesson: Lesson,
): Pick<TrainingSession, 'rule' | 'learningRate'> {
  const base = settingsFor(lesson.network, lesson.training);
  const learningRate =
    training?.rule === base.rule ? training.learningRate : base.learningRate;
  return { rule: base.rule, learningRate };
}

/**
 * Where a live run started at `epoch` stops: at the lesson's number of
 * epochs, or once past it, at the next multiple of it.
 */
export function stopAtAfter(epoch: number, limit: number): number {
  return (Math.floor(epoch / limit) + 1) * limit;
}

/** The lesson and session after a step, with the status it leads to. */
function stepped(
  state: SessionState,
  session: TrainingSession,
  status: Status | null,
  isUndoable = true,
): TrainingChange {
  const network = session.state.network;
  return {
    changes: {
      lesson: { ...state.lesson, network },
      training: session,
      status,
    },
    isUndoable,
  };
}

/** True when `session` starts from other weights than those on the screen. */
function hasNewWeights(session: TrainingSession, state: SessionState): boolean {
  return (
    JSON.stringify(session.state.network) !==
    JSON.stringify(state.lesson.network)
  );
}

/**
 * A first step on a lesson whose training starts from zero or random
 * weights: it puts them on the screen at epoch 0 and says so, rather than
 * train from weights nobody saw, in place of those shown. `u` brings those
 * back; the next step trains.
 */
function showStart(
  state: SessionState,
  session: TrainingSession,
  messages: Messages,
): TrainingChange {
  const { init = 'preset', seed } = state.lesson.training ?? {};
  const text =
    init === 'zero'
      ? messages.trainingStartZero
      : messages.trainingStartRandom(seed ?? 0);
  return stepped(state, session, info(text));
}

/** `t`: the rest of the epoch under way, or a whole epoch. */
function trainOneEpoch(
  state: SessionState,
  messages: Messages,
): TrainingChange {
  const session = sessionFor(state.training, state.lesson, messages);
  if (hasNewWeights(session, state)) {
    return showStart(state, session, messages);
  }
  const settings = settingsOf(state.lesson, session.learningRate);
  const targets = targetsOf(state.lesson, messages);
  const next = trainEpoch(session.state, settings, targets);
  const after = { ...session, state: next, lastUpdate: null, isRunning: false };
  return stepped(state, after, statusOf(next, messages));
}

/** `.`: one update, whose rows and changes the training panel shows. */
function trainOneUpdate(
  state: SessionState,
  messages: Messages,
): TrainingChange {
  const session = sessionFor(state.training, state.lesson, messages);
  if (hasNewWeights(session, state)) {
    return showStart(state, session, messages);
  }
  const settings = settingsOf(state.lesson, session.learningRate);
  const targets = targetsOf(state.lesson, messages);
  const { state: next, details } = trainUpdate(
    session.state,
    settings,
    targets,
  );
  const after = {
    ...session,
    state: next,
    lastUpdate: details,
    isRunning: false,
  };
  return stepped(state, after, statusOf(next, messages));
}

/**
 * Space: pauses a live run, or starts one. Undo takes back a whole run at
 * once, so starting is what undo remembers.
 */
function toggleLive(state: SessionState, messages: Messages): TrainingChange {
  const current = state.training;
  if (current?.isRunning) {
    return {
      changes: {
        training: { ...current, isRunning: false },
        status: info(messages.trainingPaused(current.state.epoch)),
      },
      isUndoable: false,
    };
  }
  // A run from the network it converged with would stop after one epoch,
  // saying it converged there.
  if (
    current?.state.isConverged &&
    changeSince(current, state.lesson) === 'none'
  ) {
    const text = messages.trainingAlreadyConverged(current.state.epoch);
    return { changes: { status: info(text) }, isUndoable: false };
  }
  const session = sessionFor(current, state.lesson, messages);
  const limit = settingsOf(state.lesson, session.learningRate).epochs ?? 0;
  const running: TrainingSession = {
    ...session,
    lastUpdate: null,
    isRunning: true,
    stopAt: stopAtAfter(session.state.epoch, limit),
  };
  return stepped(state, running, info(messages.trainingStarted));
}

/**
 * The lesson as it was opened: the built-in lesson, or for a user file
 * the file as loaded.
 */
export function loadedLesson(state: SessionState): Lesson {
  const builtIn =
    state.lessonIndex === null ? undefined : state.lessons[state.lessonIndex];
  return builtIn ?? state.startLesson;
}

/**
 * `r`: the network as loaded, which ends the session. Targets set since
 * are kept when they fit it.
 */
function reset(state: SessionState, messages: Messages): TrainingChange {
  const loaded = loadedLesson(state);
  const { network } = loaded;
  const current = state.lesson;
  const targets =
    current.targets && targetsFit(network, current.targets)
      ? current.targets
      : loaded.targets;
  const isSame =
    JSON.stringify([network, targets]) ===
    JSON.stringify([current.network, current.targets]);
  if (isSame && !state.training) {
    return {
      changes: { status: info(messages.trainingAlreadyReset) },
      isUndoable: false,
    };
  }
  return {
    changes: {
      lesson: { ...current, network, targets },
      training: null,
      mode: 'normal',
      status: info(messages.trainingReset),
    },
    isUndoable: true,
  };
}

/**
 * `R`: selects the learning rate, starting a session to show it in; `R`
 * again goes back to the weights.
 */
function selectRate(state: SessionState, messages: Messages): TrainingChange {
  if (state.mode === 'rate') {
    return { changes: { mode: 'normal', status: null }, isUndoable: false };
  }
  const session = sessionFor(state.training, state.lesson, messages);
  const rate = String(session.learningRate);
  // A first session that starts from zero or random weights changes the
  // network, and undo should be able to take that back.
  const change = stepped(
    state,
    session,
    info(messages.rateSelected(rate)),
    hasNewWeights(session, state),
  );
  return { ...change, changes: { ...change.changes, mode: 'rate' } };
}

/** The next rate of `LEARNING_RATES` up or down from `rate`. */
export function nextRate(rate: number, direction: 1 | -1): number {
  const next =
    direction > 0
      ? LEARNING_RATES.find((candidate) => candidate > rate * (1 + 1e-9))
      : LEARNING_RATES.findLast((candidate) => candidate < rate * (1 - 1e-9));
  return next ?? rate;
}

/** `+` and `-` on the selected learning rate. */
function changeRate(
  state: SessionState,
  direction: 1 | -1,
  messages: Messages,
): TrainingChange | null {
  const training = state.training;
  if (!training) return null;
  const rate = nextRate(training.learningRate, direction);
  const text =
    rate === training.learningRate
      ? messages.rateLimit(String(rate))
      : messages.rateNow(String(rate));
  return {
    changes: {
      training: { ...training, learningRate: rate },
      status: info(text),
    },
    isUndoable: false,
  };
}

/**
 * A slice of a live run, as `liveSlice` worked it out. It is taken only
 * when nothing has changed the session or the network since it started.
 */
function takeSlice(
  state: SessionState,
  action: Extract<TrainingAction, { type: 'live-slice' }>,
  messages: Messages,
): TrainingChange | null {
  const current = state.training;
  const isCurrent =
    current === action.from &&
    current.isRunning &&
    state.lesson.network === action.network;
  if (!isCurrent) return null;
  const { to } = action;
  const status = to.isRunning
    ? state.status
    : (statusOf(to.state, messages) ??
      info(messages.trainingPaused(to.state.epoch)));
  return stepped(state, to, status, false);
}

/** A live run that cannot go on: it stops, and the status says why. */
function stopFailed(
  state: SessionState,
  action: Extract<TrainingAction, { type: 'live-failed' }>,
): TrainingChange | null {
  if (state.training !== action.from) return null;
  return {
    changes: {
      training: { ...action.from, isRunning: false },
      status: { text: action.reason, tone: 'error' },
    },
    isUndoable: false,
  };
}

/**
 * The change a training action makes, or null when it makes none. Throws,
 * as the core does, when the network cannot be trained; the main reducer
 * shows that in the status line.
 */
export function reduceTraining(
  state: SessionState,
  action: TrainingAction,
  messages: Messages,
): TrainingChange | null {
  switch (action.type) {
    case 'train-epoch':
      return trainOneEpoch(state, messages);
    case 'train-update':
      return trainOneUpdate(state, messages);
    case 'toggle-live':
      return toggleLive(state, messages);
    case 'live-slice':
      return takeSlice(state, action, messages);
    case 'live-failed':
      return stopFailed(state, action);
    case 'reset-training':
      return reset(state, messages);
    case 'select-rate':
      return selectRate(state, messages);
    case 'change-rate':
      return changeRate(state, action.direction, messages);
  }
}

/**
 * Epochs one frame of a live run trains at most: one a frame for the first
 * 20 epochs, then 5% of the epochs so far (see `PACE_GROWTH`).
 */
export function paceAt(epoch: number): number {
  return Math.max(1, Math.ceil(epoch * PACE_GROWTH));
}

/**
 * Trains for one frame of a live run: up to `paceAt` epochs and no
 * further than `stopAt`, for at most `SLICE_BUDGET_MS` by `clock`, and
 * stops early on convergence or overflow. Epochs go in chunks sized by the
 * time the ones before took.
 */
export function runSlice(
  start: TrainingState,
  settings: TrainingSettings,
  targets: Targets,
  stopAt: number,
  clock: () => number,
): TrainingState {
  const began = clock();
  let state = start;
  let left = Math.min(paceAt(start.epoch), stopAt - start.epoch);
  let chunk = 1;
  while (left > 0) {
    const before = state.epoch;
    state = trainEpochs(state, settings, targets, Math.min(chunk, left));
    left -= Math.max(1, state.epoch - before);
    if (state.isConverged || state.hasOverflowed) break;
    const spent = clock() - began;
    if (spent >= SLICE_BUDGET_MS) break;
    const perEpoch = spent / Math.max(1, state.epoch - start.epoch);
    const room = (SLICE_BUDGET_MS - spent) / Math.max(perEpoch, 1e-3);
    chunk = Math.max(1, Math.floor(room));
  }
  return state;
}

/**
 * The action for the next frame of a live run, worked out away from the
 * reducer so that the reducer stays pure: the session after one slice, or
 * why the run cannot go on.
 */
export function liveSlice(
  from: TrainingSession,
  lesson: Lesson,
  messages: Messages,
  clock: () => number,
): TrainingAction {
  try {
    const session = sessionFor(from, lesson, messages);
    const settings = settingsOf(lesson, session.learningRate);
    const targets = targetsOf(lesson, messages);
    const { stopAt } = session;
    const state = runSlice(session.state, settings, targets, stopAt, clock);
    const isDone =
      state.isConverged || state.hasOverflowed || state.epoch >= stopAt;
    const to = { ...session, state, lastUpdate: null, isRunning: !isDone };
    return { type: 'live-slice', from, network: lesson.network, to };
  } catch (error) {
    return { type: 'live-failed', from, reason: errorText(error, messages) };
  }
}
