import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, KEY, closeSessions, startSession } from './terminal.js';

let folder = '';

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'nn-tui-save-'));
});

afterEach(async () => {
  await closeSessions();
  rmSync(folder, { recursive: true, force: true });
});

interface PrintedRow {
  inputs: number[];
  outputs: number[];
}

interface Printed {
  name: string;
  layers: { neurons: { weights: number[]; bias: number }[] }[];
  rows: PrintedRow[];
}

/** The saved file as `nn-tui --print --json FILE` reads it. */
function printSaved(path: string): Printed {
  const result = spawnSync(process.execPath, [CLI, '--print', '--json', path], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Printed;
}

describe('saving', () => {
  it('saves to a typed path, and the file loads with --print --json', async () => {
    const path = join(folder, 'my-or.json');
    const session = await startSession({ cwd: folder }, 'lesson 1/15');

    await session.press('ll+++++');
    await session.waitForText('b[ -0.20]');
    await session.press('s');
    await session.waitForText('Save to: ./and.json');
    await session.press(path);
    await session.waitForText(`Save to: ${path} `);
    await session.press(KEY.ENTER);

    await session.waitForText(`Saved to ${path}`);
    expect(session.screenText()[0]).not.toContain('AND gate *');
    const saved = printSaved(path);
    expect(saved.name).toBe('my-or');
    expect(saved.layers[0]?.neurons[0]).toMatchObject({
      weights: [0.5, 0.5],
      bias: -0.2,
    });
    expect(saved.rows.map((row) => row.outputs)).toEqual([[0], [1], [1], [1]]);
  });

  it('saves to ./NAME.json in the working folder when Enter takes the default', async () => {
    const session = await startSession({ cwd: folder }, 'lesson 1/15');

    await session.press('+');
    await session.press('s');
    await session.waitForText('Save to: ./and.json');
    await session.press(KEY.ENTER);

    await session.waitForText(`Saved to ${join(folder, 'and.json')}`);
    expect(printSaved(join(folder, 'and.json')).layers[0]?.neurons[0]).toEqual(
      expect.objectContaining({ weights: [0.6, 0.5] }),
    );
  });

  it('asks before replacing a file, and y replaces it', async () => {
    const session = await startSession({ cwd: folder }, 'lesson 1/15');
    const path = join(folder, 'and.json');

    await session.press('s');
    await session.waitForText('Save to:');
    await session.press(KEY.ENTER);
    await session.waitForText(`Saved to ${path}`);
    await session.press('+');
    await session.press('s');
    await session.waitForText('Save to:');
    await session.press(KEY.ENTER);

    await session.waitForText(`${path} already exists: y replaces it`);
    await session.press('y');
    await session.waitForText(`Saved to ${path}`);
    expect(printSaved(path).layers[0]?.neurons[0]?.weights).toEqual([0.6, 0.5]);
  });

  it('shows why a save failed and keeps the field open', async () => {
    const session = await startSession({ cwd: folder }, 'lesson 1/15');
    const path = join(folder, 'no-such-folder', 'x.json');

    await session.press('s');
    await session.waitForText('Save to:');
    await session.press(path);
    await session.waitForText(`Save to: ${path} `);
    await session.press(KEY.ENTER);

    // The path leaves no room beside it: the reason takes the next line.
    await session.waitForText(
      /^Save to: .*no-such-folder\/x\.json .*\nnot saved: no such folder \(no-such-folder\)/m,
    );
    expect(session.screen()).not.toContain('Saved to');
    expect(existsSync(path)).toBe(false);
    await session.press(KEY.ESCAPE);
    await session.waitForText('? help');
  });
});
