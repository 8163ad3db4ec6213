import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLI,
  KEY,
  type TerminalSession,
  WAIT_MS,
  closeSessions,
  startSession,
  terminalEnvironment,
} from './terminal.js';

afterEach(closeSessions);

// The question's wording may change; it names the unsaved changes.
const QUIT_QUESTION = /unsaved changes in and: q/i;

/** Waits for the end and checks the terminal was left as it was found. */
async function expectCleanExit(
  session: TerminalSession,
  expected: { code: number | null; signal: string | null },
): Promise<void> {
  expect(await session.waitForExit()).toEqual(expected);
  expect(await session.unrestored()).toEqual([]);
  expect(session.screen()).not.toContain('internal error');
}

const EXITED_0 = { code: 0, signal: null };

describe('quitting with keys', () => {
  it('quits with q at once when nothing changed: exit code 0', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('q');

    await expectCleanExit(session, EXITED_0);
  });

  it.each(['q', 'y'])(
    'asks before quitting with unsaved changes, then quits on %s',
    async (answer) => {
      const session = await startSession({}, 'lesson 1/15');

      await session.press('+');
      await session.press('q');
      await session.waitForText(QUIT_QUESTION);
      await session.press(answer);

      await expectCleanExit(session, EXITED_0);
    },
  );

  it('stays when the question is answered with another key', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('+');
    await session.press('q');
    await session.waitForText(QUIT_QUESTION);
    await session.press(KEY.ESCAPE);

    await session.waitForNoText(QUIT_QUESTION);
    expect(session.screen()).toContain('x1[  0.60]');
    await session.press('q');
    await session.press('q');
    await expectCleanExit(session, EXITED_0);
  });

  it('quits with Ctrl+C: exit code 0', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press(KEY.CTRL_C);

    await expectCleanExit(session, EXITED_0);
  });

  it('asks on Ctrl+C with unsaved changes, and a second Ctrl+C quits', async () => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press('+');
    await session.press(KEY.CTRL_C);
    await session.waitForText(QUIT_QUESTION);
    await session.press(KEY.CTRL_C);

    await expectCleanExit(session, EXITED_0);
  });

  it.each([
    ['the value field', 'e', 'Enter sets'],
    ['the save field', 's', 'Save to:'],
    ['help', '?', 'any other key closes'],
    ['the preset list', 'o', 'Presets in lesson order'],
    ['the targets', 'm', 'Esc back'],
  ])('quits with Ctrl+C from %s', async (_, key, shown) => {
    const session = await startSession({}, 'lesson 1/15');

    await session.press(key);
    await session.waitForText(shown);
    await session.press(KEY.CTRL_C);

    await expectCleanExit(session, EXITED_0);
  });

  it('quits with q from the window-too-small line', async () => {
    const session = await startSession(
      { columns: 40, rows: 10 },
      '80x24+ (40x10)',
    );

    await session.press('q');

    await expectCleanExit(session, EXITED_0);
  });
});

describe('ending by signal', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'ends on %s with unsaved changes, and restores the terminal',
    async (signal) => {
      const session = await startSession({}, 'lesson 1/15');
      await session.press('+');

      session.signal(signal);

      // Node's convention: clean up, then end by the same signal, so that
      // a shell sees 128 + N.
      await expectCleanExit(session, { code: null, signal });
    },
  );

  it('ends on SIGTERM in the middle of typing a value', async () => {
    const session = await startSession({}, 'lesson 1/15');
    await session.press('e');
    await session.waitForText('Enter sets');
    await session.press('1');

    session.signal('SIGTERM');

    await expectCleanExit(session, { code: null, signal: 'SIGTERM' });
  });
});

describe('the terminal closing', () => {
  // A parent that outlives the terminal (it ignores the hang-up) runs
  // nn-tui in it, with stderr to a file, and writes down how nn-tui ended.
  const PARENT = [
    "const { spawn } = require('node:child_process');",
    "const { openSync, writeFileSync } = require('node:fs');",
    'const [cli, folder] = process.argv.slice(2);',
    "const stderr = openSync(folder + '/stderr', 'w');",
    "const child = spawn(process.execPath, [cli], { stdio: ['inherit', 'inherit', stderr], env: process.env });",
    "process.on('SIGHUP', () => {});",
    "child.on('exit', (code, signal) => writeFileSync(folder + '/ended', JSON.stringify({ code, signal })));",
  ].join('\n');

  it('ends nn-tui by SIGHUP, with nothing on stderr, when the window closes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-hangup-'));
    try {
      writeFileSync(join(folder, 'parent.cjs'), PARENT);
      const terminal = spawn(
        process.execPath,
        [join(folder, 'parent.cjs'), CLI, folder],
        { cols: 80, rows: 24, env: terminalEnvironment() },
      );
      let screen = '';
      terminal.onData((data) => (screen += data));
      await until(() => screen.includes('lesson 1/15'));
      // A change (the frame after it is drawn), so that closing asks
      // nn-tui to end with unsaved changes, as in a lesson.
      const drawn = screen.length;
      terminal.write('+');
      await until(() => screen.length > drawn);

      // Closing the terminal, as closing its window does: node-pty's
      // destroy() (not in its IPty type) closes it; kill() only signals.
      (terminal as typeof terminal & { destroy(): void }).destroy();
      await until(() => existsSync(join(folder, 'ended')));

      expect(JSON.parse(readFileSync(join(folder, 'ended'), 'utf8'))).toEqual({
        code: null,
        signal: 'SIGHUP',
      });
      expect(readFileSync(join(folder, 'stderr'), 'utf8')).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Waits until `isDone()` holds, checking every 20 ms, for up to WAIT_MS. */
async function until(isDone: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
