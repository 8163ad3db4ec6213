import { homedir } from 'node:os';
import { basename, resolve, sep } from 'node:path';
import type { Lesson } from '../core/lesson.js';
import { FileExistsError, savePresetFile } from '../preset/files.js';
import { PresetError } from '../preset/parse.js';
import type { Action, SaveRequest } from './state.js';

/**
 * A typed path made absolute: from `cwd`, with `~/` as the home folder. A
 * separator at the end stays, as it says the path is a folder.
 */
export function savePath(typed: string, cwd: string): string {
  const expanded = /^~(?=$|[/\\])/.test(typed)
    ? homedir() + typed.slice(1)
    : typed;
  const path = resolve(cwd, expanded);
  const isFolder = /[/\\]$/.test(expanded) && !/[/\\]$/.test(path);
  return isFolder ? `${path}${sep}` : path;
}

/**
 * The lesson as it is saved: named after its file and without a place in
 * the lesson order, since it is the user's own preset now.
 */
export function lessonToSave(lesson: Lesson, path: string): Lesson {
  const { order: _order, ...rest } = lesson;
  return {
    ...rest,
    name: basename(path).replace(/\.json$/i, '') || lesson.name,
  };
}

/**
 * Carries out a save the screen asked for, and returns what happened as
 * the action that tells the screen.
 */
export function performSave(
  request: SaveRequest,
  lesson: Lesson,
  cwd: string,
): Action {
  const path = savePath(request.path, cwd);
  try {
    savePresetFile(path, lessonToSave(lesson, path), {
      overwrite: request.overwrite,
    });
    return { type: 'save-done', path };
  } catch (error) {
    if (error instanceof FileExistsError) return { type: 'save-exists', path };
    return { type: 'save-failed', message: fieldError(error) };
  }
}

/**
 * Why a save failed, for beside the field: the field shows the path, so a
 * preset error leaves out the file's name (`not saved: no such folder
 * (gone)`).
 */
export function fieldError(error: unknown): string {
  if (!(error instanceof PresetError)) {
    return error instanceof Error ? error.message : String(error);
  }
  return [error.place, error.problem].filter(Boolean).join(': ');
}
