import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FileExistsError,
  writeTextFileAtomically,
} from '../../src/preset/files.js';
import { PresetError } from '../../src/preset/parse.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'nn-tui-write-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('writing a text file atomically', () => {
  it('writes the text and leaves no temporary file', () => {
    const path = join(folder, 'and.py');
    writeTextFileAtomically(path, 'print(1)\n');
    expect(readFileSync(path, 'utf8')).toBe('print(1)\n');
    expect(readdirSync(folder)).toEqual(['and.py']);
  });

  it('refuses to replace a file unless told to overwrite', () => {
    const path = join(folder, 'and.py');
    writeFileSync(path, 'keep me');
    expect(() => writeTextFileAtomically(path, 'new')).toThrow(FileExistsError);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    writeTextFileAtomically(path, 'new', { overwrite: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('names the file and the reason when the folder is missing', () => {
    const path = join(folder, 'gone', 'and.py');
    expect(() => writeTextFileAtomically(path, 'x')).toThrow(PresetError);
    expect(() => writeTextFileAtomically(path, 'x')).toThrow(
      'and.py: not saved: no such folder (gone)',
    );
  });

  it('says when a part of the path is a file, not a folder', () => {
    writeFileSync(join(folder, 'my.json'), '{}');
    expect(() =>
      writeTextFileAtomically(join(folder, 'my.json', 'x.json'), 'x'),
    ).toThrow('x.json: not saved: my.json is not a folder');
    expect(() =>
      writeTextFileAtomically(join(folder, 'my.json', 'sub', 'x.json'), 'x'),
    ).toThrow('x.json: not saved: no such folder (sub)');
  });

  it('takes a path that ends in / for a folder, there or not', () => {
    expect(() =>
      writeTextFileAtomically(`${join(folder, 'new-folder')}/`, 'x'),
    ).toThrow('new-folder: not saved: no such folder (new-folder)');
    expect(existsSync(join(folder, 'new-folder'))).toBe(false);
    mkdirSync(join(folder, 'old-folder'));
    expect(() =>
      writeTextFileAtomically(`${join(folder, 'old-folder')}/`, 'x'),
    ).toThrow('old-folder: not saved: is a folder, not a file');
  });

  it.skipIf(process.platform !== 'linux')(
    'says a folder that takes no new files does not, not that one is missing',
    () => {
      expect(() => writeTextFileAtomically('/proc/x.json', 'x')).toThrow(
        'x.json: not saved: this folder does not take new files',
      );
    },
  );

  it('refuses a folder as the file before asking to replace it', () => {
    mkdirSync(join(folder, 'taken.py'));
    expect(() =>
      writeTextFileAtomically(join(folder, 'taken.py'), 'x'),
    ).toThrow('taken.py: not saved: is a folder, not a file');
  });

  it('writes through a link to the file it points at, keeping the link', () => {
    mkdirSync(join(folder, 'real'));
    const real = join(folder, 'real', 'mine.json');
    writeFileSync(real, 'old');
    const link = join(folder, 'link.json');
    symlinkSync(real, link);

    expect(() => writeTextFileAtomically(link, 'new')).toThrow(FileExistsError);
    writeTextFileAtomically(link, 'new', { overwrite: true });

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('asks before writing through a link that points nowhere, keeping it', () => {
    const link = join(folder, 'dangling.json');
    symlinkSync(join(folder, 'nowhere.json'), link);

    expect(() => writeTextFileAtomically(link, 'new')).toThrow(FileExistsError);
    writeTextFileAtomically(link, 'new', { overwrite: true });

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'nowhere.json'), 'utf8')).toBe('new');
  });

  it('says so when a link points into a missing folder, or round in a loop', () => {
    symlinkSync(join(folder, 'gone', 'x.json'), join(folder, 'away.json'));
    expect(() =>
      writeTextFileAtomically(join(folder, 'away.json'), 'x', {
        overwrite: true,
      }),
    ).toThrow('away.json: not saved: no such folder (gone)');

    symlinkSync(join(folder, 'b.json'), join(folder, 'a.json'));
    symlinkSync(join(folder, 'a.json'), join(folder, 'b.json'));
    expect(() =>
      writeTextFileAtomically(join(folder, 'a.json'), 'x', {
        overwrite: true,
      }),
    ).toThrow('a.json: not saved: too many links');
  });

  it('keeps the permissions of the file it replaces', () => {
    const path = join(folder, 'private.json');
    writeFileSync(path, 'old', { mode: 0o600 });
    chmodSync(path, 0o600);

    writeTextFileAtomically(path, 'new', { overwrite: true });

    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it.skipIf(process.getuid?.() !== 0)(
    "keeps the owner of another user's file (root)",
    () => {
      const path = join(folder, 'theirs.json');
      writeFileSync(path, 'old');
      chownSync(path, 65534, 65534);

      writeTextFileAtomically(path, 'new', { overwrite: true });

      expect(statSync(path).uid).toBe(65534);
      expect(statSync(path).gid).toBe(65534);
    },
  );

  it('writes a file with another hard link in place, so both names see it', () => {
    const path = join(folder, 'one.json');
    writeFileSync(path, 'old text, longer than the new');
    linkSync(path, join(folder, 'two.json'));

    writeTextFileAtomically(path, 'new', { overwrite: true });

    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readFileSync(join(folder, 'two.json'), 'utf8')).toBe('new');
    expect(readdirSync(folder).sort()).toEqual(['one.json', 'two.json']);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a named pipe before asking to replace it',
    () => {
      const path = join(folder, 'pipe.json');
      execFileSync('mkfifo', [path]);

      expect(() => writeTextFileAtomically(path, 'x')).toThrow(
        'pipe.json: not saved: is not a regular file',
      );
      expect(lstatSync(path).isFIFO()).toBe(true);
    },
  );

  // Root could write it; it is refused all the same, by its mode.
  it.skipIf(process.platform === 'win32')(
    'refuses a read-only file before asking to replace it',
    () => {
      const path = join(folder, 'locked.json');
      writeFileSync(path, 'old');
      chmodSync(path, 0o444);

      expect(() => writeTextFileAtomically(path, 'x')).toThrow(
        'locked.json: not saved: the file is read-only',
      );
      expect(readFileSync(path, 'utf8')).toBe('old');
    },
  );

  it('keeps the old file when a step fails, and cleans up', () => {
    const path = join(folder, 'and.py');
    writeFileSync(path, 'old');
    expect(() =>
      writeTextFileAtomically(path, 'new', {
        overwrite: true,
        steps: {
          open: openSync,
          write: () => {
            throw new Error('disk full');
          },
          sync: fsyncSync,
          close: closeSync,
          rename: renameSync,
        },
      }),
    ).toThrow('and.py: not saved: disk full');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['and.py']);
  });
});
