import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';

// Loading the bundled program with V8's code cache. Compiling the bundle
// and then the functions that draw the first frame is about a third of
// nn-tui's start-up; V8 can keep that work (its code cache) and take it
// back on the next start in a few milliseconds. Node 22 does this for any
// module (module.enableCompileCache); Node 20 does it only through
// vm.Script, which is what this file uses, for the one CommonJS file of
// the bundle.
//
// The cache is an optimisation and nothing more: a cache that is missing,
// unreadable, from another build or another Node, or not the user's own
// is ignored, and one that cannot be written is not written.

/** How the program was loaded, as far as the code cache goes. */
export type CacheState =
  | 'off'
  | 'missing'
  /** V8 refused it: another Node version or other V8 flags. */
  | 'rejected'
  | 'used';

/** The bundled program, loaded. */
export interface LoadedProgram {
  /** What the program's module exports. */
  exports: unknown;
  /** Whether a code cache was found and used. */
  cache: CacheState;
  /** The file the cache is kept in, or null when caching is off. */
  cacheFile: string | null;
  /**
   * Keeps what V8 has compiled so far for the next start. Nothing happens
   * when the cache was used (it is good already) or is off; a cache that
   * cannot be written is left unwritten. Never throws.
   */
  saveCache(): void;
}

/** The largest cache file read: the real one is about 1 MB. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** How the cache files end; other files in the folder are left alone. */
const CACHE_SUFFIX = '.v8cache';

/**
 * The folder the code cache is kept in: `$XDG_CACHE_HOME/nn-tui`, else
 * the platform's own cache folder for the user. Null when
 * NN_TUI_CODE_CACHE=off, or there is no home folder to put it in.
 */
export function cacheFolder(
  environment: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string | null {
  if (environment.NN_TUI_CODE_CACHE === 'off') return null;

  const path = platform === 'win32' ? win32 : posix;
  const xdgCache = environment.XDG_CACHE_HOME;
  if (xdgCache && path.isAbsolute(xdgCache)) {
    return path.join(xdgCache, 'nn-tui');
  }
  if (platform === 'win32') {
    const local = environment.LOCALAPPDATA;
    return local && path.isAbsolute(local)
      ? path.join(local, 'nn-tui', 'Cache')
      : null;
  }
  if (!home || !path.isAbsolute(home)) return null;
  return platform === 'darwin'
    ? path.join(home, 'Library', 'Caches', 'nn-tui')
    : path.join(home, '.cache', 'nn-tui');
}

/**
 * The cache file of one build of the program (`programHash`, a hash of
 * its source) on this version of Node and V8.
 */
export function cacheFileName(programHash: string): string {
  const node = `node${process.versions.node}-v8${process.versions.v8}`;
  return `${programHash}-${node}-${process.arch}${CACHE_SUFFIX}`;
}

/**
 * Loads the CommonJS file at `path` as Node would, but compiled with the
 * code cache kept in `folder` for this `programHash`, when there is one.
 */
export function loadProgram(
  path: string,
  programHash: string,
  folder: string | null,
): LoadedProgram {
  const source = readFileSync(path, 'utf8');
  const cacheFile =
    folder === null ? null : join(folder, cacheFileName(programHash));
  const cached = cacheFile === null ? undefined : readOwnFile(cacheFile);

  // The wrapper Node puts around every CommonJS file, on the same line as
  // the file's first, so that line numbers in errors stay true.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: path, cachedData: cached },
  );
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    folderName: string,
  ) => void;
  wrapper(module.exports, createRequire(path), module, path, dirname(path));

  const cache: CacheState =
    cacheFile === null
      ? 'off'
      : cached === undefined
        ? 'missing'
        : script.cachedDataRejected
          ? 'rejected'
          : 'used';
  return {
    exports: module.exports,
    cache,
    cacheFile,
    saveCache() {
      if (cacheFile === null || cache === 'used') return;
      writeCache(cacheFile, programHash, script.createCachedData());
    },
  };
}

/**
 * The bytes of a file of the user's own that no one else can write, or
 * undefined: a cache file is code that runs, so one that another user
 * could have put there or changed is not trusted.
 */
function readOwnFile(path: string): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const stats = fstatSync(descriptor);
    const isOwn =
      process.getuid === undefined || stats.uid === process.getuid();
    const isWritableByOthers = (stats.mode & 0o022) !== 0;
    if (!stats.isFile() || !isOwn || isWritableByOthers) return undefined;
    if (stats.size === 0 || stats.size > MAX_CACHE_BYTES) return undefined;
    return readFileSync(descriptor);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Writes the cache whole or not at all (a temporary file, then renamed),
 * readable by the user only, and removes caches of other builds.
 */
function writeCache(path: string, programHash: string, data: Buffer): void {
  const folder = dirname(path);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
    for (const name of readdirSync(folder)) {
      if (name.endsWith(CACHE_SUFFIX) && !name.startsWith(programHash)) {
        rmSync(join(folder, name), { force: true });
      }
    }
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder is not there or not ours: nothing was written.
    }
  }
}
