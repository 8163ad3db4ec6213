// Key latency: 200 nudges ('+' then '-', so the network stays near where
// it started) sent 50 ms apart, on the largest lesson (three-layer) and on
// a 6-6-6-1 sigmoid network whose grid shows a hidden neuron. Each nudge
// is timed from writing the key to the first output after it, and to the
// last output before 5 ms of quiet (the end of the frame). The reference
// is a bare Node program in the same pseudo terminal that echoes each key.
//
// Also the bytes a nudge writes against the bytes of a whole frame (the
// first frame the program draws).
//
// Run alone with `node bench/latency.mjs` (after `node scripts/build.mjs`).
// BENCH_NUDGES changes the number of nudges (200 by default).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLI,
  TerminalSession,
  count,
  cpuTime,
  figure,
  goal,
  heading,
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

const NUDGES = Math.max(20, Number(process.env.BENCH_NUDGES) || 200);
const INTERVAL = 50;
const GOAL_MEDIAN = 8;
const GOAL_P95 = 16;
const GOAL_BYTES = 1 / 3;

/** A bare Node program that writes back each key it reads, in raw mode. */
const ECHO = [
  'process.stdin.setRawMode(true);',
  "process.stdin.on('data', (d) => d[0] === 3 ? process.exit(0) : process.stdout.write(d));",
].join('');

/**
 * A 6-6-6-1 network: 6 inputs, two hidden layers of 6 sigmoid neurons and
 * one sigmoid output, with small weights, none of them zero.
 */
function sixSixSixOne() {
  const weight = (layer, neuron, input) => {
    const value = (((layer * 7 + neuron * 5 + input * 3) % 9) - 4) / 20;
    return value === 0 ? 0.05 : value;
  };
  const layer = (index, size, inputs) => ({
    activation: 'sigmoid',
    neurons: Array.from({ length: size }, (_, neuron) => ({
      weights: Array.from({ length: inputs }, (_, input) =>
        weight(index, neuron, input),
      ),
      bias: weight(index, neuron, inputs),
    })),
  });
  return {
    name: 'bench-6-6-6-1',
    title: 'Benchmark: 6-6-6-1',
    notes: 'A network for the key latency benchmark.',
    inputs: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
    layers: [layer(0, 6, 6), layer(1, 6, 6), layer(2, 1, 6)],
  };
}

/**
 * Sends the nudges to a session and times each. Each key is written 50 ms
 * after the one before, or once the frame before it has ended if that is
 * later.
 */
async function nudge(session, keys = ['+', '-']) {
  const results = [];
  const cpuBefore = cpuTime(session.process.pid);
  for (let index = 0; index < NUDGES; index++) {
    const sentAt = performance.now();
    results.push(await session.measureKey(keys[index % keys.length]));
    const wait = INTERVAL - (performance.now() - sentAt);
    if (wait > 0) await sleep(wait);
  }
  const cpuAfter = cpuTime(session.process.pid);
  results.cpuPerKey =
    cpuBefore === null || cpuAfter === null
      ? null
      : (cpuAfter - cpuBefore) / NUDGES;
  return results;
}

/** Prints the figures of one series of nudges. */
function report(name, results, echoMedian, fullFrameBytes) {
  const answered = results.filter((result) => result.first !== null);
  const firsts = answered.map((result) => result.first);
  const ends = answered.map((result) => result.end);
  const bytes = median(answered.map((result) => result.bytes));
  console.log(`  ${name}`);
  if (answered.length < results.length) {
    note(`${results.length - answered.length} nudges drew nothing within 1 s`);
  }
  figure(
    'first byte after the key',
    `median ${ms(median(firsts))}, p95 ${ms(percentile(firsts, 95))}`,
    `(${(median(firsts) / echoMedian).toFixed(1)} x echo)`,
  );
  figure(
    'frame written (5 ms quiet after)',
    `median ${ms(median(ends))}, p95 ${ms(percentile(ends, 95))}`,
    `(${(median(ends) / echoMedian).toFixed(1)} x echo)`,
  );
  const blocks = [];
  const size = Math.floor(ends.length / 5);
  for (let block = 0; block < 5 && size > 0; block++) {
    blocks.push(median(ends.slice(block * size, (block + 1) * size)));
  }
  figure('  medians of 5 blocks in order', blocks.map(ms).join(', '));
  if (results.cpuPerKey !== null) {
    figure(
      'CPU time of the program per nudge',
      ms(results.cpuPerKey),
      '(its user + system time over all nudges)',
    );
  }
  goal(
    `median <= ${GOAL_MEDIAN} ms, p95 <= ${GOAL_P95} ms (frame written)`,
    median(ends) <= GOAL_MEDIAN && percentile(ends, 95) <= GOAL_P95,
  );
  const share = bytes / fullFrameBytes;
  figure(
    'bytes per nudge',
    `median ${count(bytes)} B of a ${count(fullFrameBytes)} B whole frame`,
    `(${(share * 100).toFixed(0)}%)`,
  );
  goal('a nudge writes < 1/3 of a whole frame', share < GOAL_BYTES);
}

/**
 * Starts the playground with `args`, waits for its first whole frame,
 * and runs `prepare` (keys that set the view up). Resolves to the session
 * and the bytes of the first frame.
 */
async function openPlayground(args, prepare = []) {
  const session = new TerminalSession([CLI, ...args]);
  await session.waitForScreen((lines) => isWholeFrame(lines));
  await session.settle(200);
  const fullFrameBytes = session.bytes;
  for (const key of prepare) {
    session.write(key);
    await session.settle(100);
  }
  return { session, fullFrameBytes };
}

/** The title line of the grid panel, to show which neuron it draws. */
function gridTitle(lines) {
  const line = lines.find((text) => /grid: /.test(text)) ?? '';
  return line.slice(line.indexOf('grid: '));
}

/** Runs the key latency benchmark and prints its report. */
export async function main() {
  requireBuild();
  heading('key latency');
  console.log(
    `  ${await machine()}; ${NUDGES} nudges 50 ms apart per network, ` +
      'median and 95th percentile',
  );

  // The reference: a key echoed by bare Node through the same pty.
  const echo = new TerminalSession(['-e', ECHO]);
  await sleep(300);
  const echoes = await nudge(echo, ['+', '-']);
  await echo.quit('\u0003');
  const echoMedian = median(echoes.map((result) => result.end));
  figure(
    'echo by bare Node (reference)',
    `median ${ms(echoMedian)}, p95 ${ms(
      percentile(
        echoes.map((r) => r.end),
        95,
      ),
    )}`,
  );

  const three = await openPlayground(['three-layer']);
  const threeTitle = gridTitle(three.session.lines());
  const threeResults = await nudge(three.session);
  await three.session.quit();
  report(
    `three-layer (2-3-2-2), ${threeTitle}`,
    threeResults,
    echoMedian,
    three.fullFrameBytes,
  );

  const folder = await mkdtemp(join(tmpdir(), 'nn-tui-bench-'));
  try {
    const file = join(folder, 'six-six-six-one.json');
    await writeFile(file, JSON.stringify(sixSixSixOne(), null, 2));
    // The selection starts on the first hidden neuron; `g` turns the grid
    // from the output to that neuron, so a nudge redraws its grid.
    const six = await openPlayground([file], ['g']);
    const sixTitle = gridTitle(six.session.lines());
    const sixResults = await nudge(six.session);
    await six.session.quit();
    report(
      `6-6-6-1 sigmoid, ${sixTitle}`,
      sixResults,
      echoMedian,
      six.fullFrameBytes,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  note(
    'the whole frame is every byte up to the first frame, setup sequences ' +
      'included; first byte and frame end are measured in this process as ' +
      'output arrives from the pty.',
  );
}

if (isMain(import.meta.url)) await main();
