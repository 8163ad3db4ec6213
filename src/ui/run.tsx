import { render, type RenderOptions } from 'ink';
import onExit from 'signal-exit';
import type { Panel } from '../command/args.js';
import type { Lesson } from '../core/lesson.js';
import { type Language, messagesFor } from '../i18n/messages.js';
import { App } from './app.js';
import { ErrorBoundary } from './error-boundary.js';

/** What the command line hands to the interactive playground. */
export interface RunOptions {
  /** The built-in lessons in order. */
  lessons: Lesson[];
  /** The lesson to open: a built-in one or a user file. */
  start: Lesson;
  /** Its index in `lessons`, or null for a user file. */
  startIndex: number | null;
  language: Language;
  /** False with --no-color or NO_COLOR. */
  isColor: boolean;
  /** The user file the lesson was read from, as typed; the header names it. */
  sourcePath?: string | null;
  /** Teacher's mode (--locked): values only, no structure editing. */
  isLocked?: boolean;
  /** Panels hidden with --hide. */
  hidden?: readonly Panel[];
  /** Called once, when the first frame has been drawn. */
  onShown?: () => void;
}

/**
 * How Ink draws the playground. Ctrl+C is a key of the app: it asks first
 * when there are unsaved changes, then quits the way q does.
 *
 * Incremental rendering redraws only the lines a key changed. Ink 6.8's
 * version of it lands one row low after a frame that ends in a newline;
 * scripts/patches.mjs corrects that in the bundle and in the tests
 * (test/ui/terminal.test.tsx checks the screen in a terminal emulator).
 */
export const RENDER_OPTIONS = {
  exitOnCtrlC: false,
  patchConsole: false,
  incrementalRendering: true,
  maxFps: 120,
} as const satisfies RenderOptions;

/** The streams the playground uses; tests pass their own. */
export interface AppStreams {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

/**
 * Turns the terminal's line wrapping off (DECAWM) while the playground is
 * shown. Ink lays each line out to fit the window, but a terminal may draw
 * some characters wider than Ink measures them: emoji with a skin tone or
 * a variation selector, and in East Asian terminal settings ambiguous
 * ones such as `…`. A line drawn too wide then ends at the window's edge
 * instead of wrapping onto the next, which would push every line below it
 * down and leave Ink redrawing the wrong rows.
 */
const WRAP_OFF = '\u001B[?7l';

/** Turns line wrapping back on, as terminals start. */
const WRAP_ON = '\u001B[?7h';

/** Wraps lines, shows the cursor and leaves raw mode, whatever Ink left. */
function restoreTerminal(
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
): void {
  if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  if (stdout.isTTY) stdout.write(`${WRAP_ON}\u001B[?25h`);
}

/**
 * Turns line wrapping off, and back on should a signal end the program:
 * signal-exit runs its callbacks then, as it runs Ink's own clean-up.
 * Returns what removes that callback, for when `restoreTerminal` has
 * turned wrapping on instead.
 */
function stopWrapping(stdout: NodeJS.WriteStream): () => void {
  if (!stdout.isTTY) return () => {};
  stdout.write(WRAP_OFF);
  return onExit(() => stdout.write(WRAP_ON));
}

/** Renders the playground with Ink until the user quits; resolves to the exit code. */
export async function runApp(
  options: RunOptions,
  streams: AppStreams = {},
): Promise<number> {
  const stdin = streams.stdin ?? process.stdin;
  const stdout = streams.stdout ?? process.stdout;
  const stderr = streams.stderr ?? process.stderr;
  const { onShown, ...appOptions } = options;
  const messages = messagesFor(options.language);
  const removeWrapHook = stopWrapping(stdout);
  const instance = render(
    <ErrorBoundary messages={messages}>
      <App {...appOptions} />
    </ErrorBoundary>,
    { ...RENDER_OPTIONS, stdin, stdout, stderr },
  );
  onShown?.();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch {
    // The error boundary has shown the error; the exit code says so too.
    return 1;
  } finally {
    removeWrapHook();
    restoreTerminal(stdin, stdout);
  }
}
