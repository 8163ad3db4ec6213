// Start-up: from launching `node dist/cli.cjs` in a pseudo terminal to the
// first whole frame of the default lesson, against a bare `node -e 0`
// started the same way (time to its exit). Also `--print and` and
// `--version` through pipes, against `node -e 0` through pipes.
//
// nn-tui keeps the code V8 compiled for it (src/code-cache.ts) after its
// first start that shows the playground. "First start" runs each in an
// empty cache folder, as the first start after installing is; every other
// figure is of starts with the cache, as every later start is.
//
// Run alone with `node bench/startup.mjs` (after `node scripts/build.mjs`).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLI,
  RUNS,
  TerminalSession,
  figure,
  goal,
  heading,
  isMain,
  isWholeFrame,
  machine,
  median,
  ms,
  note,
  requireBuild,
  timePiped,
} from './support.mjs';

/** The goal: the first frame within this many times bare Node. */
const GOAL_RATIO = 2.5;

/** Milliseconds from spawning bare Node in a pseudo terminal to its exit. */
async function timeBareNode() {
  const session = new TerminalSession(['-e', '0']);
  await session.exited;
  session.terminal.dispose();
  return session.exitedAt - session.startedAt;
}

/**
 * Milliseconds from spawning the playground to its first whole frame of
 * lesson 1, and the milliseconds to its first byte of output.
 */
async function timeFirstFrame(options = {}) {
  const session = new TerminalSession([CLI], options);
  let firstByte = null;
  session.listeners.add({ onData: (at) => (firstByte ??= at) });
  try {
    const at = await session.waitForScreen((lines) => isWholeFrame(lines, 1));
    return {
      frame: at - session.startedAt,
      firstByte: firstByte - session.startedAt,
    };
  } finally {
    await session.quit();
  }
}

/** The first frame of a start with an empty code cache folder. */
async function timeFirstStart() {
  const cacheHome = mkdtempSync(join(tmpdir(), 'nn-tui-bench-first-'));
  try {
    return (await timeFirstFrame({ cacheHome })).frame;
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

/** Runs the start-up benchmark and prints its report. */
export async function main() {
  requireBuild();
  heading('start-up');
  console.log(`  ${await machine()}; median of ${RUNS} runs each`);

  // One run of each first, untimed, so that the disk cache is warm for all
  // and nn-tui has kept its code cache.
  await timeBareNode();
  await timeFirstFrame();
  await timePiped(['-e', '0']);
  await timePiped([CLI, '--print', 'and']);

  // Interleaved, so that a noisy moment hurts both sides alike.
  const bare = [];
  const frames = [];
  const firstBytes = [];
  const firstStarts = [];
  const barePiped = [];
  const printed = [];
  const versions = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(await timeBareNode());
    const { frame, firstByte } = await timeFirstFrame();
    frames.push(frame);
    firstBytes.push(firstByte);
    firstStarts.push(await timeFirstStart());
    barePiped.push(await timePiped(['-e', '0']));
    printed.push(await timePiped([CLI, '--print', 'and']));
    versions.push(await timePiped([CLI, '--version']));
  }

  const ratio = median(frames) / median(bare);
  figure('node -e 0 in a pty (to exit)', ms(median(bare)));
  figure('nn-tui first byte', ms(median(firstBytes)));
  figure(
    'nn-tui first whole frame',
    ms(median(frames)),
    `${ratio.toFixed(2)} x bare Node`,
  );
  goal(`first frame <= ${GOAL_RATIO} x bare Node`, ratio <= GOAL_RATIO);
  figure(
    'first start (no code cache yet)',
    ms(median(firstStarts)),
    `${(median(firstStarts) / median(bare)).toFixed(2)} x bare Node`,
  );
  figure('node -e 0 piped (to exit)', ms(median(barePiped)));
  figure(
    'nn-tui --print and, piped',
    ms(median(printed)),
    `${(median(printed) / median(barePiped)).toFixed(2)} x bare Node`,
  );
  figure(
    'nn-tui --version, piped',
    ms(median(versions)),
    `${(median(versions) / median(barePiped)).toFixed(2)} x bare Node`,
  );
  note(
    '--version loads the whole bundle and draws nothing: the gap between it ' +
      'and bare Node is the cost of loading dist/cli.cjs.',
  );
}

if (isMain(import.meta.url)) await main();
