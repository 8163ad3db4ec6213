import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { findLesson, builtInLessons } from '../../src/preset/catalog.js';
import { App } from '../../src/ui/app.js';
import type { Language } from '../../src/i18n/messages.js';
import type { Lesson } from '../../src/core/lesson.js';
import type { Panel } from '../../src/command/args.js';

/** Keys as a terminal sends them. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  space: ' ',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
} as const;

/** A screen of the playground drawn by ink-testing-library. */
export interface TestScreen {
  /** The last frame, without colour codes. */
  frame: () => string;
  /** Sends one key (or one pasted chunk) and waits for the next frame. */
  press: (key: string) => Promise<string>;
  /** Sends keys one at a time. */
  type: (keys: string) => Promise<string>;
  /** Every frame drawn so far, without colour codes. */
  frames: () => string[];
  /**
   * Waits until the frame contains `text` (work done outside a key, such
   * as a save, reports when it is done) and returns that frame.
   */
  waitFor: (text: string, timeout?: number) => Promise<string>;
  /** Draws the screen again at another size, as a resized window. */
  resize: (columns: number, rows: number) => Promise<string>;
  /** Unmounts the app. */
  unmount: () => void;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens the playground on a lesson at a terminal size. */
export function openScreen(
  options: {
    lesson?: string | Lesson;
    language?: Language;
    columns?: number;
    rows?: number;
    cwd?: string;
    isColor?: boolean;
    isLocked?: boolean;
    hidden?: Panel[];
    sourcePath?: string;
  } = {},
): TestScreen {
  const lessons = builtInLessons();
  const start =
    typeof options.lesson === 'object'
      ? options.lesson
      : (findLesson(options.lesson ?? 'and') ?? lessons[0]!);
  const index = lessons.indexOf(start);
  const app = (columns: number, rows: number) => (
    <App
      lessons={lessons}
      start={start}
      startIndex={index >= 0 ? index : null}
      language={options.language ?? 'en'}
      isColor={options.isColor ?? false}
      size={{ columns, rows }}
      cwd={options.cwd}
      isLocked={options.isLocked}
      hidden={options.hidden}
      sourcePath={options.sourcePath}
    />
  );
  const instance = render(app(options.columns ?? 80, options.rows ?? 24));
  const frame = () => stripVTControlCharacters(instance.lastFrame() ?? '');
  const press = async (key: string) => {
    const before = instance.frames.length;
    instance.stdin.write(key);
    // Wait for the next frame (a bare Escape is read alone only once no
    // byte follows it)...
    const deadline = Date.now() + 1000;
    while (instance.frames.length === before && Date.now() < deadline) {
      await sleep(5);
    }
    // ...then until no more frames come: a save, for one, draws twice.
    let count = instance.frames.length;
    do {
      count = instance.frames.length;
      await sleep(20);
    } while (instance.frames.length !== count && Date.now() < deadline);
    return frame();
  };
  return {
    frame,
    press,
    type: async (keys: string) => {
      for (const key of keys) await press(key);
      return frame();
    },
    frames: () => instance.frames.map((f) => stripVTControlCharacters(f)),
    waitFor: async (text: string, timeout = 5000) => {
      const deadline = Date.now() + timeout;
      while (!frame().includes(text) && Date.now() < deadline) {
        await sleep(10);
      }
      return frame();
    },
    resize: async (columns: number, rows: number) => {
      instance.rerender(app(columns, rows));
      await sleep(50);
      return frame();
    },
    unmount: () => instance.unmount(),
  };
}

/** Every line of a frame wider than `columns`, or more lines than `rows`. */
export function overflow(
  frame: string,
  columns: number,
  rows: number,
): string[] {
  const lines = frame.split('\n');
  const problems = lines
    .filter((line) => stringWidth(line) > columns)
    .map((line) => `${stringWidth(line)} columns: ${line}`);
  if (lines.length > rows) problems.push(`${lines.length} lines`);
  return problems;
}
