import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  return error instanceof Error ? error.message : String(error);
}

/** Reads and checks a preset file; every problem is a `PresetError`. */
export function loadPresetFile(path: string): Lesson {
  const source = basename(path);
  let bytes: Buffer;
  try {
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
    bytes = readFileSync(path);
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
  return parsePreset(source, text, source.replace(/\.json$/i, ''));
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

/**
 * Where a save to `path` writes: through a symbolic link to the file it
 * points at, so that the link stays a link and the file behind it gets
 * the text. A link that points nowhere is replaced as a file would be.
 */
function writeTarget(path: string): string {
  const link = entryAt(path);
  if (!link?.isSymbolicLink()) return path;
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Writes a text file atomically: the text goes to a temporary file in the
 * same folder, which then replaces the target in one rename, so the target
 * is always either the old file or the new one. An existing file is
 * replaced only with `overwrite` (`FileExistsError` otherwise); any other
 * failure is a `PresetError` that names the file and says why.
 */
export function writeTextFileAtomically(
  path: string,
  text: string,
  options: { overwrite?: boolean; steps?: SaveSteps } = {},
): void {
  const source = basename(path);
  checkFolder(source, dirname(path));
  const target = writeTarget(path);
  const folder = dirname(target);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new PresetError(source, '', 'not saved: is a folder, not a file');
  }
  // A link that points nowhere is there to be replaced too.
  const isTaken = entryAt(path) !== undefined;
  if (!options.overwrite && isTaken) throw new FileExistsError(path);

  const steps = options.steps ?? REAL_STEPS;
  const temporary = join(folder, `.${source}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = steps.open(temporary, 'wx', 0o644);
    try {
      steps.write(fd, text);
      steps.sync(fd);
    } finally {
      steps.close(fd);
    }
    steps.rename(temporary, target);
    syncFolder(folder);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new PresetError(source, '', `not saved: ${systemReason(error)}`);
  }
}
