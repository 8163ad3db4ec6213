import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADER, gridCells, tableRows } from './screen.js';
import { closeSessions, startSession } from './terminal.js';

afterEach(closeSessions);

describe('start-up', () => {
  it('opens the first lesson, AND, with its header, network, table and grid', async () => {
    const session = await startSession({}, 'lesson 1/15');
    const rows = session.screenText();

    expect(rows[0]).toMatch(HEADER);
    expect(rows[0]).toMatch(/^ nn-tui {2}lesson 1\/15 {2}AND gate /);
    expect(rows[0]).toContain('fires when z > 0');
    expect(rows[0]).toContain('nudge 0.1');
    expect(session.screen()).toContain('> y: x1[  0.50] x2   0.50  b  -0.70');
    expect(session.screen()).toContain('Truth table  4/4 right');
    expect(tableRows(rows)).toEqual([
      ' 0  0 | 0 |      0 ok | -0.70',
      ' 0  1 | 0 |      0 ok | -0.20',
      ' 1  0 | 0 |      0 ok | -0.20',
      ' 1  1 | 1 |      1 ok |  0.30',
    ]);
    expect(session.screen()).toContain('y = step(0.50*x1 + 0.50*x2 - 0.70)');
    expect(session.screen()).toContain('? help');
    expect(session.screen()).toContain('q quit');
  });

  it('draws the AND grid: 1 only above the line x1 + x2 = 1.4', async () => {
    const session = await startSession({}, 'lesson 1/15');
    const cells = gridCells(session.screenText());

    // 13 rows of 25 cells over -0.5..1.5, x2 = 1.5 at the top.
    expect(cells).toHaveLength(13);
    cells.forEach((row, index) => {
      const x2 = 1.5 - (index * 2) / 12;
      expect(row).toHaveLength(25);
      Array.from(row).forEach((cell, column) => {
        const x1 = -0.5 + (column * 2) / 24;
        const where = `at (${x1}, ${x2})`;
        if (cell === '\\') {
          // The boundary, drawn over the cells it passes: within half a
          // row (1/12) of the line.
          expect(Math.abs(x1 + x2 - 1.4), where).toBeLessThan(1 / 12 + 1e-9);
        } else if (!/[01X]/.test(cell)) {
          const output = 0.5 * x1 + 0.5 * x2 - 0.7 > 1e-9 ? '#' : '.';
          expect(cell, where).toBe(output);
        }
      });
    });
    // The truth-table points: (0,0), (0,1), (1,0) give 0 and (1,1) gives 1.
    expect([
      cells[9]?.[6],
      cells[3]?.[6],
      cells[9]?.[18],
      cells[3]?.[18],
    ]).toEqual(['0', '0', '0', '1']);
  });

  it('opens a named lesson at its place in the lesson order', async () => {
    const session = await startSession({ args: ['xor'] }, 'lesson 7/15');

    expect(session.screenText()[0]).toMatch(
      /^ nn-tui {2}lesson 7\/15 {2}XOR from NAND, OR and AND /,
    );
    expect(session.screen()).toContain('Layer 2 (step)');
    expect(session.screen()).toContain('Truth table  4/4 right');
  });
});

describe('what start-up leaves undone', () => {
  // Loaded before nn-tui (with --require): counts the Intl.Segmenters
  // made, and writes the count down at exit.
  const COUNTER = [
    "const { writeFileSync } = require('node:fs');",
    'const Segmenter = Intl.Segmenter;',
    'let made = 0;',
    'Intl.Segmenter = function (...options) {',
    '  made++;',
    '  return new Segmenter(...options);',
    '};',
    "process.on('exit', () => writeFileSync(process.env.NN_E2E_COUNT, String(made)));",
  ].join('\n');

  /** How many segmenters a start in `args`, then q, made. */
  async function segmentersMade(args: string[], title: string) {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-segmenters-'));
    try {
      writeFileSync(join(folder, 'counter.cjs'), COUNTER);
      const count = join(folder, 'count');
      const session = await startSession(
        {
          args,
          env: {
            NODE_OPTIONS: `--require ${join(folder, 'counter.cjs')}`,
            NN_E2E_COUNT: count,
          },
        },
        title,
      );
      await session.press('q');
      expect(await session.waitForExit()).toEqual({ code: 0, signal: null });
      return Number(readFileSync(count, 'utf8'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  // The first segmenter made loads ICU's data, about 20 ms of start-up;
  // the English screen is ASCII and needs none (scripts/patches.mjs).
  it('makes no grapheme segmenter for the English screen', async () => {
    expect(await segmentersMade([], 'lesson 1/15')).toBe(0);
  });

  it('makes one when the text needs it, as Japanese does', async () => {
    expect(await segmentersMade(['--lang', 'ja'], '1/15')).toBeGreaterThan(0);
  });

  it('trains the lesson with --rate, --seed, --init and --rule from the command line', async () => {
    const session = await startSession(
      { args: ['xor-sigmoid', '--rate', '2', '--init', 'zero'] },
      'lesson 14/15',
    );
    await session.press('t');

    expect(session.screen()).toContain('Training  backprop  rate 2');
    expect(session.screen()).toContain('Starting weights all 0 (init zero)');
    expect(session.screen()).toContain('> h1: x1[  0.00] x2   0.00  b   0.00');
  });

  it('refuses options of the printed grid in one line: the playground has keys for it', async () => {
    const session = await startSession(
      { args: ['xor', '--range', '0:1'] },
      'nn-tui: --range',
    );

    expect(await session.waitForExit()).toEqual({ code: 2, signal: null });
    expect(session.screenText().join('')).toContain(
      'nn-tui: --range: works with --print; the playground fits its grid to the window, and g, x and y choose what it shows',
    );
  });

  it('says in one line that the playground needs WebAssembly, under --jitless', async () => {
    const session = await startSession(
      { env: { NODE_OPTIONS: '--jitless' } },
      'needs WebAssembly',
    );

    expect(await session.waitForExit()).toEqual({ code: 2, signal: null });
    // The line wraps at 80 columns: read it as one.
    const text = session.screenText().join('');
    expect(text).toContain(
      'nn-tui: node: the playground needs WebAssembly, which this Node ' +
        'runs without (--jitless or --lite-mode?); --print works without it',
    );
    expect(session.screen()).not.toContain('Aborted');
  });
});
