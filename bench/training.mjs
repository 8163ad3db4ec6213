// Live training: frames a second of the screen while xor-sigmoid trains
// live (space in the playground), epochs a second as the screen counts
// them, and how soon a key sent during training shows on the screen.
// The reference for epochs a second is the core alone, trainEpoch in a
// loop in this process, measured in the same run.
//
// Until the playground has live training (space in normal mode, see
// src/ui/keymap.ts) this prints that it skipped.
//
// Run alone with `node bench/training.mjs` (after `node scripts/build.mjs`).

import { join } from 'node:path';
import {
  CLI,
  ROOT,
  RUNS,
  TerminalSession,
  count,
  figure,
  goal,
  heading,
  importSources,
  isMain,
  isWholeFrame,
  machine,
  median,
  ms,
  note,
  percentile,
  requireBuild,
  sleep,
} from './support.mjs';

const GOAL_FPS = 30;
const GOAL_KEY = 50;

/** How long each window of live training is watched, in ms. */
const WINDOW = 2000;

/** Keys sent during live training to time: down, then up again. */
const KEYS = ['j', 'k'];
const KEY_COUNT = 20;

/** Ink's start and end of a synchronized update, around each frame. */
const FRAME_END = '\u001B[?2026l';

/** The epoch the screen shows, or null when it shows none. */
function shownEpoch(lines) {
  for (const line of lines) {
    const match = /epoch\D{0,3}([\d,]+)/i.exec(line);
    if (match) return Number(match[1].replaceAll(',', ''));
  }
  return null;
}

/** The row of the selected neuron, the line that starts with `>`. */
function selectedRow(lines) {
  return lines.findIndex((line) => /^\s*>/.test(line));
}

/**
 * Counts frames over `WINDOW` ms: synchronized updates when Ink writes
 * them, else bursts of output with at least 2 ms of quiet between them.
 */
async function watchFrames(session) {
  let frames = 0;
  let bursts = 0;
  let lastAt = 0;
  const listener = {
    onRaw: (data) => {
      frames += data.split(FRAME_END).length - 1;
    },
    onData: (at) => {
      if (at - lastAt >= 2) bursts++;
      lastAt = at;
    },
  };
  const startEpoch = shownEpoch(session.lines());
  const start = performance.now();
  session.listeners.add(listener);
  await sleep(WINDOW);
  session.listeners.delete(listener);
  const seconds = (performance.now() - start) / 1000;
  const endEpoch = shownEpoch(session.lines());
  return {
    framesPerSecond: (frames > 0 ? frames : bursts) / seconds,
    isSynchronized: frames > 0,
    epochsPerSecond:
      startEpoch === null || endEpoch === null
        ? null
        : (endEpoch - startEpoch) / seconds,
  };
}

/** Times keys during live training: from the write to the screen's change. */
async function timeKeys(session) {
  const times = [];
  for (let index = 0; index < KEY_COUNT; index++) {
    const before = selectedRow(session.lines());
    const start = performance.now();
    session.write(KEYS[index % KEYS.length]);
    try {
      const at = await session.waitForScreen(
        (lines) => selectedRow(lines) !== before,
        1000,
      );
      times.push(at - start);
    } catch {
      times.push(Infinity);
    }
    await sleep(100);
  }
  return times;
}

/** Epochs a second of the core alone: trainEpoch in a loop on xor-sigmoid. */
async function coreEpochsPerSecond() {
  const { modules, cleanUp } = await importSources({
    train: 'src/core/train.ts',
    files: 'src/preset/files.ts',
  });
  try {
    const { createTrainingState, trainEpoch, settingsFor } = modules.train;
    const lesson = modules.files.loadPresetFile(
      join(ROOT, 'presets', 'xor-sigmoid.json'),
    );
    const settings = settingsFor(lesson.network, lesson.training);
    const rates = [];
    for (let run = 0; run < RUNS + 1; run++) {
      let state = createTrainingState(lesson.network, lesson.targets, settings);
      const start = performance.now();
      for (let epoch = 0; epoch < 2000; epoch++) {
        state = trainEpoch(state, settings, lesson.targets);
      }
      if (run > 0) rates.push(2000 / ((performance.now() - start) / 1000));
    }
    return median(rates);
  } finally {
    await cleanUp();
  }
}

/** The action space sends in normal mode, or null when it sends none. */
async function liveTrainingAction() {
  const { modules, cleanUp } = await importSources({
    keymap: 'src/ui/keymap.ts',
  });
  try {
    return modules.keymap.actionFor('normal', 'space');
  } finally {
    await cleanUp();
  }
}

/** Runs the live training benchmark and prints its report. */
export async function main() {
  requireBuild();
  heading('live training');
  const action = await liveTrainingAction();
  if (!action) {
    console.log('  skipped: live training is not in the playground yet');
    return;
  }
  console.log(
    `  ${await machine()}; space sends ${JSON.stringify(action)}; ` +
      `median of ${RUNS} windows of ${WINDOW / 1000} s`,
  );
  const coreRate = await coreEpochsPerSecond();

  const session = new TerminalSession([CLI, 'xor-sigmoid']);
  session.process.onData((data) => {
    for (const listener of session.listeners) listener.onRaw?.(data);
  });
  try {
    await session.waitForScreen((lines) => isWholeFrame(lines));
    await session.settle(200);
    session.write(' ');
    await sleep(300);
    const windows = [];
    for (let run = 0; run < RUNS; run++)
      windows.push(await watchFrames(session));
    const keyTimes = await timeKeys(session);
    const stillTraining = await watchFrames(session);
    session.write(' ');

    const fps = median(windows.map((window) => window.framesPerSecond));
    figure(
      'frames a second while training',
      fps.toFixed(1),
      windows[0].isSynchronized
        ? '(synchronized updates counted)'
        : '(bursts of output counted)',
    );
    goal(`at least ${GOAL_FPS} frames a second`, fps >= GOAL_FPS);
    figure('core alone, trainEpoch loop', `${count(coreRate)} epochs/s`);
    const rates = windows.map((window) => window.epochsPerSecond);
    if (rates.some((rate) => rate === null)) {
      note('the screen shows no epoch count, so epochs/s is not measured');
    } else {
      const rate = median(rates);
      figure(
        'epochs a second on screen',
        count(rate),
        `${((rate / coreRate) * 100).toFixed(1)}% of the core alone`,
      );
    }
    const answered = keyTimes.filter(Number.isFinite);
    figure(
      'key answered during training',
      `median ${ms(median(keyTimes))}, p95 ${ms(percentile(keyTimes, 95))}`,
      `${answered.length}/${keyTimes.length} answered within 1 s`,
    );
    goal(
      `keys answered within ${GOAL_KEY} ms (p95)`,
      percentile(keyTimes, 95) <= GOAL_KEY,
    );
    figure(
      'frames a second after the keys',
      stillTraining.framesPerSecond.toFixed(1),
      '(training should still run)',
    );
    note(
      'a key is j or k (select the next or previous neuron), timed from ' +
        'the write to the frame that moves the selection mark.',
    );
  } finally {
    await session.quit();
  }
}

if (isMain(import.meta.url)) await main();
