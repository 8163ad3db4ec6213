// Runs every benchmark in turn, each in a Node process of its own so that
// one does not warm up or slow down the next: `npm run bench` builds
// dist/cli.cjs first and then runs this file; `node bench/run.mjs` runs
// them against the last build.
//
// No benchmark asserts anything: each prints its figures, the goal beside
// each and whether it was met. This exits 0 unless a benchmark failed to
// run.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT, requireBuild } from './support.mjs';

/** The benchmarks, in the order they run. */
const BENCHMARKS = ['startup', 'latency', 'training', 'core'];

/** The CPU model from /proc/cpuinfo, or from Node where there is none. */
function cpuModel() {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    return /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

/** The number of processing units, as `nproc` reports it. */
function processingUnits() {
  const result = spawnSync('nproc', { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : String(cpus().length);
}

requireBuild();
console.log('nn-tui benchmarks');
console.log(
  `  machine: ${cpuModel()}; nproc ${processingUnits()}; ` +
    `Node ${process.version}; ${new Date().toISOString()}`,
);

const failed = [];
for (const name of BENCHMARKS) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'bench', `${name}.mjs`)],
    { stdio: 'inherit', cwd: ROOT },
  );
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nbench: these did not run to the end: ${failed.join(', ')}`);
  process.exitCode = 1;
}
