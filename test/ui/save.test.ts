import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLesson } from '../../src/preset/catalog.js';
import { loadPresetFile } from '../../src/preset/files.js';
import { lessonToSave, performSave, savePath } from '../../src/ui/save.js';

const xor = findLesson('xor')!;

describe('save paths', () => {
  it('starts a relative path from the folder and ~/ from home', () => {
    expect(savePath('./a.json', '/work')).toBe('/work/a.json');
    expect(savePath('/tmp/b.json', '/work')).toBe('/tmp/b.json');
    expect(savePath('~/c.json', '/work')).toBe(join(homedir(), 'c.json'));
  });

  it('keeps a / at the end, which says the path is a folder', () => {
    expect(savePath('new-folder/', '/work')).toBe('/work/new-folder/');
    expect(savePath('/', '/work')).toBe('/');
  });

  it('names the saved lesson after its file, out of the lesson order', () => {
    const saved = lessonToSave(xor, '/tmp/my-xor.json');
    expect(saved.name).toBe('my-xor');
    expect(saved.order).toBeUndefined();
    expect(saved.network).toBe(xor.network);
    expect(saved.title).toEqual(xor.title);
  });
});

describe('performSave', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-save-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a preset that loads as the same network', () => {
    const action = performSave(
      { path: './x.json', overwrite: false },
      xor,
      folder,
    );
    expect(action).toEqual({ type: 'save-done', path: join(folder, 'x.json') });
    const loaded = loadPresetFile(join(folder, 'x.json'));
    expect(loaded.network).toEqual(xor.network);
    expect(loaded.targets).toEqual(xor.targets);
  });

  it('reports an existing file instead of replacing it', () => {
    writeFileSync(join(folder, 'x.json'), 'old');
    expect(
      performSave({ path: 'x.json', overwrite: false }, xor, folder),
    ).toEqual({ type: 'save-exists', path: join(folder, 'x.json') });
    expect(
      performSave({ path: 'x.json', overwrite: true }, xor, folder).type,
    ).toBe('save-done');
  });

  it('reports a failure as a sentence', () => {
    const action = performSave(
      { path: 'missing/x.json', overwrite: false },
      xor,
      folder,
    );
    expect(action).toEqual({
      type: 'save-failed',
      message: 'not saved: no such folder (missing)',
    });
  });
});
