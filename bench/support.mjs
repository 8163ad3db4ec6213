// What the benchmarks share: paths, statistics, the report lines, a
// program in a pseudo terminal read through a headless xterm, and the
// core bundled from its TypeScript sources.
//
// No benchmark asserts a timing. Each prints its figure, the goal beside
// it and whether it was met, and a ratio to a reference measured in the
// same run, because these machines are shared and noisy.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The built command, as `npm run build` writes it; BENCH_CLI names another
 * build to measure instead (to compare a change against the last build).
 */
export const CLI = process.env.BENCH_CLI
  ? resolve(process.env.BENCH_CLI)
  : join(ROOT, 'dist', 'cli.cjs');

/** Loads a dev dependency (CommonJS or with a CommonJS entry). */
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** How many times each timed run is repeated; BENCH_RUNS overrides it. */
export const RUNS = Math.max(5, Number(process.env.BENCH_RUNS) || 7);

/** The size of the pseudo terminal, as the design's smallest screen. */
export const SIZE = { columns: 80, rows: 24 };

/** Stops with a clear message when dist/cli.cjs has not been built. */
export function requireBuild() {
  if (!existsSync(CLI)) {
    console.error(
      `bench: ${CLI} is missing; build it first with ` +
        '`node scripts/build.mjs` (or run `npm run bench`).',
    );
    process.exit(2);
  }
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url) {
  return process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url);
}

// Statistics.

/** The median of some numbers. */
export function median(values) {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of some numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Milliseconds with one decimal. */
export function ms(value) {
  return `${value.toFixed(1)} ms`;
}

/** A count with thousands separated, for epochs and bytes. */
export function count(value) {
  return Math.round(value).toLocaleString('en-US');
}

// Report lines.

/** The heading of a benchmark. */
export function heading(title) {
  console.log(`\n== ${title} ==`);
}

/** One figure: a label, its value, and optional detail after it. */
export function figure(label, value, detail = '') {
  console.log(`  ${label.padEnd(34)} ${value}${detail ? `  ${detail}` : ''}`);
}

/** A goal and whether the figure met it. */
export function goal(text, isMet) {
  console.log(`  goal: ${text.padEnd(48)} ${isMet ? 'met' : 'NOT MET'}`);
}

/** A line of explanation under the figures. */
export function note(text) {
  console.log(`  note: ${text}`);
}

// Processes.

/**
 * The code cache of the benchmarks' runs of nn-tui (see
 * src/code-cache.ts): a folder of their own, not the user's, removed when
 * the benchmark ends. The first run keeps the cache; the others use it.
 */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'nn-tui-bench-cache-'));
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

/**
 * The environment for a program started in a pseudo terminal: no CI
 * variables (Ink draws differently when it sees them), an xterm, and
 * nn-tui's code cache in `cacheHome` (by default the benchmarks' own).
 */
export function terminalEnvironment(cacheHome = CACHE_HOME) {
  const environment = {
    ...process.env,
    TERM: 'xterm-256color',
    XDG_CACHE_HOME: cacheHome,
  };
  for (const name of Object.keys(environment)) {
    if (name === 'CI' || name.startsWith('CI_')) delete environment[name];
  }
  delete environment.NO_COLOR;
  delete environment.FORCE_COLOR;
  return environment;
}

/** Milliseconds from spawning `node ...args` with pipes to its exit. */
export function timePiped(args) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: terminalEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited ${code}: ${output}`));
      } else {
        resolvePromise(elapsed);
      }
    });
  });
}

/**
 * The CPU time a process has used so far, in ms (user and system, from
 * /proc, in clock ticks of 10 ms); null where there is no /proc. Less
 * noisy than wall time on a busy machine: it counts only the work done.
 */
export function cpuTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Waits some milliseconds. */
export function sleep(milliseconds) {
  return new Promise((resolvePromise) =>
    setTimeout(resolvePromise, milliseconds),
  );
}

/**
 * A program in a pseudo terminal whose output is read by a headless
 * xterm, so that a benchmark sees the screen a user would see. Every
 * chunk of output is timed as it arrives, before the xterm parses it.
 */
export class TerminalSession {
  /** Starts `node ...args` in an 80x24 pseudo terminal. */
  constructor(
    args,
    { columns = SIZE.columns, rows = SIZE.rows, cacheHome = undefined } = {},
  ) {
    const pty = requireFromRoot('node-pty');
    const { Terminal } = requireFromRoot('@xterm/headless');
    this.columns = columns;
    this.rows = rows;
    this.terminal = new Terminal({
      cols: columns,
      rows,
      allowProposedApi: true,
      scrollback: 0,
    });
    this.bytes = 0;
    this.lastDataAt = 0;
    this.listeners = new Set();
    this.exited = new Promise((resolvePromise) => {
      this.startedAt = performance.now();
      this.process = pty.spawn(process.execPath, args, {
        name: 'xterm-256color',
        cols: columns,
        rows,
        cwd: ROOT,
        env: terminalEnvironment(cacheHome),
      });
      this.process.onExit(({ exitCode }) => {
        this.exitedAt = performance.now();
        this.exitCode = exitCode;
        resolvePromise(exitCode);
      });
    });
    this.process.onData((data) => this.receive(data));
  }

  receive(data) {
    const at = performance.now();
    const size = Buffer.byteLength(data);
    this.bytes += size;
    this.lastDataAt = at;
    for (const listener of this.listeners) listener.onData?.(at, size);
    this.terminal.write(data, () => {
      for (const listener of this.listeners) listener.onParsed?.(at);
    });
  }

  /** The screen's lines as text, trailing spaces trimmed. */
  lines() {
    const buffer = this.terminal.buffer.active;
    const lines = [];
    for (let row = 0; row < this.rows; row++) {
      lines.push(
        buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '',
      );
    }
    return lines;
  }

  /**
   * Resolves with the arrival time of the chunk after which `isDone(lines)`
   * first holds; rejects after `timeout` ms with the screen in the message.
   */
  waitForScreen(isDone, timeout = 10_000) {
    return new Promise((resolvePromise, reject) => {
      const listener = {
        onParsed: (at) => {
          if (!isDone(this.lines())) return;
          finish();
          resolvePromise(at);
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(
            `the screen did not show what was awaited within ${timeout} ms:\n` +
              this.lines().join('\n'),
          ),
        );
      }, timeout);
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      if (isDone(this.lines())) {
        finish();
        resolvePromise(performance.now());
      }
    });
  }

  /** Resolves once no output has come for `quiet` ms since it was called. */
  async settle(quiet = 100, timeout = 10_000) {
    const start = performance.now();
    while (performance.now() - start < timeout) {
      const last = Math.max(this.lastDataAt, start);
      const idle = performance.now() - last;
      if (idle >= quiet) return;
      await sleep(quiet - idle + 1);
    }
  }

  /**
   * Writes one key and times the frame it causes: the first chunk of
   * output after the write, and the last chunk before `quiet` ms without
   * output. Resolves to { first, end, bytes } (ms after the write), with
   * first and end null when nothing came within `timeout` ms.
   */
  measureKey(key, { quiet = 5, timeout = 1000 } = {}) {
    return new Promise((resolvePromise) => {
      let start = 0;
      let first = null;
      let last = null;
      let bytes = 0;
      let quietTimer = null;
      const finish = () => {
        clearTimeout(quietTimer);
        clearTimeout(giveUp);
        this.listeners.delete(listener);
        resolvePromise({
          first: first === null ? null : first - start,
          end: last === null ? null : last - start,
          bytes,
        });
      };
      const listener = {
        onData: (at, size) => {
          first ??= at;
          last = at;
          bytes += size;
          clearTimeout(quietTimer);
          quietTimer = setTimeout(finish, quiet);
        },
      };
      const giveUp = setTimeout(finish, timeout);
      this.listeners.add(listener);
      start = performance.now();
      this.process.write(key);
    });
  }

  /** Writes some input without timing it. */
  write(data) {
    this.process.write(data);
  }

  /** Asks the program to quit with `key`, and kills it if it does not. */
  async quit(key = 'q', timeout = 2000) {
    if (this.exitedAt === undefined) {
      this.process.write(key);
      const timer = sleep(timeout).then(() => 'late');
      if ((await Promise.race([this.exited, timer])) === 'late') {
        this.process.kill();
        await this.exited;
      }
    }
    this.terminal.dispose();
  }
}

// The screen.

/** The header of lesson k: "lesson k/N". */
export function hasLessonHeader(lines, lesson = 1) {
  return new RegExp(`lesson ${lesson}/\\d+`).test(lines[0] ?? '');
}

/** The decision grid's x axis, `+-----`, with its tick labels under it. */
export function hasGridAxis(lines) {
  const axis = lines.findIndex((line) => /\+-{8,}\s*$/.test(line));
  return axis >= 0 && /\b1\b.*\S\s*$/.test(lines[axis + 1] ?? '');
}

/**
 * A whole frame of the playground: the header at the top (of lesson
 * `lesson` when it is given), the grid's x axis, and the footer's last
 * line (the screen draws one line less than the terminal has, so that is
 * the second to last row).
 */
export function isWholeFrame(lines, lesson) {
  const footerRow = lines.length - 2;
  return (
    (lesson === undefined
      ? /^\s*nn-tui\s/.test(lines[0] ?? '')
      : hasLessonHeader(lines, lesson)) &&
    hasGridAxis(lines) &&
    (lines[footerRow] ?? '').trim() !== ''
  );
}

// The core.

/**
 * Bundles TypeScript entry points of src with esbuild into a temporary
 * folder and imports them. Resolves to { modules, cleanUp }.
 */
export async function importSources(entryPoints) {
  const { build } = await import('esbuild');
  const folder = await mkdtemp(join(tmpdir(), 'nn-tui-bench-'));
  const modules = {};
  for (const [name, entry] of Object.entries(entryPoints)) {
    const outfile = join(folder, `${name}.mjs`);
    await build({
      entryPoints: [join(ROOT, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define: { 'process.env.NODE_ENV': '"production"' },
      // As scripts/build.mjs: jsonc-parser's main file is a UMD build that
      // esbuild cannot follow, and bundled CommonJS may call require().
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    modules[name] = await import(pathToFileURL(outfile).href);
  }
  return {
    modules,
    cleanUp: () => rm(folder, { recursive: true, force: true }),
  };
}

/** The machine and its load, for the top of a report. */
export async function machine() {
  const { availableParallelism, cpus, loadavg } = await import('node:os');
  const model = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const load = loadavg()[0].toFixed(1);
  return (
    `${model}, ${availableParallelism()} cores, Node ${process.version}, ` +
    `load ${load}`
  );
}
