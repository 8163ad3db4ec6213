// Changes to Ink 6.8, yoga-layout 3.2, string-width and the other packages
// that measure and split Ink's text, as they go into the bundle
// (scripts/build.mjs) and into the tests (vitest.config.ts), so that tests
// see the code that users run. Each patch replaces exact lines of one
// file, and patching throws if an upgrade has changed them, so that each
// is looked at again rather than skipped.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's node_modules folder. */
const NODE_MODULES = fileURLToPath(
  new URL('../node_modules/', import.meta.url),
);

/** nn-tui's own redraw of a changed line, which Ink's renderer imports. */
const LINE_UPDATE = fileURLToPath(
  new URL('../src/ui/line-update.ts', import.meta.url),
);

/** Ink's reconciler's connection to React's devtools, line for line. */
const DEVTOOLS_BLOCK = [
  'if (isDev()) {',
  '    try {',
  "        await import('./devtools.js');",
  '    }',
  '    catch (error) {',
  "        if (error.code === 'ERR_MODULE_NOT_FOUND') {",
  '            console.warn(`',
  'The environment variable DEV is set to true, so Ink tried to import \\`react-devtools-core\\`,',
  'but this failed as it was not installed. Debugging with React Devtools requires it.',
  '',
  'To install use this command:',
  '',
  '$ npm install --save-dev react-devtools-core',
  "\t\t\t\t`.trim() + '\\n');",
  '        }',
  '        else {',
  '            // eslint-disable-next-line @typescript-eslint/only-throw-error',
  '            throw error;',
  '        }',
  '    }',
  '}',
].join('\n');

/** A module's segmenter, made as the module loads. */
const SEGMENTER = (name, options) =>
  `const ${name} = new Intl.Segmenter(${options});`;

/** The same segmenter, made on first use. */
const LAZY_SEGMENTER = (name, options) =>
  [
    `let ${name}Made;`,
    `const ${name} = { segment: (text) => (${name}Made ??= new Intl.Segmenter(${options})).segment(text) };`,
  ].join('\n');

/**
 * The patches: for each file (in node_modules), why it is patched and the
 * lines replaced. The text of a replacement keeps the package's own style.
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
    // columns of it: `lineUpdate` writes only those. Both that and Ink's
    // skipping of unchanged lines trust the last frame to be on screen as
    // drawn; after a frame too wide for the window, `linesOnScreen` says
    // it is not, and every line is written whole.
    file: 'ink/build/log-update.js',
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
        '            if (nextLines[i] === previousLines[i]) {',
        '            if (nextLines[i] === previousOnScreen[i]) {',
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
    // With the styled characters shared and one blank cell for all, a row
    // made of the same cells as in the last frame is the same text, and
    // is not put together again.
    file: 'ink/build/output.js',
    replacements: [
      [
        '    styledChars = new Map();',
        '    styledChars = new Map();\n    rows = [];',
      ],
      [
        '    getStringWidth(text) {',
        [
          '    getRowString(index, chars) {',
          '        const previous = this.rows[index];',
          '        if (previous !== undefined &&',
          '            previous.chars.length === chars.length &&',
          '            previous.chars.every((char, column) => char === chars[column])) {',
          '            return previous.text;',
          '        }',
          '        const text = styledCharsToString(chars).trimEnd();',
          '        this.rows[index] = { chars, text };',
          '        return text;',
          '    }',
          '    getStringWidth(text) {',
        ].join('\n'),
      ],
      [
        [
          '                row.push({',
          "                    type: 'char',",
          "                    value: ' ',",
          '                    fullWidth: false,',
          '                    styles: [],',
          '                });',
        ].join('\n'),
        '                row.push(BLANK_CELL);',
      ],
      [
        [
          '            .map(line => {',
          '            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
          '            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
          '            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
        ].join('\n'),
        [
          '            .map((line, index) => {',
          '            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
          '            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
          '            return this.caches.getRowString(index, lineWithoutEmptyItems);',
        ].join('\n'),
      ],
      [
        'export default class Output {',
        [
          "const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
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
    file: 'ink/build/render-node-to-output.js',
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
    file: 'ink/build/measure-text.js',
    replacements: [
      [
        '    cache.set(text, dimensions);',
        '    if (cache.size >= 20_000) {\n        cache.clear();\n    }\n    cache.set(text, dimensions);',
      ],
    ],
  },
  {
    // The bundle is a CommonJS file (so that src/launch.ts can load it
    // with V8's code cache), and CommonJS has no top-level await. Ink's
    // reconciler awaits only to connect React's devtools when DEV=true,
    // which nn-tui never does: a DEV=true in a user's shell would otherwise
    // make it look for a package it does not ship.
    file: 'ink/build/reconciler.js',
    replacements: [
      [
        // From `if (isDev()) {` to its closing brace, the whole block.
        DEVTOOLS_BLOCK,
        '// React devtools: left out of nn-tui (scripts/patches.mjs).',
      ],
      [
        [
          'const packageJson = isDev()',
          '    ? await loadPackageJson()',
          '    : { name: undefined, version: undefined };',
        ].join('\n'),
        'const packageJson = { name: undefined, version: undefined };',
      ],
    ],
  },
  {
    // Yoga (Ink's layout engine) waits at the top level for its WebAssembly
    // to compile, and CommonJS has no top-level await. The same bytes,
    // embedded in the file, compile synchronously instead: `wa()` is the
    // file's own decoder of them and `a` its own receiver of the instance.
    file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    replacements: [
      [
        // Its decoder goes through atob and a loop over every byte, about
        // 2 ms of each start-up; Node's own decoder takes a tenth of that.
        'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
        'var d=Buffer.from(a.slice(37),"base64")',
      ],
      [
        'var d={a:Jb};F++;h.monitorRunDependencies&&h.monitorRunDependencies(F);',
        'var d={a:Jb};F++;h.monitorRunDependencies&&h.monitorRunDependencies(F);' +
          'return a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d)),{};',
      ],
    ],
  },
  {
    // With the instance made synchronously (above), the module object
    // passed to the loader is ready when the loader returns.
    file: 'yoga-layout/dist/src/index.js',
    replacements: [
      [
        'const Yoga = wrapAssembly(await loadYoga());',
        [
          'const loaded = {};',
          'loadYoga(loaded);',
          'const Yoga = wrapAssembly(loaded);',
        ].join('\n'),
      ],
    ],
  },
  {
    // Text of kana, kanji and CJK punctuation beside ASCII (all of the
    // Japanese interface) went through the grapheme segmenter and the
    // emoji pattern, whose first use alone takes about 15 ms of start-up.
    // Each character of these blocks is a cluster of its own (none of them
    // combines with the next) and takes two columns, as the slow path
    // finds too; test/ui/patches.test.ts checks every one against the
    // string-width as published.
    file: 'string-width/index.js',
    replacements: [
      [
        [
          '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {',
          '\t\treturn string.length;',
          '\t}',
        ].join('\n'),
        [
          '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {',
          '\t\treturn string.length;',
          '\t}',
          '',
          '\tif (/^[\\u0020-\\u007E\\u3000-\\u3029\\u3031-\\u303E\\u3041-\\u3096\\u309B-\\u30FF\\u4E00-\\u9FFF\\uFF01-\\uFF60]*$/.test(string)) {',
          "\t\treturn string.length + string.replace(/[\\u0020-\\u007E]/g, '').length;",
          '\t}',
        ].join('\n'),
      ],
      [SEGMENTER('segmenter', ''), LAZY_SEGMENTER('segmenter', '')],
      [
        // Only text other than the ASCII and Japanese above needs the
        // emoji pattern, so it is made on first use. Made as the module
        // loads, it cost about 2 ms on a first start and 15 to 35 ms on
        // every later one: creating a pattern with \p{RGI_Emoji} from
        // V8's code cache is that slow.
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        [
          'let rgiEmojiRegexMade;',
          "const rgiEmojiRegex = { test: (text) => (rgiEmojiRegexMade ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };",
        ].join('\n'),
      ],
    ],
  },
  {
    // This string-width (wrap-ansi's), slice-ansi below and string-width
    // above each make an Intl.Segmenter as they load. The first one made
    // loads ICU's segmentation data, about 20 ms of every start-up, though
    // the English screen is ASCII and needs none: each is made on first
    // use instead. (string-width skips the segmenter for ASCII already;
    // ansi-tokenize below is taught to.)
    file: 'wrap-ansi/node_modules/string-width/index.js',
    replacements: [
      [SEGMENTER('segmenter', ''), LAZY_SEGMENTER('segmenter', '')],
    ],
  },
  {
    file: 'slice-ansi/tokenize-ansi.js',
    replacements: [
      [
        "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        LAZY_SEGMENTER(
          'GRAPHEME_SEGMENTER',
          "undefined, {granularity: 'grapheme'}",
        ),
      ],
    ],
  },
  {
    // Ink splits every string it draws into characters here, each through
    // the grapheme segmenter. In ASCII every character is a grapheme of
    // its own but for CR LF, so such text is split without it; the
    // segmenter is made only for other text. test/ui/patches.test.ts
    // checks the split against ansi-tokenize as published.
    file: '@alcalzone/ansi-tokenize/build/tokenize.js',
    replacements: [
      [
        'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        [
          'let graphemeSegmenter;',
          'const segmenter = {',
          '    segment(text) {',
          "        if (/^[\\u0000-\\u007F]*$/.test(text) && !text.includes('\\r')) {",
          '            const segments = [];',
          '            for (let index = 0; index < text.length; index++) {',
          '                segments.push({ segment: text[index], index });',
          '            }',
          '            return segments;',
          '        }',
          '        graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });',
          '        return graphemeSegmenter.segment(text);',
          '    },',
          '};',
        ].join('\n'),
      ],
    ],
  },
];

/** The path of a patched file in this project's node_modules. */
function pathOf(file) {
  return join(NODE_MODULES, file);
}

/** Matches the files that `patchPackage` changes, and no others. */
export const PATCHED_FILE = new RegExp(
  `^(${PATCHES.map(({ file }) => pathOf(file).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|')})$`,
);

/**
 * The patched source of the file at `path`, or the source unchanged for a
 * file no patch is for. Throws when a line to replace is missing.
 */
export function patchPackage(source, path) {
  const patch = PATCHES.find(({ file }) => pathOf(file) === path);
  if (!patch) return source;
  return patch.replacements.reduce((patched, [wrong, right]) => {
    if (!patched.includes(wrong)) {
      throw new Error(
        `${path} has changed: check whether scripts/patches.mjs still ` +
          `needs to replace this line: ${wrong}`,
      );
    }
    // A function, so that `$` in the replacement is taken as it is.
    return patched.replace(wrong, () => right);
  }, source);
}
