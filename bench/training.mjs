// Live training: frames a second of the screen while xor-sigmoid trains
// live (space in the playground), epochs a second as the screen counts
// them, and how soon a key sent during training shows on the screen.
// The reference for epochs a second is the core alone, trainEpoch in a
// loop in this process, measured in the same run.
//
// A live run of xor-sigmoid converges at epoch 635 within a few seconds,
// after which the screen rightly stops drawing; so frames are counted over
// whole runs, each from the lesson's weights (r, then space) to the frame
// that says it converged. The keys are timed on a slower run (rate 0.001)
// that goes on under them.
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

/** Whether the training panel says that a live run is under way. */
function isRunning(lines) {
  return lines.some((line) => /^Training\b.*\brunning\b/.test(line));
}

/** The row of the selected neuron, the line that starts with `>`. */
function selectedRow(lines) {
  return lines.findIndex((line) => /^\s*>/.test(line));
}

/**
 * Counts frames while it is attached to a session: synchronized updates
 * when Ink writes them, else bursts of output with at least 2 ms of quiet
 * between them.
 */
function frameCounter(session) {
  let synchronized = 0;
  let bursts = 0;
  let lastAt = 0;
  const listener = {
    onRaw: (data) => {
      synchronized += data.split(FRAME_END).length - 1;
    },
    onData: (at) => {
      if (at - lastAt >= 2) bursts++;
      lastAt = at;
    },
  };
  session.listeners.add(listener);
  return {
    stop() {
      session.listeners.delete(listener);
      return {
        frames: synchronized > 0 ? synchronized : bursts,
        isSynchronized: synchronized > 0,
      };
    },
  };
}

/**
 * One live run of the lesson from its own weights: r resets, space starts,
 * and the run ends when it converges (xor-sigmoid at epoch 635, a few
 * seconds in, because a run starts at one epoch a frame so that the start
 * can be watched). Returns the frames and epochs a second over the run.
 */
async function watchRun(session) {
  session.write('r');
  await session.settle(200);
  const startEpoch = shownEpoch(session.lines()) ?? 0;
  const counter = frameCounter(session);
  const start = performance.now();
  session.write(' ');
  await session.waitForScreen(isRunning, 2000);
  const end = await session.waitForScreen((lines) => !isRunning(lines), 60_000);
  const { frames, isSynchronized } = counter.stop();
  const seconds = (end - start) / 1000;
  const endEpoch = shownEpoch(session.lines());
  return {
    framesPerSecond: frames / seconds,
    isSynchronized,
    epochsPerSecond:
      endEpoch === null ? null : (endEpoch - startEpoch) / seconds,
    seconds,
  };
}

/** Starts the live run again when it has stopped at its epoch limit. */
async function keepRunning(session) {
  if (isRunning(session.lines())) return;
  session.write(' ');
  await session.waitForScreen(isRunning, 2000);
}

/**
 * Times keys during live training, from the write to the screen's
 * change, and counts the frames meanwhile. The rate goes down to 0.001
 * first (R, then - eight times from 0.5) so that the run does not
 * converge under the keys; space starts it again whenever it stops at its
 * epoch limit.
 */
async function timeKeys(session) {
  session.write('r');
  await session.settle(200);
  session.write('R' + '-'.repeat(8) + '\u001b');
  await session.settle(200);
  await keepRunning(session);
  const times = [];
  const counter = frameCounter(session);
  const start = performance.now();
  for (let index = 0; index < KEY_COUNT; index++) {
    await keepRunning(session);
    const before = selectedRow(session.lines());
    const sent = performance.now();
    session.write(KEYS[index % KEYS.length]);
    try {
      const at = await session.waitForScreen(
        (lines) => selectedRow(lines) !== before,
        1000,
      );
      times.push(at - sent);
    } catch {
      times.push(Infinity);
    }
    await sleep(100);
  }
  const { frames } = counter.stop();
  const framesPerSecond = frames / ((performance.now() - start) / 1000);
  return { times, framesPerSecond };
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
      `median of ${RUNS} runs from the lesson's weights to convergence`,
  );
  const coreRate = await coreEpochsPerSecond();

  const session = new TerminalSession([CLI, 'xor-sigmoid']);
  session.process.onData((data) => {
    for (const listener of session.listeners) listener.onRaw?.(data);
  });
  try {
    await session.waitForScreen((lines) => isWholeFrame(lines));
    await session.settle(200);
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await watchRun(session));
    const keys = await timeKeys(session);

    const fps = median(runs.map((run) => run.framesPerSecond));
    figure(
      'frames a second while training',
      fps.toFixed(1),
      runs[0].isSynchronized
        ? '(synchronized updates counted)'
        : '(bursts of output counted)',
    );
    goal(`at least ${GOAL_FPS} frames a second`, fps >= GOAL_FPS);
    figure(
      'one run, space to convergence',
      `${(median(runs.map((run) => run.seconds)) * 1000).toFixed(0)} ms`,
    );
    figure('core alone, trainEpoch loop', `${count(coreRate)} epochs/s`);
    const rates = runs.map((run) => run.epochsPerSecond);
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
    const { times } = keys;
    const answered = times.filter(Number.isFinite);
    figure(
      'key answered during training',
      `median ${ms(median(times))}, p95 ${ms(percentile(times, 95))}`,
      `${answered.length}/${times.length} answered within 1 s`,
    );
    goal(
      `keys answered within ${GOAL_KEY} ms (p95)`,
      percentile(times, 95) <= GOAL_KEY,
    );
    figure(
      'frames a second meanwhile',
      keys.framesPerSecond.toFixed(1),
      '(rate 0.001, so the run goes on)',
    );
    note(
      'a run starts at one epoch a frame and speeds up by 5% a frame, so ' +
        'epochs a second on screen are set by that pace, not by the core.',
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
