import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheFileName,
  cacheFolder,
  loadProgram,
} from '../../src/code-cache.js';

// The launcher's code cache (src/code-cache.ts): where it is kept, and
// that a program loads the same with or without it. The built command's
// use of it is tested in test/e2e/code-cache.test.ts.

describe('cacheFolder', () => {
  it('is $XDG_CACHE_HOME/nn-tui when that is an absolute path', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/u')).toBe(
      '/c/nn-tui',
    );
    expect(cacheFolder({ XDG_CACHE_HOME: 'c' }, 'linux', '/home/u')).toBe(
      '/home/u/.cache/nn-tui',
    );
  });

  it("is the platform's cache folder for the user otherwise", () => {
    expect(cacheFolder({}, 'linux', '/home/u')).toBe('/home/u/.cache/nn-tui');
    expect(cacheFolder({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Caches/nn-tui',
    );
    expect(
      cacheFolder({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'),
    ).toMatch(/nn-tui[\\/]Cache$/);
    expect(cacheFolder({}, 'win32')).toBeNull();
  });

  it.each(['off', 'OFF', '0', 'false', 'no', ' No '])(
    'is null with NN_TUI_CODE_CACHE=%s',
    (value) => {
      const off = { NN_TUI_CODE_CACHE: value, XDG_CACHE_HOME: '/c' };
      expect(cacheFolder(off, 'linux', '/home/u')).toBeNull();
    },
  );

  it('is on with any other NN_TUI_CODE_CACHE, and null without a home', () => {
    const on = { NN_TUI_CODE_CACHE: 'on', XDG_CACHE_HOME: '/c' };
    expect(cacheFolder(on, 'linux', '/home/u')).toBe('/c/nn-tui');
    expect(cacheFolder({}, 'linux', '')).toBeNull();
  });
});

describe('loadProgram', () => {
  const PROGRAM = [
    'const { basename } = require("node:path");',
    'exports.name = basename(__filename);',
    'module.exports.sum = (a, b) => a + b;',
  ].join('\n');

  let folder = '';
  let cache = '';
  let loads = 0;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-code-cache-'));
    cache = join(folder, 'cache');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /**
   * Loads `source` from a file of a new name and checks what it exports.
   * (V8 keeps what it compiled in memory by source and file name; the new
   * name makes each load compile, as a new process does.)
   */
  function load(source = PROGRAM) {
    const name = `program-${++loads}.cjs`;
    writeFileSync(join(folder, name), source);
    const loaded = loadProgram(join(folder, name), cache);
    const exports = loaded.exports as {
      name: string;
      sum: (a: number, b: number) => number;
    };
    expect(exports.name).toBe(name);
    expect(exports.sum(2, 3)).toBe(5);
    return loaded;
  }

  /** The cache file of PROGRAM, named after its CRC-32. */
  function programCache(source = PROGRAM): string {
    const id = crc32(Buffer.from(source)).toString(16).padStart(8, '0');
    return join(cache, cacheFileName(id));
  }

  it('runs a CommonJS file as Node would, with no cache the first time', () => {
    const first = load();

    expect(first.cache).toBe('missing');
    expect(first.cacheFile).toBe(programCache());
    expect(existsSync(cache)).toBe(false);
  });

  it('uses the cache saved by the run before, kept for the user only', () => {
    load().saveCache();

    expect(readdirSync(cache)).toEqual([basename(programCache())]);
    expect(statSync(programCache()).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(load().cache).toBe('used');
  });

  it.each([
    ['one bit of the cache flipped', (file: Buffer) => flipBit(file, -100)],
    ['the cache cut short', (file: Buffer) => file.subarray(0, -1)],
    ['its header changed', (file: Buffer) => flipBit(file, 3)],
    ['not a cache at all', () => Buffer.from('garbage')],
  ])('refuses a damaged cache (%s) and saving replaces it', (_, damage) => {
    load().saveCache();
    const good = readFileSync(programCache());
    writeFileSync(programCache(), damage(good));

    const loaded = load();
    expect(loaded.cache).toBe('rejected');
    loaded.saveCache();
    expect(load().cache).toBe('used');
  });

  it('does not use a cache made for another program of the same length', () => {
    const other = PROGRAM.replace('a + b', 'b + a');
    expect(other.length).toBe(PROGRAM.length);
    load().saveCache();

    // Loading the other program runs the other program: its own sum.
    writeFileSync(join(folder, 'other.cjs'), other);
    const loaded = loadProgram(join(folder, 'other.cjs'), cache);
    expect(loaded.cache).toBe('missing');
    expect(loaded.cacheFile).toBe(programCache(other));
  });

  it('does not use a cache made for another program and renamed', () => {
    const other = PROGRAM.replace('a + b', 'b + a');
    load().saveCache();
    copyFileSync(programCache(), programCache(other));

    writeFileSync(join(folder, 'other.cjs'), other);
    const loaded = loadProgram(join(folder, 'other.cjs'), cache);
    expect(loaded.cache).toBe('rejected');
    expect(
      (loaded.exports as { sum: (a: number, b: number) => number }).sum(2, 3),
    ).toBe(5);
  });

  it.skipIf(process.platform !== 'linux')(
    'gives up at once where no folder can be made (under /proc)',
    () => {
      cache = '/proc/self/nn-tui';
      const loaded = load();

      loaded.saveCache();
      expect(existsSync(cache)).toBe(false);
    },
  );

  it.skipIf(process.getuid?.() !== 0)(
    "makes no folder in another user's home (root with their HOME)",
    () => {
      const home = join(folder, 'alice');
      mkdirSync(home);
      chownSync(home, 65534, 65534);
      cache = join(home, '.cache', 'nn-tui');

      load().saveCache();

      expect(readdirSync(home)).toEqual([]);
    },
  );

  it('makes the folders above the cache folder that are missing', () => {
    cache = join(folder, 'home', '.cache', 'nn-tui');
    mkdirSync(join(folder, 'home'));

    load().saveCache();

    expect(statSync(join(folder, 'home', '.cache')).mode & 0o777).toBe(0o700);
    expect(load().cache).toBe('used');
  });

  it('does not use a cache file that others can write', () => {
    load().saveCache();
    chmodSync(programCache(), 0o666);

    expect(load().cache).toBe('missing');
  });

  it.skipIf(process.platform === 'win32')(
    'does not wait on a named pipe where the cache file would be',
    () => {
      mkdirSync(cache, { mode: 0o700 });
      execFileSync('mkfifo', ['-m', '600', programCache()]);

      expect(load().cache).toBe('missing');
    },
  );

  it('writes nothing into a folder that others can write to', () => {
    mkdirSync(cache);
    chmodSync(cache, 0o777);

    load().saveCache();

    expect(readdirSync(cache)).toEqual([]);
  });

  it('does not use a cache in a folder that others can write to', () => {
    load().saveCache();
    chmodSync(cache, 0o777);

    expect(load().cache).toBe('missing');
  });

  it('never writes through a link left where its temporary file goes', () => {
    mkdirSync(cache, { mode: 0o700 });
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, `${programCache()}.${process.pid}.tmp`);

    load().saveCache();

    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(programCache())).toBe(false);
  });

  it('removes caches of other programs and left-over files, and no others', () => {
    mkdirSync(cache, { mode: 0o700 });
    const otherCache = `00000000-${basename(programCache()).slice(9)}`;
    const leftOver = `${basename(programCache())}.12345.tmp`;
    for (const name of [otherCache, leftOver, 'notes.txt']) {
      writeFileSync(join(cache, name), 'x');
    }

    load().saveCache();

    expect(readdirSync(cache).sort()).toEqual(
      [basename(programCache()), 'notes.txt'].sort(),
    );
  });

  it('does nothing with the cache when it is off', () => {
    const loaded = loadProgram(
      (writeFileSync(join(folder, 'off.cjs'), PROGRAM),
      join(folder, 'off.cjs')),
      null,
    );

    expect(loaded.cache).toBe('off');
    loaded.saveCache();
    expect(readdirSync(folder)).toEqual(['off.cjs']);
  });
});

/** A copy of `bytes` with one bit flipped at `index` (from the end if < 0). */
function flipBit(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  const at = index < 0 ? copy.length + index : index;
  copy[at] = copy[at]! ^ 0b0001_0000;
  return copy;
}
