import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  ftruncateSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lesson } from '../core/lesson.js';
import { shapeProblems } from '../core/network.js';
import { findLesson } from './catalog.js';
import { PresetError, parsePreset, presetText } from './parse.js';

/** The largest preset file nn-tui reads. */
export const MAX_FILE_BYTES = 1024 * 1024;

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENAMETOOLONG') return 'the name is too long for this system';
  if (code === 'ELOOP') return 'too many links';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The bytes of a preset file, refused when there are more than
 * `MAX_FILE_BYTES`. A file's size is checked before it is read; a pipe or
 * device (`/dev/stdin`, `/dev/zero`) is read only up to the limit.
 */
function readPresetBytes(path: string, source: string): Buffer {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    throw new PresetError(source, '', 'is a folder, not a preset file');
  }
  if (stats.size > MAX_FILE_BYTES) {
    throw new PresetError(
      source,
      '',
      `${stats.size} bytes is over the limit of 1 MiB for a preset`,
    );
  }
  const bytes = readAtMost(path, MAX_FILE_BYTES + 1);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new PresetError(
      source,
      '',
      'is over the limit of 1 MiB for a preset',
    );
  }
  return bytes;
}

/** Up to `limit` bytes from the start of a file, pipe or device. */
function readAtMost(path: string, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    while (length < limit) {
      const read = readSync(fd, buffer, length, limit - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and checks a preset file; every problem is a `PresetError` that
 * names the file by the path it was given.
 */
export function loadPresetFile(path: string): Lesson {
  const source = path;
  let bytes: Buffer;
  try {
    bytes = readPresetBytes(path, source);
  } catch (error) {
    if (error instanceof PresetError) throw error;
    throw new PresetError(source, '', systemReason(error));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PresetError(source, '', 'is not UTF-8 text');
  }
  if (text.trim() === '') throw new PresetError(source, '', 'is empty');
  return parsePreset(source, text, basename(path).replace(/\.json$/i, ''));
}

/**
 * A built-in lesson by name, or a preset file by path. A name that is
 * neither is refused with a pointer to `--list`.
 */
export function resolvePreset(nameOrPath: string): Lesson {
  const lesson = findLesson(nameOrPath);
  if (lesson) return lesson;
  if (existsSync(nameOrPath) || /[/\\]|\.json$/i.test(nameOrPath)) {
    return loadPresetFile(nameOrPath);
  }
  throw new PresetError(
    nameOrPath,
    '',
    'no such preset or file (nn-tui --list shows the presets)',
  );
}

/** Makes a rename durable; some systems cannot sync a folder, which is fine. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The rename itself has happened; only its durability is unconfirmed.
  }
}

/** Raised when a save would replace a file that was not confirmed. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

/** The file operations a save uses; tests replace them to interrupt one. */
export interface SaveSteps {
  open: typeof openSync;
  write: (fd: number, text: string) => void;
  sync: typeof fsyncSync;
  close: typeof closeSync;
  rename: typeof renameSync;
}

const REAL_STEPS: SaveSteps = {
  open: openSync,
  write: (fd, text) => {
    writeSync(fd, text);
  },
  sync: fsyncSync,
  close: closeSync,
  rename: renameSync,
};

/**
 * Saves a lesson as a preset file, atomically (see
 * `writeTextFileAtomically`). The text is checked to load again before
 * anything touches the disk.
 */
export function savePresetFile(
  path: string,
  lesson: Lesson,
  options: { overwrite?: boolean; steps?: SaveSteps } = {},
): void {
  const source = basename(path);
  const problems = shapeProblems(lesson.network);
  if (problems.length > 0) {
    throw new PresetError(source, '', `not saved: ${problems[0]}`);
  }
  const text = presetText(lesson);
  // A saved file must load again: check before anything touches the disk.
  try {
    parsePreset(source, text, lesson.name);
  } catch (error) {
    const problem =
      error instanceof PresetError ? error.problem : String(error);
    const place = error instanceof PresetError ? `${error.place}: ` : '';
    throw new PresetError(source, '', `not saved: ${place}${problem}`);
  }
  const size = Buffer.byteLength(text);
  if (size > MAX_FILE_BYTES) {
    throw new PresetError(
      source,
      '',
      `not saved: ${size} bytes would be over the limit of 1 MiB for a ` +
        `preset, so it could not be opened again (shorten the notes)`,
    );
  }
  writeTextFileAtomically(path, text, options);
}

/**
 * Throws unless `folder` is a folder, with a reason short enough to go
 * beside the path typed in the save field.
 */
function checkFolder(source: string, folder: string): void {
  let stats;
  try {
    stats = statSync(folder, { throwIfNoEntry: false });
  } catch {
    // A file where a folder of the path should be, further up.
  }
  if (!stats) {
    throw new PresetError(
      source,
      '',
      `not saved: no such folder (${basename(folder)})`,
    );
  }
  if (!stats.isDirectory()) {
    throw new PresetError(
      source,
      '',
      `not saved: ${basename(folder)} is not a folder`,
    );
  }
}

/**
 * What is at `path` itself (a link is not followed), or undefined when
 * nothing is or it cannot be seen: the write then says why.
 */
function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** How many symbolic links a save follows before it gives up, as Linux. */
const MAX_LINKS = 40;

/**
 * Where a save to `path` writes: through symbolic links to the file they
 * point at, so that a link stays a link and the file behind it gets the
 * text (created, when the link points nowhere yet, as `>` in a shell
 * would).
 */
function writeTarget(path: string): string {
  let target = path;
  for (let links = 0; links < MAX_LINKS; links++) {
    if (!entryAt(target)?.isSymbolicLink()) return target;
    target = resolve(dirname(target), readlinkSync(target));
  }
  throw new PresetError(basename(path), '', 'not saved: too many links');
}

/**
 * Throws unless what is at `target` (when anything is) is a file that can
 * be written: not a folder, a pipe or a device, and not read-only.
 */
function checkExistingFile(
  source: string,
  target: string,
  stats: Stats | undefined,
): void {
  if (!stats) return;
  if (stats.isDirectory()) {
    throw new PresetError(source, '', 'not saved: is a folder, not a file');
  }
  if (!stats.isFile()) {
    throw new PresetError(source, '', 'not saved: is not a regular file');
  }
  // A file no one may write (chmod 444) is kept, though root could.
  if ((stats.mode & 0o222) === 0 || !isWritable(target)) {
    throw new PresetError(source, '', 'not saved: the file is read-only');
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a save must write into the existing file rather than replace
 * it: replacing would cut its other hard links off from the new text, or
 * give it a new owner, when it belongs to someone else.
 */
function isWrittenInPlace(stats: Stats | undefined): boolean {
  if (!stats) return false;
  const user = process.getuid?.();
  const canChangeOwner = user === undefined || user === 0;
  return stats.nlink > 1 || (!canChangeOwner && stats.uid !== user);
}

/**
 * Writes a text file atomically: the text goes to a temporary file in the
 * same folder, which then replaces the target in one rename, so the target
 * is always either the old file or the new one. The new file keeps the
 * old one's permissions (and owner, where it can). A file with other hard
 * links, or another owner, is written in place instead, which keeps both.
 * An existing file is replaced only with `overwrite` (`FileExistsError`
 * otherwise); any other failure is a `PresetError` that names the file and
 * says why.
 */
export function writeTextFileAtomically(
  path: string,
  text: string,
  options: { overwrite?: boolean; steps?: SaveSteps } = {},
): void {
  const source = basename(path);
  if (/[/\\]$/.test(path)) {
    // A path that ends in a separator names a folder, even one not there.
    checkFolder(source, path);
    throw new PresetError(source, '', 'not saved: is a folder, not a file');
  }
  checkFolder(source, dirname(path));
  const target = writeTarget(path);
  if (target !== path) checkFolder(source, dirname(target));
  const existing = entryAt(target);
  checkExistingFile(source, target, existing);
  // A link that points nowhere is there to be replaced too.
  const isTaken = entryAt(path) !== undefined;
  if (!options.overwrite && isTaken) throw new FileExistsError(path);

  const steps = options.steps ?? REAL_STEPS;
  try {
    if (existing && isWrittenInPlace(existing)) {
      writeInPlace(target, text, steps);
    } else {
      replaceFile(target, text, steps, existing);
    }
  } catch (error) {
    // The folder is there (checked above), so it does not take new files.
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'this folder does not take new files'
        : systemReason(error);
    throw new PresetError(source, '', `not saved: ${reason}`);
  }
}

/** Writes the text to a temporary file and renames it over `target`. */
function replaceFile(
  target: string,
  text: string,
  steps: SaveSteps,
  existing: Stats | undefined,
): void {
  const folder = dirname(target);
  const name = basename(target);
  const temporary = join(folder, `.${name}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = steps.open(temporary, 'wx', 0o644);
    try {
      if (existing) keepModeAndOwner(fd, existing);
      steps.write(fd, text);
      steps.sync(fd);
    } finally {
      steps.close(fd);
    }
    steps.rename(temporary, target);
    syncFolder(folder);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Gives a new file the permissions and, where it can, owner of the old. */
function keepModeAndOwner(fd: number, existing: Stats): void {
  fchmodSync(fd, existing.mode & 0o7777);
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Only root may give a file away; a user's own file keeps its owner.
  }
}

/** Writes the text over the file's own bytes, keeping the file itself. */
function writeInPlace(target: string, text: string, steps: SaveSteps): void {
  const fd = steps.open(target, 'r+');
  try {
    ftruncateSync(fd, 0);
    steps.write(fd, text);
    steps.sync(fd);
  } finally {
    steps.close(fd);
  }
}
