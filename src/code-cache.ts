import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

// Loading the bundled program with V8's code cache. Compiling the bundle
// and then the functions that draw the first frame is about a third of
// nn-tui's start-up; V8 can keep that work (its code cache) and take it
// back on the next start in a few milliseconds. Node 22 does this for any
// module (module.enableCompileCache); Node 20 does it only through
// vm.Script, which is what this file uses, for the one CommonJS file of
// the bundle.
//
// V8 checks a cache against its own version and flags and the length of
// the source, but not the source itself, and in release builds not the
// cache's bytes either: a damaged cache can crash it. So the file's name
// carries a checksum of the program it was made for, and the file a
// checksum of the cache. A cache that is missing, damaged, for another
// program or Node, not the user's own, or in a folder others can write to
// is not used; one that cannot be written safely is not written. The
// cache is an optimisation and nothing more.

/** How the program was loaded, as far as the code cache goes. */
export type CacheState =
  | 'off'
  | 'missing'
  /** Found but not used: damaged, or refused by V8 (other V8 flags). */
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
 * The first bytes of a cache file, then the CRC-32 of the program it was
 * made for, the cache's length and the cache's CRC-32.
 */
const MAGIC = Buffer.from('nn-tui v8cache 2');
const HEADER_BYTES = MAGIC.length + 12;

/** The values of NN_TUI_CODE_CACHE that turn the cache off. */
const OFF_VALUES = ['off', '0', 'false', 'no'];

/**
 * A CRC-32 of some bytes, or undefined on a Node without zlib.crc32
 * (before 20.15), where the cache is off.
 */
const crc32: ((data: Buffer) => number) | undefined = (
  zlib as { crc32?: (data: Buffer) => number }
).crc32;

/**
 * The folder the code cache is kept in: `$XDG_CACHE_HOME/nn-tui`, else
 * the platform's own cache folder for the user. Null when
 * NN_TUI_CODE_CACHE is off (or 0, false, no), or there is no home folder
 * to put it in.
 */
export function cacheFolder(
  environment: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string | null {
  const setting = environment.NN_TUI_CODE_CACHE?.trim().toLowerCase();
  if (setting !== undefined && OFF_VALUES.includes(setting)) return null;

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
 * The cache file of a program (`programId`, a checksum of its source) on
 * this version of Node and V8.
 */
export function cacheFileName(programId: string): string {
  const node = `node${process.versions.node}-v8${process.versions.v8}`;
  return `${programId}-${node}-${process.arch}${CACHE_SUFFIX}`;
}

/**
 * Loads the CommonJS file at `path` as Node would, but compiled with the
 * code cache kept in `folder` for this very source, when there is one.
 */
export function loadProgram(
  path: string,
  folder: string | null,
): LoadedProgram {
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');
  const programCrc = crc32?.(bytes);
  const programId = programCrc === undefined ? null : hex(programCrc);
  const cacheFile =
    folder === null || programId === null
      ? null
      : join(folder, cacheFileName(programId));
  const cached =
    cacheFile === null ? undefined : readCache(cacheFile, programCrc!);

  // The wrapper Node puts around every CommonJS file, on the same line as
  // the file's first, so that line numbers in errors stay true.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: path, cachedData: cached === 'damaged' ? undefined : cached },
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
        : cached === 'damaged' || script.cachedDataRejected
          ? 'rejected'
          : 'used';
  return {
    exports: module.exports,
    cache,
    cacheFile,
    saveCache() {
      if (cacheFile === null || programId === null || cache === 'used') return;
      const file = pack(script.createCachedData(), programCrc!);
      writeCache(cacheFile, programId, file);
    },
  };
}

/** A number as 8 hexadecimal digits. */
function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/**
 * The cache in a cache file, 'damaged' when its length or checksum is
 * wrong, or undefined when there is none to read: no file, not a regular
 * file of the user's own, or one that others can write to or is in a
 * folder others can write to (a cache file is code that runs). Never
 * waits: a named pipe there is not opened for good.
 */
function readCache(
  path: string,
  programCrc: number,
): Buffer | 'damaged' | undefined {
  let descriptor: number | undefined;
  try {
    const flags =
      constants.O_RDONLY |
      (constants.O_NONBLOCK ?? 0) |
      (constants.O_NOFOLLOW ?? 0);
    if (!isPrivateFolder(dirname(path))) return undefined;
    descriptor = openSync(path, flags);
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || !isOwnAndPrivate(stats)) return undefined;
    if (stats.size > MAX_CACHE_BYTES) return 'damaged';
    return unpack(readFileSync(descriptor), programCrc);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Whether `path` is a folder (not a link) of the user's that only they can write. */
function isPrivateFolder(path: string): boolean {
  const stats = lstatSync(path);
  return stats.isDirectory() && isOwnAndPrivate(stats);
}

/** Whether a file or folder is the user's, and only the user can write it. */
function isOwnAndPrivate(stats: { uid: number; mode: number }): boolean {
  const isOwn = process.getuid === undefined || stats.uid === process.getuid();
  return isOwn && (stats.mode & 0o022) === 0;
}

/** A cache with its header (see MAGIC). */
function pack(data: Buffer, programCrc: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(programCrc, MAGIC.length);
  header.writeUInt32LE(data.length, MAGIC.length + 4);
  header.writeUInt32LE(crc32!(data), MAGIC.length + 8);
  return Buffer.concat([header, data]);
}

/**
 * The cache in a cache file's bytes, or 'damaged' when they do not check
 * or were made for another program (a file renamed, say).
 */
function unpack(file: Buffer, programCrc: number): Buffer | 'damaged' {
  if (file.length < HEADER_BYTES || crc32 === undefined) return 'damaged';
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) return 'damaged';
  const madeFor = file.readUInt32LE(MAGIC.length);
  const length = file.readUInt32LE(MAGIC.length + 4);
  const checksum = file.readUInt32LE(MAGIC.length + 8);
  const data = file.subarray(HEADER_BYTES);
  const isWhole = data.length === length && crc32(data) === checksum;
  return isWhole && madeFor === programCrc ? data : 'damaged';
}

/**
 * Writes the cache whole or not at all: into a new temporary file (never
 * through a link someone left in its place), then renamed. Writes only
 * into a folder of the user's own that no one else can write to, and
 * removes the caches of other programs and temporary files left behind.
 */
function writeCache(path: string, programId: string, file: Buffer): void {
  const folder = dirname(path);
  const temporary = `${path}.${process.pid}.tmp`;
  let descriptor: number | undefined;
  let isCreated = false;
  try {
    makeFolder(folder, 2);
    if (!isPrivateFolder(folder)) return;

    const flags =
      constants.O_WRONLY |
      constants.O_CREAT |
      constants.O_EXCL |
      (constants.O_NOFOLLOW ?? 0);
    descriptor = openSync(temporary, flags, 0o600);
    isCreated = true;
    for (let written = 0; written < file.length;) {
      written += writeSync(descriptor, file, written);
    }
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
    isCreated = false;
    removeOthers(folder, programId);
  } catch {
    if (descriptor !== undefined) closeSync(descriptor);
    if (isCreated) removeQuietly(temporary);
  }
}

/**
 * Makes a folder readable by the user only, and the `levels - 1` folders
 * above it that are missing (the cache folder, and ~/.cache on a new
 * account), each only inside a folder of the user's own: as root with
 * another user's HOME (`sudo -E`), nothing is made in their home.
 * Throws when it cannot.
 */
function makeFolder(folder: string, levels: number): void {
  try {
    if (lstatSync(folder).isDirectory()) return;
  } catch {
    // Missing: made below.
  }
  const parent = dirname(folder);
  if (levels > 1 && parent !== folder) makeFolder(parent, levels - 1);
  const parentStats = lstatSync(parent);
  const isOwnParent =
    process.getuid === undefined || parentStats.uid === process.getuid();
  if (!isOwnParent) throw new Error(`${parent} is not the user's own`);
  mkdirSync(folder, { mode: 0o700 });
}

/** Removes the caches of other programs, and temporary files left behind. */
function removeOthers(folder: string, programId: string): void {
  for (const name of readdirSync(folder)) {
    const isOtherCache =
      name.endsWith(CACHE_SUFFIX) && !name.startsWith(programId);
    const isLeftOver =
      name.includes(`${CACHE_SUFFIX}.`) && name.endsWith('.tmp');
    if (isOtherCache || isLeftOver) removeQuietly(join(folder, name));
  }
}

/** Removes a file if it can; a file that stays does no harm. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Another process's file, a folder, or gone already.
  }
}
