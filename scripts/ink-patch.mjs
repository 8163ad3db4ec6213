// Ink 6.8's incremental renderer moves the cursor up one line too few when
// the previous frame ended with a newline (every frame shorter than the
// terminal), so each redraw lands one row low and the screen scrolls. The
// right count is every visible line when the cursor sits below the frame.
// Both the bundle (scripts/build.mjs) and the tests (vitest.config.ts)
// apply this patch, so that tests see the Ink that users run.

/** Matches the file of Ink that holds the line to patch. */
export const INK_LOG_UPDATE = /ink[\\/]build[\\/]log-update\.js$/;

const WRONG = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const RIGHT =
  "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";

/**
 * The patched source of Ink's log-update.js. Throws if an Ink upgrade has
 * changed the line, so that the patch is looked at again, never skipped.
 */
export function patchInkLogUpdate(source, path) {
  if (!source.includes(WRONG)) {
    throw new Error(
      `${path} has changed: check whether Ink's incremental renderer still needs scripts/ink-patch.mjs.`,
    );
  }
  return source.replace(WRONG, RIGHT);
}
