import { builtInLessons } from './preset/catalog.js';
import { resolvePreset } from './preset/files.js';
import { PresetError } from './preset/parse.js';
import {
  type CommandOptions,
  parseCommand,
  UsageError,
} from './command/args.js';
import { helpText } from './command/help.js';
import type { Lesson } from './core/lesson.js';
import { settingsFor } from './core/train.js';
import { printLesson, reportText, trainLesson } from './command/print.js';
import { numpyProgram } from './render/numpy.js';
import { localText } from './render/print.js';
import { messagesFor } from './i18n/messages.js';

declare const NN_TUI_VERSION: string;

/** The version, set by the bundler; "dev" when run from source. */
const VERSION = typeof NN_TUI_VERSION === 'string' ? NN_TUI_VERSION : 'dev';

/** The streams and environment the command runs with. */
interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  isTerminal: boolean;
  environment: Record<string, string | undefined>;
  /** Called once the playground is on screen, if it opens. */
  onPlaygroundShown?: () => void;
}

function list(options: CommandOptions): string {
  const lessons = builtInLessons();
  const width = Math.max(...lessons.map((lesson) => lesson.name.length));
  return lessons
    .map(
      (lesson, index) =>
        `${String(index + 1).padStart(2)}  ${lesson.name.padEnd(width)}  ` +
        `${localText(lesson.title, options.language)}\n`,
    )
    .join('');
}

/** Finds the lesson to open and its place in the lesson order. */
function chooseLesson(options: CommandOptions) {
  const lessons = builtInLessons();
  if (options.lesson !== undefined && options.lesson > lessons.length) {
    throw new UsageError(
      '--lesson',
      `there are ${lessons.length} lessons, not ${options.lesson} (see nn-tui --list)`,
    );
  }
  const start = options.preset
    ? resolvePreset(options.preset)
    : lessons[(options.lesson ?? 1) - 1];
  if (!start) throw new Error('nn-tui was built without its lessons.');
  const index = lessons.indexOf(start);
  return withTraining(
    { lessons, start, startIndex: index >= 0 ? index : null },
    options.training,
  );
}

/**
 * The lessons with `--rate`, `--seed`, `--init` and `--rule` made part of
 * the chosen lesson's training, for the playground to train with and for
 * `--print --train`: also in the list, so that `n` then `p` comes back to
 * it as it was opened.
 */
function withTraining(
  chosen: { lessons: Lesson[]; start: Lesson; startIndex: number | null },
  training: CommandOptions['training'],
) {
  if (Object.keys(training).length === 0) return chosen;
  const { lessons, start, startIndex } = chosen;
  const changed: Lesson = {
    ...start,
    training: { ...settingsFor(start.network, start.training), ...training },
  };
  return {
    lessons: lessons.map((lesson, index) =>
      index === startIndex ? changed : lesson,
    ),
    start: changed,
    startIndex,
  };
}

/** `--export numpy`: the lesson's program, after `--train` if given. */
function exportProgram(lesson: Lesson, options: CommandOptions): string {
  if (options.train === undefined) return numpyProgram(lesson);
  // In English, as the rest of the program's comments are.
  const trained = trainLesson(lesson, { ...options, language: 'en' });
  const report = reportText(trained.report, messagesFor('en')).split('\n');
  return numpyProgram(trained.lesson, report);
}

async function run(argv: string[], io: Io): Promise<number> {
  const options = parseCommand(argv, io.environment);
  if (options.action === 'help') {
    io.stdout.write(helpText(options.language));
    return 0;
  }
  if (options.action === 'version') {
    io.stdout.write(`nn-tui ${VERSION}\n`);
    return 0;
  }
  if (options.action === 'list') {
    io.stdout.write(list(options));
    return 0;
  }
  const { lessons, start, startIndex } = chooseLesson(options);
  if (options.action === 'export') {
    io.stdout.write(exportProgram(start, options));
    return 0;
  }
  const position =
    startIndex === null
      ? undefined
      : { index: startIndex, count: lessons.length };
  if (options.action === 'play' && !io.isTerminal) {
    io.stderr.write(
      'nn-tui: not a terminal, so the playground did not open; ' +
        'printed the lesson instead (use --print to ask for this)\n',
    );
  }
  if (options.action === 'print' || !io.isTerminal) {
    io.stdout.write(printLesson(start, options, position));
    return 0;
  }
  const [gridOption] = options.gridOptions;
  if (gridOption !== undefined) {
    throw new UsageError(
      gridOption,
      'works with --print; the playground fits its grid to the window, ' +
        'and g, x and y choose what it shows',
    );
  }
  // Ink lays the screen out with yoga, which is WebAssembly.
  if (!('WebAssembly' in globalThis)) {
    throw new UsageError(
      'node',
      'the playground needs WebAssembly, which this Node runs without ' +
        '(--jitless or --lite-mode?); --print works without it',
    );
  }
  // The interactive screen loads React and Ink: only when it is needed.
  const { runApp } = await import('./ui/run.js');
  return runApp({
    lessons,
    start,
    startIndex,
    language: options.language,
    isColor: options.isColor,
    sourcePath: startIndex === null ? (options.preset ?? null) : null,
    isLocked: options.isLocked,
    hidden: options.hidden,
    onShown: io.onPlaygroundShown,
  });
}

/** Runs nn-tui; errors become one line on stderr and an exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PresetError) {
      io.stderr.write(`nn-tui: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`nn-tui: internal error: ${message}\n`);
    if (io.environment.NN_TUI_DEBUG && error instanceof Error) {
      io.stderr.write(`${error.stack ?? ''}\n`);
    }
    return 1;
  }
}

/**
 * Ends quietly when the reader of the output has gone: a pipe closed
 * (`nn-tui --print xor | head -1`) ends with 0, as other tools do; a
 * terminal closed (its window shut) ends as the hang-up it is, by
 * SIGHUP, because there is no terminal left to restore or to tell, and
 * Node, at a normal exit, would fail trying to restore it. Any other
 * failure to write (a full disk) is said in one line, with exit code 1.
 */
function endWhenOutputIsGone(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  if (error.code === 'EIO') {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
    return;
  }
  process.stderr.write(`nn-tui: ${streamFailure(error)}\n`);
  process.exit(1);
}

/**
 * What went wrong with a stream, from the system's own words: Node's
 * message for ENOSPC is "ENOSPC: no space left on device, write".
 */
function streamFailure(error: NodeJS.ErrnoException): string {
  const reason = /^[A-Z]+: (.+?)(, \w+)?$/.exec(error.message)?.[1];
  const action =
    error.syscall === 'read' ? 'read the input' : 'write the output';
  return `could not ${action}: ${reason ?? error.message}`;
}

/**
 * Runs nn-tui as the `nn-tui` command, on this process's arguments and
 * streams, and sets the exit code. src/launch.ts calls it once the bundle
 * is loaded; `onPlaygroundShown` is called once the playground is on
 * screen (the launcher then keeps V8's code cache for the next start).
 */
export async function runCommand(
  onPlaygroundShown?: () => void,
): Promise<void> {
  process.stdout.on('error', endWhenOutputIsGone);
  process.stdin.on('error', endWhenOutputIsGone);

  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTerminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    environment: process.env,
    onPlaygroundShown,
  });
}
