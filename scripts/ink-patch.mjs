// Changes to Ink 6.8 as it goes into the bundle (scripts/build.mjs) and
// into the tests (vitest.config.ts), so that tests see the Ink that users
// run. Each patch replaces exact lines of one file, and patching throws if
// an Ink upgrade has changed them, so that each is looked at again rather
// than skipped.

import { fileURLToPath } from 'node:url';

/** nn-tui's own redraw of a changed line, which Ink's renderer imports. */
const LINE_UPDATE = fileURLToPath(
  new URL('../src/ui/line-update.ts', import.meta.url),
);

/**
 * The patches: for each file of Ink, why it is patched and the lines
 * replaced. The text of a replacement keeps Ink's own style.
 */
const PATCHES = [
  {
    // The incremental renderer moves the cursor up one line too few when
    // the previous frame ended with a newline (every frame shorter than
    // the terminal), so each redraw lands one row low and the screen
    // scrolls. The right count is every visible line when the cursor sits
    // below the frame.
    //
    // And a changed line is redrawn whole, though a nudge changes a few
    // columns of it: `lineUpdate` writes only those.
    file: 'log-update.js',
    replacements: [
      [
        'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
        "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));",
      ],
      [
        "import ansiEscapes from 'ansi-escapes';",
        `import ansiEscapes from 'ansi-escapes';\nimport { lineUpdate, linesOnScreen } from ${JSON.stringify(LINE_UPDATE)};`,
      ],
      [
        [
          '            buffer.push(ansiEscapes.cursorTo(0) +',
          '                nextLines[i] +',
          '                ansiEscapes.eraseEndLine +',
        ].join('\n'),
        '            buffer.push(lineUpdate(previousOnScreen[i], nextLines[i]) +',
      ],
      [
        '        for (let i = 0; i < visibleCount; i++) {',
        '        const previousOnScreen = linesOnScreen(previousLines, stream.columns);\n        for (let i = 0; i < visibleCount; i++) {',
      ],
    ],
  },
  {
    // Each frame gets a new Output, and with it empty caches: every line
    // was split into styled characters and every character measured again
    // on every frame, most of the time a nudge took. One set of caches
    // serves every frame instead, started afresh when it grows large.
    file: 'output.js',
    replacements: [
      [
        'export default class Output {',
        [
          'let sharedCaches;',
          'const framesCaches = () => {',
          '    if (sharedCaches === undefined ||',
          '        sharedCaches.styledChars.size + sharedCaches.widths.size > 20_000) {',
          '        sharedCaches = new OutputCaches();',
          '    }',
          '    return sharedCaches;',
          '};',
          'export default class Output {',
        ].join('\n'),
      ],
      ['    caches = new OutputCaches();', '    caches = framesCaches();'],
    ],
  },
  {
    // Every text node was measured again on every frame to see whether it
    // needs wrapping; the measure Ink keeps for layout already knows.
    file: 'render-node-to-output.js',
    replacements: [
      [
        "import widestLine from 'widest-line';",
        "import measureText from './measure-text.js';",
      ],
      [
        'const currentWidth = widestLine(text);',
        'const currentWidth = measureText(text).width;',
      ],
    ],
  },
  {
    // The measure cache kept every text ever drawn: hours of live training
    // would fill memory with numbers long gone from the screen.
    file: 'measure-text.js',
    replacements: [
      [
        '    cache.set(text, dimensions);',
        '    if (cache.size >= 20_000) {\n        cache.clear();\n    }\n    cache.set(text, dimensions);',
      ],
    ],
  },
];

/** Matches the files of Ink that `patchInk` changes. */
export const INK_PATCHED_FILE = new RegExp(
  `ink[\\\\/]build[\\\\/](${PATCHES.map(({ file }) => file.replace('.', '\\.')).join('|')})$`,
);

/**
 * The patched source of the Ink file at `path`, or the source unchanged
 * for a file no patch is for. Throws when a line to replace is missing.
 */
export function patchInk(source, path) {
  const patch = PATCHES.find(({ file }) =>
    path.replaceAll('\\', '/').endsWith(`ink/build/${file}`),
  );
  if (!patch) return source;
  return patch.replacements.reduce((patched, [wrong, right]) => {
    if (!patched.includes(wrong)) {
      throw new Error(
        `${path} has changed: check whether scripts/ink-patch.mjs still ` +
          `needs to replace this line: ${wrong}`,
      );
    }
    return patched.replace(wrong, right);
  }, source);
}
