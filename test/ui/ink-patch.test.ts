import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INK_PATCHED_FILE, patchInk } from '../../scripts/ink-patch.mjs';

// scripts/ink-patch.mjs changes a few lines of the installed Ink, in the
// bundle and in these tests. The behaviour it fixes is tested where it
// shows (test/ui/terminal.test.tsx); here, that each patch still finds
// its lines and that a changed Ink stops the build instead of slipping by.

const inkBuild = join(process.cwd(), 'node_modules', 'ink', 'build');

const PATCHED_FILES = [
  'log-update.js',
  'output.js',
  'render-node-to-output.js',
  'measure-text.js',
];

describe('the Ink patches', () => {
  it.each(PATCHED_FILES)('change %s of the installed Ink', (file) => {
    const path = join(inkBuild, file);
    const source = readFileSync(path, 'utf8');

    expect(INK_PATCHED_FILE.test(path)).toBe(true);
    expect(patchInk(source, path)).not.toBe(source);
  });

  it('leave the other files of Ink alone', () => {
    const path = join(inkBuild, 'ink.js');
    const source = readFileSync(path, 'utf8');

    expect(INK_PATCHED_FILE.test(path)).toBe(false);
    expect(patchInk(source, path)).toBe(source);
  });

  it('throw, naming the file, when Ink no longer has a line to replace', () => {
    const path = join(inkBuild, 'output.js');

    expect(() => patchInk('export default class Output {}', path)).toThrow(
      `${path} has changed`,
    );
  });
});
