// The playground drawn into a real terminal emulator (xterm, headless),
// through runApp: what a person sees, not only what Ink meant to draw.
import { EventEmitter } from 'node:events';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import type { AppStreams, RunOptions } from '../../src/ui/run.js';

type Terminal = import('@xterm/headless').Terminal;

let runApp: (options: RunOptions, streams: AppStreams) => Promise<number>;
let lessons: Lesson[];
let TerminalClass: typeof import('@xterm/headless').Terminal;

beforeAll(async () => {
  // Ink draws differently when it sees CI variables, as in a log: remove
  // them before Ink is loaded, as a real terminal session has none.
  for (const name of Object.keys(process.env)) {
    if (name === 'CI' || name.startsWith('CI_')) delete process.env[name];
    if (name === 'CONTINUOUS_INTEGRATION') delete process.env[name];
  }
  ({ runApp } = await import('../../src/ui/run.js'));
  lessons = (await import('../../src/preset/catalog.js')).builtInLessons();
  TerminalClass = (await import('@xterm/headless')).default.Terminal;
});

const KEY = { up: '\u001B[A', down: '\u001B[B', ctrlC: '\u0003' } as const;

/** A terminal's output stream: what Ink writes goes into xterm. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns: number;
  rows: number;
  written = '';
  constructor(
    readonly terminal: Terminal,
    columns: number,
    rows: number,
  ) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (data: string) => {
    this.written += data;
    this.terminal.write(data);
    return true;
  };
}

/** A terminal's input stream in raw mode. */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setRawMode(isRaw: boolean) {
    this.isRaw = isRaw;
  }
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Session {
  terminal: Terminal;
  stdin: FakeStdin;
  stdout: FakeStdout;
  exit: Promise<number>;
  /** The rows of the screen as text. */
  screen: () => string[];
  press: (key: string) => Promise<void>;
}

const sessions: Session[] = [];

async function open(lesson: Lesson, columns = 80, rows = 24): Promise<Session> {
  const terminal = new TerminalClass({
    cols: columns,
    rows,
    allowProposedApi: true,
    // A terminal device turns each newline into CR LF (onlcr).
    convertEol: true,
  });
  const stdout = new FakeStdout(terminal, columns, rows);
  const stdin = new FakeStdin();
  const index = lessons.indexOf(lesson);
  const exit = runApp(
    {
      lessons,
      start: lesson,
      startIndex: index >= 0 ? index : null,
      language: 'en',
      isColor: true,
    },
    {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stdout as unknown as NodeJS.WriteStream,
    },
  );
  const flush = () => new Promise<void>((done) => terminal.write('', done));
  const session: Session = {
    terminal,
    stdin,
    stdout,
    exit,
    screen: () => {
      const buffer = terminal.buffer.active;
      return Array.from(
        { length: terminal.rows },
        (_, y) =>
          buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
      );
    },
    press: async (key) => {
      stdin.write(key);
      await sleep(60);
      await flush();
    },
  };
  sessions.push(session);
  await sleep(100);
  await flush();
  return session;
}

afterEach(async () => {
  for (const session of sessions.splice(0)) {
    session.stdin.write(KEY.ctrlC);
    session.stdin.write('q');
    await Promise.race([session.exit, sleep(500)]);
    session.terminal.dispose();
  }
});

function lesson(name: string): Lesson {
  const found = lessons.find((l) => l.name === name);
  if (!found) throw new Error(`no lesson ${name}`);
  return found;
}

describe('the playground in a real terminal', () => {
  it('redraws in place: five nudges leave one header on top and nothing scrolled away', async () => {
    const session = await open(lesson('and'));
    expect(session.screen()[0]).toMatch(/^ nn-tui {2}lesson 1\/15 {2}AND gate/);
    for (const key of ['l', 'l', '+', '+', '+', '+', '+'])
      await session.press(key);
    const screen = session.screen();
    expect(screen[0]).toMatch(/^ nn-tui {2}lesson 1\/15 {2}AND gate \*/);
    expect(screen.filter((row) => row.includes('nn-tui')).length).toBe(1);
    expect(
      screen.some((row) =>
        row.startsWith('y = step(0.50*x1 + 0.50*x2 - 0.20)'),
      ),
    ).toBe(true);
    // Nothing went into the scroll-back: every frame fitted the screen.
    expect(session.terminal.buffer.active.baseY).toBe(0);
  });

  it('follows the cursor through a larger network without scrolling the terminal', async () => {
    const session = await open(lesson('three-layer'));
    for (const key of ['j', 'j', 'j', 'j', 'j', 'n', 'p', 'g', 'g'])
      await session.press(key);
    expect(session.terminal.buffer.active.baseY).toBe(0);
    expect(session.screen()[0]).toContain('lesson 13/15');
  });

  it('follows a resize: too small asks for more room, larger draws again', async () => {
    const session = await open(lesson('and'));
    const resize = async (columns: number, rows: number) => {
      session.terminal.resize(columns, rows);
      session.stdout.columns = columns;
      session.stdout.rows = rows;
      session.stdout.emit('resize');
      await sleep(80);
      await new Promise<void>((done) => session.terminal.write('', done));
    };
    await resize(70, 20);
    const small = session.screen().filter((row) => row.trim() !== '');
    expect(small).toEqual([
      'Please make the window at least 80x24 (now 70x20).',
    ]);
    await resize(100, 30);
    const large = session.screen();
    expect(large.some((row) => row.startsWith(' nn-tui  lesson 1/15'))).toBe(
      true,
    );
    expect(large.some((row) => row.startsWith('y = step('))).toBe(true);
  });

  it('q quits with exit code 0, the cursor shown and raw mode off', async () => {
    const session = await open(lesson('and'));
    expect(session.stdin.isRaw).toBe(true);
    await session.press('q');
    await expect(session.exit).resolves.toBe(0);
    expect(session.stdin.isRaw).toBe(false);
    expect(session.stdout.written.endsWith('\u001B[?25h')).toBe(true);
  });

  it('Ctrl+C with unsaved changes asks once, then quits', async () => {
    const session = await open(lesson('and'));
    await session.press('+');
    await session.press(KEY.ctrlC);
    expect(session.screen().join('\n')).toMatch(/unsaved changes/i);
    await session.press(KEY.ctrlC);
    await expect(session.exit).resolves.toBe(0);
    expect(session.stdin.isRaw).toBe(false);
  });

  it('an error while drawing shows a sentence, restores the terminal and exits with 1', async () => {
    // A network with no layers cannot be drawn: the formula has no neuron.
    const broken: Lesson = {
      ...lesson('and'),
      name: 'broken',
      network: { inputs: ['x1'], layers: [], stepRule: '>' },
    };
    const session = await open(broken);
    await expect(session.exit).resolves.toBe(1);
    expect(session.screen().join('\n')).toContain(
      'nn-tui stopped on an internal error',
    );
    expect(session.stdin.isRaw).toBe(false);
    expect(session.stdout.written.endsWith('\u001B[?25h')).toBe(true);
  });
});
