import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import { truthTable } from '../../src/core/truth-table.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import { KEY, openScreen, overflow, type TestScreen } from './helpers.js';

let screen: TestScreen | undefined;

afterEach(() => {
  screen?.unmount();
  screen = undefined;
});

function open(...args: Parameters<typeof openScreen>): TestScreen {
  screen = openScreen(...args);
  return screen;
}

/** The output of one truth-table row, for a one-output network. */
function outputAt(frame: string, inputs: string): string | undefined {
  const row = new RegExp(`^ +${inputs} \\| ([01]) \\|`, 'm');
  return row.exec(frame)?.[1];
}

/** Opens the field on the selected value, types it, and commits it. */
async function set(s: TestScreen, value: string): Promise<string> {
  await s.press('e');
  await s.type(value);
  return s.press(KEY.enter);
}

/**
 * Presses a key whose work reaches the disk, and waits (up to two seconds)
 * for the frame that reports it: a slow write may come after the frames
 * that `press` waits for.
 */
async function pressUntil(
  s: TestScreen,
  key: string,
  text: string,
): Promise<string> {
  await s.press(key);
  const deadline = Date.now() + 2000;
  while (!s.frame().includes(text) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 10));
  }
  return s.frame();
}

/** The lines of a frame from column `start`, `width` columns wide. */
function columnOf(frame: string, start: number, width: number): string[] {
  return frame.split('\n').map((line) => line.slice(start, start + width));
}

describe('the maths on screen', () => {
  it('shows the formula and the boundary line of AND, and the line on the grid', () => {
    const frame = open().frame();
    expect(frame).toContain(
      'y = step(0.50*x1 + 0.50*x2 - 0.70)   boundary: x2 = 1.40 - 1.00*x1',
    );
    // Drawn over the grid where the sum is zero, and named in the legend.
    expect(frame).toContain('|....\\\\###################');
    expect(frame).toContain('\\ boundary');
  });

  it('solves for x1 when w2 is 0, and says there is no line when both are 0', async () => {
    const s = open();
    await s.press('l');
    let frame = await s.press('0');
    expect(frame).toContain('boundary: x1 = 1.40');
    expect(frame).toContain('| boundary');
    await s.press('h');
    frame = await s.press('0');
    // The long form does not fit beside the formula at 80 columns.
    expect(frame).toContain(
      'y = step(0.00*x1 + 0.00*x2 - 0.70)   no line: x1 and x2 have weight 0\n',
    );
  });

  it('linear-collapse: y after linear layers has the one line y = 2.5*x1 - x2 + 0.5', async () => {
    const s = open({ lesson: 'linear-collapse' });
    await s.press(KEY.down);
    const frame = await s.press(KEY.down);
    expect(frame).toContain(
      'y = linear(2.00*h1 + 1.00*h2 + 0.50)   boundary: x2 = 0.50 + 2.50*x1',
    );
    // The line is drawn over the grid (x2 = 1.5 at x1 = 0.4, the 8th
    // column of 17) and named in the legend.
    expect(frame).toContain('1.5 |..,,:::/;===++***');
    expect(frame).toContain('/ boundary');
    expect(frame).not.toContain('not one straight line');
  });

  it('not: the boundary over one input is the point x1 = 0.50', async () => {
    const s = open({ lesson: 'not' });
    expect(s.frame()).toContain(
      'y = step(-1.00*x1 + 0.50)   boundary: x1 = 0.50\n',
    );
  });

  it('xor: y after step neurons is in general not one straight line', async () => {
    const s = open({ lesson: 'xor' });
    await s.press(KEY.down);
    const frame = await s.press(KEY.down);
    // At 80 columns the short form, whole, rather than the long one cut.
    expect(frame).toContain(
      'y = step(0.50*s1 + 0.50*s2 - 0.70)   boundary: in general not one line\n',
    );
    expect(frame).not.toMatch(/[/\\] boundary/);
  });

  it('the weighted-sum column follows the selected neuron and marks the boundary rows', async () => {
    const s = open({ lesson: 'xor' });
    expect(s.frame()).toMatch(/x1 x2 \| s1 s2 \| y \| target +\| sum s1/);
    expect(s.frame()).toMatch(/ 0 {2}0 \| {2}1 {2}0 \| 0 \| +0 ok \| {2}0\.70/);
    await s.press('j');
    expect(s.frame()).toMatch(/\| sum s2/);
    expect(s.frame()).toContain('s2 = step(0.50*x1 + 0.50*x2 - 0.20)');

    // AND with bias -1: the sum at (1,1) is exactly 0, on the boundary.
    const and = open();
    await and.type('ll');
    const frame = await set(and, '-1');
    expect(frame).toMatch(/ 1 {2}1 \| 0 \| +1 {2}X \| {2}0\.00\*/);
    expect(frame).toContain('Truth table  3/4 right  * sum is 0');
  });

  it('closes up the table title to keep what a * means in view (Japanese, editing targets)', async () => {
    const s = open({ language: 'ja' });
    await s.type('ll');
    await set(s, '-0.5');
    const frame = await s.press('m');
    expect(frame).toMatch(/ 0 \| +0 ok \| +0\.00\*/);
    expect(frame).toContain('真理値表 4/4 正解 [正解を編集中] * 和が 0 ');
  });

  it('keeps the layout when a sum reaches exactly 0 and a * shows (xor, s1 bias to 0.50)', async () => {
    const s = open({ lesson: 'xor' });
    await s.press(KEY.right);
    await s.press(KEY.right);
    const before = await s.press('-');
    const atZero = await s.press('-');
    // Every panel is where it was: the grid and its axis (17 cells), the
    // small grids of s1 and s2, the table's header and the notes.
    const places = (frame: string) =>
      [
        'grid: y AND',
        '+----------------- ',
        '>s1 NAND',
        's2 OR',
        'x1 x2 | s1 s2 | y | target    | sum s1 ',
        'Stacking layers solves XOR: s1 =',
        '-- PgDn: more (lines 1-3 of 9) --',
      ].map((text) => {
        const lines = frame.split('\n');
        const row = lines.findIndex((line) => line.includes(text));
        return [text, row, lines[row]?.indexOf(text.trimEnd())];
      });
    expect(places(atZero)).toEqual(places(before));
    expect(places(atZero).every(([, row]) => row !== -1)).toBe(true);
    expect(atZero).toContain('b[  0.50]');
    expect(atZero).toContain('Truth table  2/4 right  * sum is 0');
    expect(atZero).toContain(' 0  1 |  0  1 | 0 |      1  X |  0.00*');
  });
});

describe('the step rule', () => {
  const edge: Lesson = {
    name: 'edge',
    title: { en: 'On the edge' },
    notes: { en: '' },
    network: {
      inputs: ['x1', 'x2'],
      stepRule: '>',
      layers: [
        { activation: 'step', neurons: [{ weights: [1, 1], bias: -2 }] },
      ],
    },
    targets: null,
  };

  it('S switches (1, 1, -2) at (1, 1) from 0 under > to 1 under >=, and u undoes it', async () => {
    const s = open({ lesson: edge });
    expect(s.frame()).toContain('fires when z > 0');
    expect(outputAt(s.frame(), '1 {2}1')).toBe('0');

    const frame = await s.press('S');
    expect(frame).toContain('fires when z >= 0');
    expect(frame).toContain('Step neurons now fire when the sum >= 0');
    expect(outputAt(frame, '1 {2}1')).toBe('1');
    expect(outputAt(frame, '0 {2}1')).toBe('0');

    const undone = await s.press('u');
    expect(undone).toContain('fires when z > 0');
    expect(outputAt(undone, '1 {2}1')).toBe('0');
  });
});

describe('languages', () => {
  it('J switches the header, panels, help and footer to Japanese and back', async () => {
    const s = open();
    const ja = await s.press('J');
    expect(ja).toContain('レッスン 1/15  ANDゲート');
    expect(ja).toContain('z > 0 で発火');
    expect(ja).toContain('真理値表  4/4 正解');
    expect(ja).toContain('境界線: x2 = 1.40 - 1.00*x1');
    expect(ja).toContain('日本語で表示します');
    expect(ja).toContain('? ヘルプ  q 終了');
    expect(overflow(ja, 80, 24)).toEqual([]);

    const help = await s.press('?');
    expect(help).toContain('キー操作');
    expect(help).toContain('ニューロンを選ぶ (全層を上から順に)');
    await s.press(KEY.escape);

    const en = await s.press('J');
    expect(en).toContain('lesson 1/15  AND gate');
    expect(en).toContain('English now; J switches to Japanese.');
    expect(await s.press('?')).toContain(
      'select a neuron (all layers, top to bottom)',
    );
  });

  it('J is undone by J, not by u: the network history stays as it was', async () => {
    const s = open();
    await s.press('+');
    await s.press('J');
    const frame = await s.press('u');
    expect(frame).toContain('x1[  0.50]');
    expect(frame).toContain('レッスン 1/15');
  });
});

describe('why (w)', () => {
  it('on xor-single shows the four inequalities and the contradiction', async () => {
    const s = open({ lesson: 'xor-single' });
    const frame = await s.press('w');
    expect(frame).toContain('Why: what the targets ask of one step neuron');
    expect(frame).toContain('  (0,0) -> 0:  b <= 0   now -0.20: holds');
    expect(frame).toContain(
      '  (1,1) -> 0:  w1 + w2 + b <= 0   now 0.80: fails',
    );
    expect(frame).toContain('Adding the two middle rows: w1 + w2 + 2b > 0.');
    expect(frame).toContain(
      'Adding the first and the last: w1 + w2 + 2b <= 0.',
    );
    expect(frame).toContain('Both cannot be true');
    expect(frame).not.toContain('Truth table');
    expect(overflow(frame, 80, 24)).toEqual([]);

    // Any key closes it, and does nothing else.
    const closed = await s.press('+');
    expect(closed).toContain('Truth table');
    expect(closed).toContain('x1[  0.50]');
  });

  it('in Japanese, the contradiction in Japanese', async () => {
    const s = open({ lesson: 'xor-single', language: 'ja' });
    const frame = await s.press('w');
    expect(frame).toContain('真ん中の 2 行を足すと: w1 + w2 + 2b > 0。');
    expect(frame).toContain('不成立');
    expect(overflow(frame, 80, 24)).toEqual([]);
  });

  it('elsewhere says where it applies', async () => {
    const s = open({ lesson: 'xor' });
    expect(await s.press('w')).toContain(
      'Why works on one step neuron with two inputs and targets',
    );
    expect(s.frame()).toContain('Truth table');
  });
});

describe('hidden neurons', () => {
  it('xor at 80x24 shows the NAND and OR pictures beside the output grid', () => {
    const frame = open({ lesson: 'xor' }).frame();
    expect(frame).toContain('grid: y AND');
    expect(overflow(frame, 80, 24)).toEqual([]);
    const start = frame.split('\n')[1]?.indexOf('>s1 NAND') ?? -1;
    const side = columnOf(frame, start, 10).map((line) => line.trimEnd());
    const nand = side.indexOf('>s1 NAND');
    const or = side.indexOf(' s2 OR');
    expect(nand).toBe(1);
    expect(or).toBe(8);
    expect(side.slice(nand + 1, nand + 6)).toEqual([
      ' ##.......',
      ' ##1#..0..',
      ' ######...',
      ' ##1###1#.',
      ' #########',
    ]);
    expect(side.slice(or + 1, or + 6)).toEqual([
      ' #########',
      ' ##1###1##',
      ' ..#######',
      ' ..0.##1##',
      ' ......###',
    ]);
  });

  it('marks the selected hidden neuron, and keeps the first hidden layer for the output', async () => {
    const s = open({ lesson: 'xor' });
    expect(await s.press('j')).toContain('>s2 OR');
    const frame = await s.press('j');
    expect(frame).toContain(' s1 NAND');
    expect(frame).toContain(' s2 OR');
    expect(frame).not.toContain('>s1 NAND');
  });

  it('says how many more there are when not all fit', () => {
    const frame = open({ lesson: 'half-adder', columns: 100 }).frame();
    expect(frame).toContain('>s1 NAND');
    expect(frame).toContain(' s2 OR');
    expect(frame).toContain('+1 more');
    expect(overflow(frame, 100, 24)).toEqual([]);
  });

  it('are left out when the left panels would not keep their width', () => {
    const frame = open({ lesson: 'three-layer' }).frame();
    expect(frame).toContain('> z1(1): x1[  0.10]');
    expect(frame).not.toContain('>z1(1)');
    expect(overflow(frame, 80, 24)).toEqual([]);
  });
});

describe('lesson notes', () => {
  it('wrap to the panel and scroll with PgDn and PgUp', async () => {
    const s = open();
    const first = s.frame();
    expect(first).toContain('A perceptron multiplies each input by its');
    expect(first).toContain('-- PgDn: more (lines 1-6 of 9) --');

    const down = await s.press(KEY.pageDown);
    expect(down).not.toContain('A perceptron multiplies each input by its');
    expect(down).toContain('-- PgUp: back (lines 4-9 of 9) --');
    // Past the end stays at the end; one PgUp is back at the top.
    await s.press(KEY.pageDown);
    const up = await s.press(KEY.pageUp);
    expect(up).toContain('-- PgDn: more (lines 1-6 of 9) --');
  });

  it('start from the top again in the next lesson', async () => {
    const s = open();
    await s.press(KEY.pageDown);
    await s.press('n');
    expect(await s.press('p')).toContain('-- PgDn: more (lines 1-6 of 9) --');
  });

  it('u after n goes back to the file opened, with its edits', async () => {
    const mine = { ...findLesson('xor')!, name: 'mine', order: undefined };
    const s = open({ lesson: mine, sourcePath: 'class/mine.json' });
    await s.press('+');
    expect(await s.press('n')).toContain('lesson 1/15  AND gate');
    const back = await s.press('u');
    expect(back).toContain(' nn-tui  file mine.json  XOR from NAND');
    expect(back).toContain('x1[ -0.40]');
  });

  it('a user file is named in the header', () => {
    const mine = { ...findLesson('xor')!, name: 'mine' };
    const frame = open({ lesson: mine, sourcePath: 'class/mine.json' }).frame();
    expect(frame).toContain(' nn-tui  file mine.json  XOR from NAND');
  });
});

describe("teacher's mode", () => {
  it('--locked hides structure keys from the footer and help, and refuses N', async () => {
    const s = open({ lesson: 'xor', isLocked: true });
    const frame = s.frame();
    expect(frame).not.toContain('N/D');
    expect(frame).not.toContain('L/X');
    expect(frame).not.toContain('m targets');
    expect(frame).toContain('+/- nudge');

    const refused = await s.press('N');
    expect(refused).toContain(
      'Locked (--locked): the shape of the network stays',
    );
    expect(refused).not.toContain('h1.3');
    expect(await s.press('a')).toContain('Layer 1 (step)');

    // Values still change.
    expect(await s.press('+')).toContain('x1[ -0.40]');
    const help = await s.press('?');
    expect(help).not.toContain('add / delete a neuron');
    expect(help).toContain('raise / lower the selected value');
  });

  it('--hide table hides the truth table, and the rest stays', () => {
    const frame = open({ hidden: ['table'] }).frame();
    expect(frame).not.toContain('Truth table');
    expect(frame).not.toContain('sum y');
    expect(frame).toContain('Network');
    expect(frame).toContain('grid: y AND');
    expect(frame).toContain('A perceptron multiplies');
  });

  it('--hide network hides the weights, and + still changes them', async () => {
    const s = open({ hidden: ['network'] });
    expect(s.frame()).not.toContain('Network');
    expect(s.frame()).not.toContain('x1[  0.50]');
    expect(await s.press('+')).toContain('y = step(0.60*x1 + 0.50*x2 - 0.70)');
  });

  it('--hide grid,formula,notes hides those panels', () => {
    const frame = open({
      lesson: 'xor',
      hidden: ['grid', 'formula', 'notes'],
    }).frame();
    expect(frame).not.toContain('grid: y AND');
    expect(frame).not.toContain('s1 NAND ');
    expect(frame).not.toContain('s1 = step(');
    expect(frame).not.toContain('Stacking layers');
    expect(frame).toContain('Truth table  4/4 right');
    expect(overflow(frame, 80, 24)).toEqual([]);
  });

  it('v shows the hidden panels: the answer to the question', async () => {
    const s = open({ lesson: 'xor', hidden: ['table', 'grid'] });
    expect(s.frame()).not.toContain('Truth table');

    const shown = await s.press('v');
    expect(shown).toContain('Truth table  4/4 right');
    expect(shown).toContain('grid: y AND');
    expect(shown).toContain('Every panel is shown.');
    expect(overflow(shown, 80, 24)).toEqual([]);

    expect(await s.press('v')).toContain('No panel is hidden');
  });

  it('w keeps the hidden table’s answer until v shows it', async () => {
    const s = open({ lesson: 'and', hidden: ['table'] });
    const refused = await s.press('w');
    expect(refused).toContain('The table is hidden (--hide)');
    expect(refused).not.toContain('holds');

    await s.press('v');
    expect(await s.press('w')).toContain('holds');
  });

  it('w on a network it does not apply to says so, hidden table or not', async () => {
    const s = open({ lesson: 'xor', hidden: ['table'] });
    expect(await s.press('w')).toContain('Why works on one step neuron');
  });
});

/** Whether python3 with NumPy can run here, and why not when it cannot. */
function pythonWithNumpy(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], {
    encoding: 'utf8',
  });
  if (probe.error) return 'python3 is not installed';
  if (probe.status !== 0) return 'python3 has no NumPy';
  return null;
}

const missing = pythonWithNumpy();

describe('export (E)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-export-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.skipIf(missing !== null)(
    `writes ./NAME.py, which python3 runs to print the same truth table${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const s = open({ lesson: 'xor', cwd: folder });
      const path = join(folder, 'xor.py');
      const written = `NumPy program written to ${path}`;
      expect(await pressUntil(s, 'E', written)).toContain(written);
      const run = spawnSync('python3', [path], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const rows = truthTable(findLesson('xor')!.network).map(
        (row) => `${row.inputs.join(' ')} | ${row.outputs.join(' ')}`,
      );
      expect(run.stdout).toBe(['x1 x2 | y', ...rows, ''].join('\n'));
    },
  );

  it('asks before replacing a .py file, like a save', async () => {
    const path = join(folder, 'and.py');
    writeFileSync(path, 'keep me');
    const s = open({ cwd: folder });
    const asked = `${path} already exists: y replaces it`;
    expect(await pressUntil(s, 'E', asked)).toContain(asked);
    expect(await s.press('n')).toContain(
      'The file was kept; nothing was written.',
    );
    expect(readFileSync(path, 'utf8')).toBe('keep me');

    await pressUntil(s, 'E', asked);
    const written = `NumPy program written to ${path}`;
    expect(await pressUntil(s, 'y', written)).toContain(written);
    expect(readFileSync(path, 'utf8')).toContain('W1 = np.array(');
    expect(s.frame()).toContain('Truth table');
  });

  it('writes beside the saved file', async () => {
    const s = open({ cwd: folder });
    await s.press('s');
    await s.type('mine.json');
    await pressUntil(s, KEY.enter, 'Saved to');
    const written = `written to ${join(folder, 'mine.py')}`;
    expect(await pressUntil(s, 'E', written)).toContain(written);
    expect(existsSync(join(folder, 'and.py'))).toBe(false);
  });

  it('a folder that does not exist is said in the status line', async () => {
    const mine = { ...findLesson('and')!, name: 'mine' };
    const s = open({
      lesson: mine,
      cwd: folder,
      sourcePath: join(folder, 'gone', 'mine.json'),
    });
    const refused = 'mine.py: not saved: no such folder (gone)';
    expect(await pressUntil(s, 'E', refused)).toContain(refused);
  });
});

describe('frames keep their width in Japanese', () => {
  const keys = [
    'w',
    KEY.escape,
    '?',
    KEY.escape,
    'o',
    KEY.escape,
    KEY.pageDown,
    'S',
    'j',
    'j',
    'N',
    'J',
  ];
  for (const lesson of builtInLessons()) {
    it(`every frame of ${lesson.name} fits 80x24, overlays included`, async () => {
      const s = open({ lesson: lesson.name, language: 'ja', isLocked: true });
      for (const key of keys) await s.press(key);
      const frames = s.frames();
      expect(frames.length).toBeGreaterThan(keys.length / 2);
      for (const frame of frames) {
        expect(overflow(frame, 80, 24)).toEqual([]);
      }
    });
  }
});
