import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { closeSessions, startSession } from './terminal.js';

// The built command keeps the code V8 compiled for the program in
// $XDG_CACHE_HOME/nn-tui after a start that shows the playground, and
// later starts take it back (src/code-cache.ts). Whatever is or is not in
// that folder, the playground opens and quits the same.

afterEach(closeSessions);

let cacheHome = '';
beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'nn-tui-cache-test-'));
  return () => rmSync(cacheHome, { recursive: true, force: true });
});

/** The files in the cache folder, or [] when there is none. */
function cacheFiles(): string[] {
  try {
    return readdirSync(join(cacheHome, 'nn-tui'));
  } catch {
    return [];
  }
}

/** Opens the playground with `env`, checks the AND lesson, quits with q. */
async function openAndQuit(env: Record<string, string>): Promise<void> {
  const session = await startSession({ env }, 'lesson 1/15');

  expect(session.screen()).toContain('Truth table  4/4 right');
  await session.press('q');

  expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
  expect(session.screen()).not.toContain('error');
}

describe('the code cache', () => {
  it('is kept after the first start, readable by the user only, and used by the next', async () => {
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    const [file] = cacheFiles();

    expect(cacheFiles()).toHaveLength(1);
    expect(file).toMatch(/^[0-9a-f]{8}-node\d+\.[\d.]+-v8.+\.v8cache$/);
    const path = join(cacheHome, 'nn-tui', file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(cacheHome, 'nn-tui')).mode & 0o777).toBe(0o700);
    const kept = readFileSync(path);
    expect(kept.length).toBeGreaterThan(100_000);

    // Used, so not written again.
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    expect(cacheFiles()).toEqual([file]);
    expect(readFileSync(path).equals(kept)).toBe(true);
  });

  it('is not kept by runs that do not show the playground', () => {
    const env = { XDG_CACHE_HOME: cacheHome };

    expect(runCli(['--version'], { env }).code).toBe(0);
    expect(runCli(['--print', 'and'], { env }).code).toBe(0);
    expect(cacheFiles()).toEqual([]);
  });

  it('is neither read nor kept with NN_TUI_CODE_CACHE=off', async () => {
    await openAndQuit({ XDG_CACHE_HOME: cacheHome, NN_TUI_CODE_CACHE: 'off' });

    expect(cacheFiles()).toEqual([]);
  });

  it('replaces a damaged cache file with a good one', async () => {
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    const [file] = cacheFiles();
    const path = join(cacheHome, 'nn-tui', file!);
    writeFileSync(path, 'not a code cache');

    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    const replaced = readFileSync(path);
    expect(replaced.length).toBeGreaterThan(100_000);

    // The new one is good: the next start uses it and leaves it as it is.
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    expect(readFileSync(path).equals(replaced)).toBe(true);
  });

  it('ignores a cache file that others can write, and replaces it', async () => {
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    const [file] = cacheFiles();
    const path = join(cacheHome, 'nn-tui', file!);
    chmodSync(path, 0o666);

    await openAndQuit({ XDG_CACHE_HOME: cacheHome });

    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('starts as usual when the cache folder cannot be made', async () => {
    // A file where the folder would go.
    const blocked = join(cacheHome, 'blocked');
    writeFileSync(blocked, '');

    await openAndQuit({ XDG_CACHE_HOME: blocked });

    expect(readFileSync(blocked, 'utf8')).toBe('');
  });

  it('removes the cache of another build when it keeps its own', async () => {
    const folder = join(cacheHome, 'nn-tui');
    await openAndQuit({ XDG_CACHE_HOME: cacheHome });
    const [file] = cacheFiles();
    const old = `00000000-${file!.slice(9)}`;
    writeFileSync(join(folder, old), 'an older build');
    writeFileSync(join(folder, 'notes.txt'), 'not ours');
    rmSync(join(folder, file!));

    await openAndQuit({ XDG_CACHE_HOME: cacheHome });

    expect(cacheFiles().sort()).toEqual([file, 'notes.txt'].sort());
  });
});
