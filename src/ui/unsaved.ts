import type { Lesson } from '../core/lesson.js';
import type { SessionState } from './state.js';

// Which lessons hold work that no file holds. A lesson is unsaved when its
// network, targets or training differ from the version a file holds: the
// one last saved this session, else the lesson as it was opened (the
// built-in preset, or the user's file as loaded). Changing a weight and
// changing it back leaves nothing unsaved.

/** Where `leftLessons` keeps a lesson: its place in the list, or "file". */
export function lessonKey(index: number | null): string {
  return index === null ? 'file' : String(index);
}

/** The version of a lesson that a file holds, to compare edits with. */
function savedVersion(
  state: SessionState,
  lesson: Lesson,
  index: number | null,
): Lesson | undefined {
  const saved = state.savedLessons[lesson.name];
  if (saved) return saved;
  return index === null ? state.startLesson : state.lessons[index];
}

/** True when two lessons would be saved as different files' work. */
function isSameContent(a: Lesson, b: Lesson): boolean {
  if (a === b) return true;
  return (
    JSON.stringify([a.network, a.targets, a.training]) ===
    JSON.stringify([b.network, b.targets, b.training])
  );
}

/** True when the lesson at `index` holds work that no file holds. */
export function isUnsaved(
  state: SessionState,
  lesson: Lesson,
  index: number | null,
): boolean {
  const saved = savedVersion(state, lesson, index);
  return saved === undefined || !isSameContent(lesson, saved);
}

/** The state with `isDirty` saying whether the lesson on screen is unsaved. */
export function withUnsavedMark(state: SessionState): SessionState {
  const isDirty = isUnsaved(state, state.lesson, state.lessonIndex);
  return isDirty === state.isDirty ? state : { ...state, isDirty };
}

/**
 * The lessons with unsaved work, as `lessonKey`s with their names, the one
 * on screen first: quitting would lose them. A lesson left for another
 * keeps its edits (`leftLessons`), and coming back to it shows them again.
 */
function unsavedLessons(state: SessionState): Map<string, string> {
  const current = lessonKey(state.lessonIndex);
  const unsaved = new Map<string, string>();
  if (state.isDirty) unsaved.set(current, state.lesson.name);
  for (const [key, lesson] of Object.entries(state.leftLessons)) {
    if (key === current) continue;
    const index = key === 'file' ? null : Number(key);
    if (isUnsaved(state, lesson, index)) unsaved.set(key, lesson.name);
  }
  return unsaved;
}

/** The names of the lessons with unsaved work, the one on screen first. */
export function unsavedLessonNames(state: SessionState): string[] {
  return [...new Set(unsavedLessons(state).values())];
}

/** The places in the lesson list of the lessons with unsaved work. */
export function unsavedLessonIndexes(state: SessionState): Set<number> {
  const keys = [...unsavedLessons(state).keys()];
  return new Set(keys.filter((key) => key !== 'file').map(Number));
}
