import { spawn, spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  closeSessions,
  startSession,
  terminalEnvironment,
} from './terminal.js';

let folder = '';
let printed = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nn-tui-pipe-'));
  const result = spawnSync(process.execPath, [CLI, '--print', 'xor'], {
    encoding: 'utf8',
    env: terminalEnvironment(),
    timeout: 15_000,
  });
  expect(result.status).toBe(0);
  printed = result.stdout;
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

afterEach(closeSessions);

/** Checks what nn-tui printed when it found no terminal. */
function expectPrintedOnce(stdout: string, stderr: string): void {
  expect(stdout).toBe(printed);
  expect(stdout.match(/Truth table/g)).toHaveLength(1);
  expect(stdout).toContain('Truth table  4/4 right');
  expect(stdout).toMatch(/^ +\+-{33}$/m);
  expect(stdout).not.toContain('\u001B');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(
    /^nn-tui: not a terminal, so the playground did not open/,
  );
}

describe('without a terminal', () => {
  it('prints the table and grid once for `echo | nn-tui xor`, and says why on stderr', () => {
    const result = spawnSync(process.execPath, [CLI, 'xor'], {
      input: '\n',
      encoding: 'utf8',
      env: terminalEnvironment(),
      timeout: 15_000,
    });

    expect(result.status).toBe(0);
    expectPrintedOnce(result.stdout, result.stderr);
  });

  it('prints to the file for `nn-tui xor > out.txt`, and says why on stderr', () => {
    const path = join(folder, 'out.txt');
    const file = openSync(path, 'w');
    const result = spawnSync(process.execPath, [CLI, 'xor'], {
      stdio: ['ignore', file, 'pipe'],
      encoding: 'utf8',
      env: terminalEnvironment(),
      timeout: 15_000,
    });
    closeSync(file);

    expect(result.status).toBe(0);
    expectPrintedOnce(readFileSync(path, 'utf8'), result.stderr);
  });

  it('prints once, exit 0, with CI set as a CI runner has it', () => {
    const result = spawnSync(process.execPath, [CLI, 'xor'], {
      input: '',
      encoding: 'utf8',
      env: terminalEnvironment({ CI: 'true' }),
      timeout: 15_000,
    });

    expect(result.status).toBe(0);
    expectPrintedOnce(result.stdout, result.stderr);
  });

  it('prints to the file when only stdin is a terminal, as `nn-tui xor > out.txt` typed in a shell', async () => {
    const path = join(folder, 'typed.txt');
    const session = await startSession(
      { args: ['xor'], stdoutFile: path },
      'nn-tui: not a terminal',
    );

    expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
    expect(await session.unrestored()).toEqual([]);
    expect(session.screenText()[0]).toMatch(
      /^nn-tui: not a terminal, so the playground did not open/,
    );
    expect(readFileSync(path, 'utf8')).toBe(printed);
  });
});

// A regression guard: in the build of 3 December before 14:53, a write to
// a pipe whose reader had gone failed with EPIPE, nothing handled the
// stream's 'error' event, and Node ended with exit code 1 and a stack
// trace on stderr.
describe('when the reader of stdout has gone', () => {
  it.each([
    ['--print xor', ['--print', 'xor']],
    ['xor', ['xor']],
    ['--list', ['--list']],
  ])('ends quietly for `nn-tui %s | true`', async (_, args) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: terminalEnvironment(),
    });
    // Closed before nn-tui has started, so that every write finds no reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (data: string) => (stderr += data));

    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (exitCode) => resolve(exitCode)),
    );

    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe('when stdout cannot be written', () => {
  it.skipIf(process.platform !== 'linux').each([
    ['--print xor', ['--print', 'xor']],
    ['--list', ['--list']],
    ['--help', ['--help']],
  ])('says so in one line for `nn-tui %s > /dev/full`', (_, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [CLI, ...args], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: terminalEnvironment(),
      });
      expect(result.stderr).toBe(
        'nn-tui: could not write the output: no space left on device\n',
      );
      expect(result.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});
