import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('is null with NN_TUI_CODE_CACHE=off or without a home folder', () => {
    const off = { NN_TUI_CODE_CACHE: 'off', XDG_CACHE_HOME: '/c' };
    expect(cacheFolder(off, 'linux', '/home/u')).toBeNull();
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
  let loads = 0;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-code-cache-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /**
   * Loads the program from a file of a new name and checks what it
   * exports. (V8 keeps what it compiled in memory by source and file
   * name; the new name makes each load compile, as a new process does.)
   */
  function load(cache: string | null) {
    const name = `program-${++loads}.cjs`;
    writeFileSync(join(folder, name), PROGRAM);
    const loaded = loadProgram(join(folder, name), 'abc123', cache);
    const exports = loaded.exports as {
      name: string;
      sum: (a: number, b: number) => number;
    };
    expect(exports.name).toBe(name);
    expect(exports.sum(2, 3)).toBe(5);
    return loaded;
  }

  it('runs a CommonJS file as Node would, with no cache the first time', () => {
    const cache = join(folder, 'cache');
    const first = load(cache);

    expect(first.cache).toBe('missing');
    expect(first.cacheFile).toBe(join(cache, cacheFileName('abc123')));
    expect(readdirSync(folder)).toEqual([`program-${loads}.cjs`]);
  });

  it('uses the cache saved by the run before', () => {
    const cache = join(folder, 'cache');
    load(cache).saveCache();

    expect(readdirSync(cache)).toEqual([cacheFileName('abc123')]);
    expect(load(cache).cache).toBe('used');
  });

  it('reports a cache V8 refuses as rejected, and saving replaces it', () => {
    const cache = join(folder, 'cache');
    load(cache).saveCache();
    writeFileSync(join(cache, cacheFileName('abc123')), 'garbage');

    const loaded = load(cache);
    expect(loaded.cache).toBe('rejected');
    loaded.saveCache();
    expect(load(cache).cache).toBe('used');
  });

  it('does nothing with the cache when it is off', () => {
    const loaded = load(null);

    expect(loaded.cache).toBe('off');
    loaded.saveCache();
    expect(readdirSync(folder)).toEqual([`program-${loads}.cjs`]);
  });
});
