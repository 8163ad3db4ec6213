import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HEADER } from './screen.js';
import {
  KEY,
  type TerminalSession,
  closeSessions,
  startSession,
} from './terminal.js';

afterEach(closeSessions);

let folder = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nn-tui-files-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A man, a woman and a girl, joined into one emoji. */
const FAMILY = '👨\u200d👩\u200d👧';

/** Sequences a file might smuggle in: a window title, mouse reports, a clear. */
const HOSTILE = '\u001B]0;pwned\u0007\u001B[?1000h\u001B[2J\u001B[31m';

/** One neuron of a big layer: a long, wide label and huge finite weights. */
function neuron(layer: number, index: number, inputs: number) {
  return {
    label: `ニューロン${layer}.${index} ${'long label '.repeat(4)}${HOSTILE}`,
    weights: Array.from({ length: inputs }, (_, input) =>
      input % 2 === 0 ? 1e300 : -1e300,
    ),
    bias: 1e-300,
  };
}

/** The largest network a file may hold: 6 inputs, 6 layers of 16 neurons. */
function largestPreset(): object {
  const activations = ['sigmoid', 'relu', 'tanh', 'linear', 'step', 'sigmoid'];
  return {
    name: 'largest',
    title: { en: `The largest ${HOSTILE}network `.repeat(5), ja: '最大' },
    notes: `Notes ${HOSTILE}`.repeat(300),
    inputs: ['入力の長い名前一', 'x2', 'x3', 'x4', 'x5', 'x6'],
    layers: activations.map((activation, layer) => ({
      activation,
      neurons: Array.from({ length: 16 }, (_, index) =>
        neuron(layer, index, layer === 0 ? 6 : 16),
      ),
    })),
  };
}

/** Checks the frame fits 80x24 and nothing from the file reached the terminal. */
function expectSafeFrame(session: TerminalSession, after: string): void {
  expect(session.screenText()[0], after).toMatch(HEADER);
  expect(session.screen(), after).not.toMatch(/internal error/i);
  expect(session.wrappedRows(), after).toEqual([]);
  expect(session.scrolledLines, after).toBe(0);
  expect(session.titles, after).toEqual([]);
  expect(session.terminal.modes.mouseTrackingMode, after).toBe('none');
  expect(session.strayControls(), after).toEqual([]);
}

describe('a user file', () => {
  it('with the largest network, long wide names and escape sequences in its text, draws safely in 80x24', async () => {
    const path = join(folder, 'largest.json');
    writeFileSync(path, JSON.stringify(largestPreset()));
    const session = await startSession({ args: [path] }, 'file largest');
    expectSafeFrame(session, 'start-up');

    const keys = [...'jjjjl+g', 'x', 'y', KEY.PAGE_DOWN, '?', KEY.ESCAPE];
    for (const key of [...keys, ...'Nii', 'I', 'a', KEY.DOWN, 'D', 'X']) {
      await session.press(key);
      expectSafeFrame(session, `key ${JSON.stringify(key)}`);
    }
    await session.quit();

    expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
    expect(await session.unrestored()).toEqual([]);
  });

  it('with wide (CJK) names draws the table and grid without wrapping', async () => {
    const path = join(folder, 'wide.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'wide',
        title: '全角のタイトル',
        inputs: ['入力一', '入力二'],
        layers: [
          {
            activation: 'step',
            neurons: [{ label: '出力', weights: [0.5, 0.5], bias: -0.7 }],
          },
        ],
        targets: [[0], [0], [0], [1]],
      }),
    );

    const session = await startSession({ args: [path] }, 'file wide');

    expectSafeFrame(session, 'start-up');
    expect(session.screenText()[0]).toContain('全角のタイトル');
    expect(session.screen()).toContain(
      '出力 = step(0.50*入力一 + 0.50*入力二 - 0.70)',
    );
    expect(session.screen()).toContain('4/4 right');
  });

  // Ink measures a family emoji as one, two columns wide; xterm.js draws
  // its three people apart, in three (as tmux draws 👍🏽 in four). Lines
  // with it come out a column too wide, and line wrapping is off so that
  // they end at the window's edge rather than push the lines below down.
  it('with emoji a terminal draws wider than Ink measures keeps every other line in place', async () => {
    const path = join(folder, 'family.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'family',
        title: `XOR for a family ${FAMILY}`,
        inputs: ['x1', 'x2'],
        layers: [
          {
            activation: 'step',
            neurons: [
              { label: 's1', weights: [-0.5, -0.5], bias: 0.7 },
              { label: `${FAMILY} OR`, weights: [0.5, 0.5], bias: -0.2 },
            ],
          },
          {
            activation: 'step',
            neurons: [{ label: 'y', weights: [0.5, 0.5], bias: -0.7 }],
          },
        ],
        targets: [[0], [1], [1], [0]],
      }),
    );
    const session = await startSession({ args: [path] }, 'file family');

    expect(session.terminal.modes.wraparoundMode).toBe(false);
    for (const key of [...'j++++l----j']) {
      await session.press(key);
      const lines = session.screenText();
      expect(lines[0]).toMatch(HEADER);
      expect(session.scrolledLines).toBe(0);
      // Each neuron's row once.
      for (const row of ['s1: x1', `${FAMILY}: x1`, 'y: s1']) {
        const rows = lines.filter((line) => line.includes(row));
        expect(rows, `${row} after ${key}`).toHaveLength(1);
      }
      // The selected neuron's formula, once.
      expect(lines.filter((line) => line.includes(' = step(0.'))).toHaveLength(
        1,
      );
    }
    expect(session.screen()).toContain(`${FAMILY}: x1   0.90  x2   0.10`);
    await session.quit();

    expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
    expect(await session.unrestored()).toEqual([]);
  });
});
