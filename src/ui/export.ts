import type { Lesson } from '../core/lesson.js';
import { FileExistsError, writeTextFileAtomically } from '../preset/files.js';
import { numpyProgram } from '../render/numpy.js';
import { savePath } from './save.js';
import type { Action, SaveRequest } from './state.js';

/**
 * Writes the NumPy program of `E` (what `--export numpy` prints) and
 * returns what happened as the action that tells the screen. An existing
 * file is replaced only once the user has said yes, as with a save.
 */
export function performExport(
  request: SaveRequest,
  lesson: Lesson,
  cwd: string,
): Action {
  const path = savePath(request.path, cwd);
  try {
    writeTextFileAtomically(path, numpyProgram(lesson), {
      overwrite: request.overwrite,
    });
    return { type: 'export-done', path };
  } catch (error) {
    if (error instanceof FileExistsError) {
      return { type: 'export-exists', path };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'export-failed', message };
  }
}
