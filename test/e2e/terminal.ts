// A real terminal for end-to-end tests: the built `nn-tui` runs under a
// pseudo terminal (node-pty), and its output is read by a terminal
// emulator (@xterm/headless) of the same size, so that a test sees the
// screen a user would see.
//
// What "the terminal is restored" means here, since a test cannot look at
// the pty's settings from outside once the program has gone: the program
// is started by a small shell script that records `stty -g` before and
// after it, on the same terminal, so the termios settings (raw mode, echo,
// line editing) are compared exactly. The emulator's own state gives the
// rest: the cursor is visible (the last ESC[?25l is followed by an
// ESC[?25h) at the start of a line, and bracketed paste, mouse and focus
// reporting, application cursor keys, synchronized output, insert mode and
// the alternate screen are all off, with line wrapping on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';

/** The built program, as `npm test` builds it before the tests run. */
export const CLI = fileURLToPath(
  new URL('../../dist/cli.cjs', import.meta.url),
);

/** Key sequences as a terminal in its normal (not application) mode sends them. */
export const KEY = {
  UP: '\u001B[A',
  DOWN: '\u001B[B',
  RIGHT: '\u001B[C',
  LEFT: '\u001B[D',
  HOME: '\u001B[H',
  END: '\u001B[F',
  PAGE_UP: '\u001B[5~',
  PAGE_DOWN: '\u001B[6~',
  DELETE: '\u001B[3~',
  ENTER: '\r',
  TAB: '\t',
  SPACE: ' ',
  ESCAPE: '\u001B',
  BACKSPACE: '\u007F',
  /** Backspace as some terminals (and Ctrl+H) send it. */
  CTRL_H: '\b',
  CTRL_C: '\u0003',
  /** The terminal window gained or lost focus (when focus reports are on). */
  FOCUS_IN: '\u001B[I',
  FOCUS_OUT: '\u001B[O',
  /** A left click at column 10, row 20, in SGR mouse encoding. */
  MOUSE_CLICK: '\u001B[<0;10;20M',
  MOUSE_RELEASE: '\u001B[<0;10;20m',
} as const;

/**
 * Variables removed from the program's environment: those that make Ink
 * (through is-in-ci) or other tools act as in CI, and those that would
 * change its language, colours or size behind the test's back.
 */
const CI_VARIABLES = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'BUILD_NUMBER',
  'BUILD_ID',
  'RUN_ID',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'TRAVIS',
  'CIRCLECI',
  'BUILDKITE',
  'APPVEYOR',
  'TEAMCITY_VERSION',
  'TF_BUILD',
  'JENKINS_URL',
  'CODEBUILD_BUILD_ID',
  'DRONE',
  'NN_TUI_DEBUG',
  'NN_TUI_CODE_CACHE',
  'NO_COLOR',
  'FORCE_COLOR',
  'LC_ALL',
  'LC_MESSAGES',
  'LANGUAGE',
  // The size comes from the pseudo terminal, not from the environment.
  'COLUMNS',
  'LINES',
];

/**
 * The code cache of the tests' runs (src/code-cache.ts): a folder of the
 * test process's own rather than the user's. The first run that shows the
 * playground fills it and later runs use it, as for a user.
 */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'nn-tui-e2e-cache-'));
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

/** The environment of a program that believes it runs in a user's terminal. */
export function terminalEnvironment(
  extra: Record<string, string> = {},
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const isCi =
      CI_VARIABLES.includes(name) ||
      name.startsWith('CI_') ||
      name.startsWith('GITHUB_') ||
      name.startsWith('VITEST') ||
      name.startsWith('npm_');
    if (!isCi && value !== undefined) environment[name] = value;
  }
  return {
    ...environment,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    XDG_CACHE_HOME: CACHE_HOME,
    ...extra,
  };
}

/**
 * Runs the program between two `stty -g`, so that the terminal's settings
 * before and after can be compared, and passes its exit status on. The
 * shell's own messages (such as "Terminated") go nowhere, so that the
 * screen holds only what the program wrote; the program's stderr is the
 * terminal. (The subshell keeps the program's `2>&3` from applying to the
 * shell's own report of how it ended.)
 */
const WRAPPER = [
  'exec 3>&2 2>/dev/null',
  'stty -g > "$NN_E2E_DIR/stty-before"',
  '(',
  '  if [ -n "$NN_E2E_STDOUT" ]; then exec > "$NN_E2E_STDOUT"; fi',
  '  exec "$NN_E2E_NODE" "$NN_E2E_CLI" "$@" 2>&3 3>&-',
  ')',
  'status=$?',
  'stty -g > "$NN_E2E_DIR/stty-after"',
  'echo "$status" > "$NN_E2E_DIR/status"',
  'exit "$status"',
  '',
].join('\n');

/** How a run of the program ended. */
export interface ExitResult {
  /** The program's exit code, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended the program, such as `SIGTERM`, or null. */
  signal: string | null;
}

/** What a started terminal session is given. */
export interface StartOptions {
  /** Arguments after `nn-tui`. */
  args?: readonly string[];
  columns?: number;
  rows?: number;
  /** Added to (and overriding) the clean terminal environment. */
  env?: Record<string, string>;
  /** The folder the program runs in (relative save paths start there). */
  cwd?: string;
  /** A file for the program's stdout instead of the terminal. */
  stdoutFile?: string;
}

/** How long waits last before a test fails: generous, for a busy machine. */
export const WAIT_MS = 10_000;

/**
 * How long a key may take to show before it is taken to change nothing.
 * Generous, so that on a busy machine the next key is not sent before
 * this one is read: two keys in one read are a different test.
 */
const SETTLE_MS = 400;

/** How long `quit` gives each key to end the program. */
const QUIT_STEP_MS = 1500;

/** How long the output must be quiet before a frame is taken as complete. */
const QUIET_MS = 25;

const delay = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `nn-tui` in a pseudo terminal, its screen read by a terminal emulator. */
export class TerminalSession {
  /** The shell that runs the program and records the terminal settings. */
  readonly pty: IPty;
  readonly terminal: xterm.Terminal;
  /** Everything the program wrote to the terminal, as received. */
  output = '';
  /**
   * The most lines that output ever scrolled off the top of the screen
   * (since the last resize, whose reflow moves lines by itself).
   */
  scrolledLines = 0;
  private scrollBase = 0;
  /** Window titles the program set (with OSC 0 or 2); none is expected. */
  readonly titles: string[] = [];
  private readonly directory: string;
  private lastOutputAt = Date.now();
  private readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private isExited = false;

  constructor(options: StartOptions = {}) {
    const columns = options.columns ?? 80;
    const rows = options.rows ?? 24;
    this.directory = mkdtempSync(join(tmpdir(), 'nn-tui-e2e-'));
    const script = join(this.directory, 'run.sh');
    writeFileSync(script, WRAPPER);
    this.terminal = new xterm.Terminal({
      cols: columns,
      rows,
      scrollback: 1000,
      allowProposedApi: true,
      // Stray control characters are checked by `strayControls`, not
      // logged by the emulator.
      logLevel: 'off',
    });
    this.pty = spawn('/bin/sh', [script, ...(options.args ?? [])], {
      name: 'xterm-256color',
      cols: columns,
      rows,
      cwd: options.cwd ?? process.cwd(),
      env: terminalEnvironment({
        NN_E2E_DIR: this.directory,
        NN_E2E_NODE: process.execPath,
        NN_E2E_CLI: CLI,
        NN_E2E_STDOUT: options.stdoutFile ?? '',
        ...options.env,
      }),
    });
    this.pty.onData((data) => {
      this.output += data;
      this.lastOutputAt = Date.now();
      this.terminal.write(data, () => {
        this.scrolledLines = Math.max(
          this.scrolledLines,
          this.terminal.buffer.active.baseY - this.scrollBase,
        );
      });
    });
    this.terminal.onTitleChange((title) => this.titles.push(title));
    // Answers the terminal's replies (cursor position and the like) as a
    // real terminal would.
    this.terminal.onData((data) => {
      if (!this.isExited) this.pty.write(data);
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((result) => {
        this.isExited = true;
        resolve(result);
      });
    });
  }

  /** Waits until everything received so far has reached the emulator. */
  flush(): Promise<void> {
    return new Promise((resolve) => this.terminal.write('', resolve));
  }

  /** The visible rows, each as a string without trailing spaces. */
  screenText(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++) {
      const line = buffer.getLine(buffer.baseY + y);
      rows.push(line?.translateToString(true).trimEnd() ?? '');
    }
    return rows;
  }

  /** The visible screen as one string, rows joined by newlines. */
  screen(): string {
    return this.screenText().join('\n');
  }

  /** The indexes of visible rows that continue the row above (wrapped). */
  wrappedRows(): number[] {
    const buffer = this.terminal.buffer.active;
    const wrapped: number[] = [];
    for (let y = 0; y < this.terminal.rows; y++) {
      if (buffer.getLine(buffer.baseY + y)?.isWrapped) wrapped.push(y);
    }
    return wrapped;
  }

  /** Waits until the screen shows `text` (or matches it); returns the screen. */
  async waitForText(text: string | RegExp, timeout = WAIT_MS): Promise<string> {
    return this.waitForScreen(
      (screen) =>
        typeof text === 'string' ? screen.includes(text) : text.test(screen),
      `the screen to show ${String(text)}`,
      timeout,
    );
  }

  /** Waits until the screen no longer shows `text`; returns the screen. */
  async waitForNoText(
    text: string | RegExp,
    timeout = WAIT_MS,
  ): Promise<string> {
    return this.waitForScreen(
      (screen) =>
        typeof text === 'string' ? !screen.includes(text) : !text.test(screen),
      `the screen to stop showing ${String(text)}`,
      timeout,
    );
  }

  /** Waits until `isDone` holds for the screen; returns the screen. */
  async waitForScreen(
    isDone: (screen: string) => boolean,
    what: string,
    timeout = WAIT_MS,
  ): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.flush();
      const screen = this.screen();
      if (isDone(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${timeout} ms waiting for ${what}; the screen:\n${screen}`,
        );
      }
      await delay(10);
    }
  }

  /**
   * Writes one key sequence (or a chunk of them, as a terminal may send),
   * then waits until the screen has changed and the output is quiet, or
   * the program has ended, or `settle` ms have passed (a key that changes
   * nothing).
   */
  async press(key: string, settle = SETTLE_MS): Promise<void> {
    await this.flush();
    const before = this.screen();
    const sent = this.output.length;
    this.pty.write(key);
    const deadline = Date.now() + settle;
    while (Date.now() < deadline && !this.isExited) {
      await delay(5);
      if (this.output.length === sent) continue;
      await this.quiet();
      if (this.screen() !== before) return;
    }
    await this.flush();
  }

  /**
   * Quits from wherever the program is: Esc out of any field, list, help
   * or question, then q, and y when it asks about unsaved changes. Ctrl+C
   * twice is the last resort, for a q that a field took as text. Each key
   * waits for the program to end or to answer, so it works in any
   * language.
   */
  async quit(): Promise<void> {
    for (let escape = 0; escape < 3; escape++) await this.press(KEY.ESCAPE);
    for (const key of ['q', 'y', KEY.CTRL_C, KEY.CTRL_C]) {
      if (this.isExited) return;
      // Returns when the program ends, or when it shows the question.
      await this.press(key, QUIT_STEP_MS);
    }
  }

  /** Writes keys without waiting for the screen. */
  write(data: string): void {
    this.pty.write(data);
  }

  /** Waits until no output has arrived for a moment, then flushes. */
  async quiet(ms = QUIET_MS): Promise<void> {
    while (Date.now() - this.lastOutputAt < ms) await delay(5);
    await this.flush();
  }

  /** Resizes the pseudo terminal (the program gets SIGWINCH) and the emulator. */
  resize(columns: number, rows: number): void {
    this.pty.resize(columns, rows);
    this.terminal.resize(columns, rows);
    this.scrollBase = this.terminal.buffer.active.baseY;
    this.scrolledLines = 0;
  }

  /** The process id of the program itself (a child of the shell wrapper). */
  programPid(): number {
    const path = `/proc/${this.pty.pid}/task/${this.pty.pid}/children`;
    const pid = Number(readFileSync(path, 'utf8').trim().split(/\s+/)[0]);
    if (!Number.isInteger(pid) || pid <= 0) {
      throw new Error(`nn-tui is not running under pid ${this.pty.pid}.`);
    }
    return pid;
  }

  /** Sends a signal to the program (not to the shell around it). */
  signal(name: NodeJS.Signals): void {
    process.kill(this.programPid(), name);
  }

  /**
   * Waits for the program to end and returns how it ended: its exit code,
   * or the signal that ended it.
   */
  async waitForExit(timeout = WAIT_MS): Promise<ExitResult> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new Error(
            `nn-tui did not exit within ${timeout} ms; the screen:\n${this.screen()}`,
          ),
        );
      }, timeout);
    });
    try {
      await Promise.race([this.exited, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    await this.flush();
    const status = Number(
      (await readFile(join(this.directory, 'status'), 'utf8')).trim(),
    );
    // The shell reports a program ended by signal N as 128 + N.
    if (status > 128) {
      const signal = Object.entries(constants.signals).find(
        ([, number]) => number === status - 128,
      );
      return { code: null, signal: signal?.[0] ?? `signal ${status - 128}` };
    }
    return { code: status, signal: null };
  }

  /**
   * The terminal's settings (`stty -g`) before the program started and
   * after it ended; equal when the program restored the terminal.
   */
  async terminalSettings(): Promise<{ before: string; after: string }> {
    const read = (name: string) =>
      readFile(join(this.directory, name), 'utf8').then((text) => text.trim());
    return {
      before: await read('stty-before'),
      after: await read('stty-after'),
    };
  }

  /**
   * Control characters the program wrote outside escape sequences, other
   * than LF, CR before LF, and BEL: a backspace, a tab, a lone CR or a DEL
   * drawn as part of the text moves the cursor or is dropped, so the
   * screen no longer shows what the program meant.
   */
  strayControls(): string[] {
    /* eslint-disable no-control-regex -- escape sequences are what this reads */
    const text = this.output
      .replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '')
      .replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '')
      .replace(/\u001B[ -~]/g, '');
    const controls =
      /[\u0000-\u0006\u0008\u0009\u000B-\u000C\u000E-\u001F\u007F]|\r(?!\n)/g;
    /* eslint-enable no-control-regex */
    return Array.from(
      text.matchAll(controls),
      (match) => `\\x${match[0].charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
  }

  /** What is left unrestored after the program ended; empty when nothing. */
  async unrestored(): Promise<string[]> {
    const problems: string[] = [];
    const { before, after } = await this.terminalSettings();
    if (before !== after) {
      problems.push(`stty settings changed: ${before} -> ${after}`);
    }
    const hidden = this.output.lastIndexOf('\u001B[?25l');
    const shown = this.output.lastIndexOf('\u001B[?25h');
    if (hidden > shown) problems.push('the cursor is still hidden');
    const { modes } = this.terminal;
    if (modes.bracketedPasteMode) problems.push('bracketed paste is still on');
    if (modes.mouseTrackingMode !== 'none') {
      problems.push(`mouse tracking is still ${modes.mouseTrackingMode}`);
    }
    if (modes.sendFocusMode) problems.push('focus reports are still on');
    if (modes.applicationCursorKeysMode) {
      problems.push('application cursor keys are still on');
    }
    if (modes.synchronizedOutputMode) {
      problems.push('synchronized output is still on');
    }
    if (modes.insertMode) problems.push('insert mode is still on');
    if (!modes.wraparoundMode) problems.push('line wrapping is still off');
    if (this.terminal.buffer.active.cursorX !== 0) {
      problems.push('the cursor is not at the start of a line');
    }
    if (this.terminal.buffer.active.type !== 'normal') {
      problems.push('the alternate screen is still shown');
    }
    return problems;
  }

  /** Ends the program if it still runs, and removes the session's files. */
  async close(): Promise<void> {
    if (!this.isExited) {
      try {
        process.kill(-this.pty.pid, 'SIGKILL');
      } catch {
        // It ended on its own meanwhile.
      }
      await Promise.race([this.exited, delay(2000)]);
    }
    this.terminal.dispose();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Sessions started by `startSession` that are still to be closed. */
const openSessions = new Set<TerminalSession>();

/**
 * Starts `nn-tui ARGS` in a terminal of the given size and waits until
 * the screen shows `firstText` and the output is quiet.
 */
export async function startSession(
  options: StartOptions = {},
  firstText: string | RegExp = /\S/,
): Promise<TerminalSession> {
  const session = new TerminalSession(options);
  openSessions.add(session);
  await session.waitForText(firstText);
  await session.quiet();
  return session;
}

/**
 * Closes every session that `startSession` opened: for `afterEach`, so
 * that a failing test leaves no program running.
 */
export async function closeSessions(): Promise<void> {
  const sessions = [...openSessions];
  openSessions.clear();
  await Promise.all(sessions.map((session) => session.close()));
}
