import { tokenize } from '@alcalzone/ansi-tokenize';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { PATCHED_FILE, patchPackage } from '../../scripts/patches.mjs';

// scripts/patches.mjs changes a few lines of Ink and string-width, in the
// bundle and in these tests. What the Ink patches fix is tested where it
// shows (test/ui/terminal.test.tsx, test/ui/line-update.test.ts); here,
// that each patch still finds its lines, that a changed package stops the
// build instead of slipping by, and that string-width's shortcut gives
// the widths string-width itself gives.

const nodeModules = join(process.cwd(), 'node_modules');

const PATCHED_FILES = [
  'ink/build/log-update.js',
  'ink/build/output.js',
  'ink/build/render-node-to-output.js',
  'ink/build/measure-text.js',
  'ink/build/reconciler.js',
  'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
  'yoga-layout/dist/src/index.js',
  'string-width/index.js',
  'wrap-ansi/node_modules/string-width/index.js',
  'slice-ansi/tokenize-ansi.js',
  '@alcalzone/ansi-tokenize/build/tokenize.js',
];

/** Every code point from `first` to `last`, each as a string. */
function characters(first: number, last: number): string[] {
  return Array.from({ length: last - first + 1 }, (_, index) =>
    String.fromCodePoint(first + index),
  );
}

/**
 * What a package as published (without the patch) gives for each text:
 * `call(text)` run after `imports` in a separate Node, as JSON.
 */
function published(imports: string, call: string, texts: string[]): unknown[] {
  const script =
    imports +
    'const texts = JSON.parse(process.argv[1]);' +
    `console.log(JSON.stringify(texts.map((text) => ${call})));`;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(texts)],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as unknown[];
}

describe('the package patches', () => {
  it.each(PATCHED_FILES)('change %s as installed', (file) => {
    const path = join(nodeModules, file);
    const source = readFileSync(path, 'utf8');

    expect(PATCHED_FILE.test(path)).toBe(true);
    expect(patchPackage(source, path)).not.toBe(source);
  });

  it('leave other files alone', () => {
    for (const file of ['ink/build/ink.js', 'slice-ansi/index.js']) {
      const path = join(nodeModules, file);
      const source = readFileSync(path, 'utf8');

      expect(PATCHED_FILE.test(path)).toBe(false);
      expect(patchPackage(source, path)).toBe(source);
    }
  });

  it('throw, naming the file, when a line to replace is gone', () => {
    const path = join(nodeModules, 'ink/build/output.js');

    expect(() => patchPackage('export default class Output {}', path)).toThrow(
      `${path} has changed`,
    );
  });
});

describe("string-width's shortcut for Japanese text", () => {
  const shortcut = [
    ...characters(0x20, 0x7e),
    ...characters(0x3000, 0x3029),
    ...characters(0x3031, 0x303e),
    ...characters(0x3041, 0x3096),
    ...characters(0x309b, 0x30ff),
    ...characters(0x4e00, 0x9fff),
    ...characters(0xff01, 0xff60),
  ];
  const texts = [
    ...shortcut,
    'J 日本語',
    '学習率 0.5、エポック 635。',
    'ｘ１　＋　ｘ２',
    // Beside characters the shortcut leaves to the slow path.
    'か\u3099',
    '日本😀',
    'ｶﾞ',
    'é日',
    // Emoji, measured with the emoji pattern made on first use.
    '😀',
    '👍🏽 ok',
    '👨\u200d👩\u200d👧',
    '🇯🇵',
    '❤\ufe0f',
    '1\ufe0f\u20e3',
    '☺',
  ];

  it('gives every character and text the width string-width gives as published', () => {
    const widths = published(
      "import stringWidth from 'string-width';",
      'stringWidth(text)',
      texts,
    );

    expect(texts.map((text) => stringWidth(text))).toEqual(widths);
  });

  it('counts two columns for each wide character', () => {
    expect(stringWidth('J 日本語')).toBe(8);
    expect(stringWidth('か\u3099')).toBe(2);
    expect(stringWidth('👨\u200d👩\u200d👧 ok')).toBe(5);
  });

  // Creating this pattern from V8's code cache takes 15 to 35 ms, so
  // string-width must not make it as it loads.
  it('makes the emoji pattern on first use, not as it loads', () => {
    const path = join(nodeModules, 'string-width/index.js');
    const patched = patchPackage(readFileSync(path, 'utf8'), path);

    expect(patched).not.toContain('/^\\p{RGI_Emoji}$/v');
    expect(patched).toContain(
      "rgiEmojiRegexMade ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')",
    );
  });
});

describe("ansi-tokenize's split of ASCII text without the segmenter", () => {
  const ESC = '\u001B';
  const texts = [
    ...characters(0x00, 0x7f),
    'nn-tui  lesson 1/15  AND gate',
    `${ESC}[1m${ESC}[36m y ${ESC}[39m${ESC}[22m x1[  0.50]`,
    `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\ after`,
    `${ESC}[38;5;208mo${ESC}[0m${ESC}[48;2;1;2;3m ${ESC}[49m`,
    'line\r\nnext\rback\n',
    'tab\there\u0007bell',
    // Beside text that goes to the segmenter.
    'é and e\u0301',
    `${ESC}[31m日本語${ESC}[39m`,
    '👍🏽 ok',
  ];

  it('gives every text the tokens ansi-tokenize gives as published', () => {
    const tokens = published(
      "import { tokenize } from '@alcalzone/ansi-tokenize';",
      'tokenize(text)',
      texts,
    );

    expect(
      JSON.parse(JSON.stringify(texts.map((text) => tokenize(text)))),
    ).toEqual(tokens);
  });
});
