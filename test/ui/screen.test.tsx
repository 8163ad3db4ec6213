import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setValue } from '../../src/core/edit.js';
import { loadPresetFile } from '../../src/preset/files.js';
import { lessonFromData } from '../../src/preset/parse.js';
import { findLesson } from '../../src/preset/catalog.js';
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

/** The output column of the truth table, for a one-output network. */
function outputs(frame: string): string {
  return frame
    .split('\n')
    .map((line) => /^[> ]*(?:[01] +)+\|(?:[^|]*\|)*? ([01]) \|/.exec(line))
    .filter((match) => match !== null)
    .map((match) => match[1])
    .join(' ');
}

/**
 * The rows of the decision grid, from its top label to its axis; the
 * selected neuron's boundary line (`/ \ - |`) may cross them.
 */
function grid(frame: string): string[] {
  return frame
    .split('\n')
    .map((line) => /\|([.#01X/\\|-]{17,})\s*$/.exec(line)?.[1])
    .filter((row) => row !== undefined);
}

describe('the first screen', () => {
  it('shows the AND lesson with its table, grid, formula and key hints', () => {
    const frame = open().frame();
    expect(frame).toContain(' nn-tui  lesson 1/15  AND gate');
    expect(frame).toContain('> y: x1[  0.50] x2   0.50  b  -0.70');
    expect(frame).toContain('Truth table  4/4 right');
    expect(outputs(frame)).toBe('0 0 0 1');
    expect(frame).toContain('y = step(0.50*x1 + 0.50*x2 - 0.70)');
    expect(frame).toContain('? help  q quit');
    expect(grid(frame)).toHaveLength(13);
  });

  it('turns AND into OR by raising the bias five times with +', async () => {
    const s = open();
    const before = grid(s.frame());
    await s.press('l');
    await s.press('l');
    for (let i = 0; i < 5; i++) await s.press('+');
    const frame = s.frame();
    expect(frame).toContain('b[ -0.20]');
    expect(frame).toContain('y = step(0.50*x1 + 0.50*x2 - 0.20)');
    expect(outputs(frame)).toBe('0 1 1 1');
    expect(frame).toContain('Truth table  2/4 right');
    const after = grid(frame);
    expect(after).not.toEqual(before);
    // The row of x2 = 1 is now all 1s; (0,1) misses its AND target.
    expect(after[3]).toBe('######X###########1######');
  });

  it('keeps the * of unsaved changes in view when the title is cut', async () => {
    const and = findLesson('and')!;
    const title = 'An AND gate, with a title far too long for the header';
    screen = openScreen({ lesson: { ...and, title: { en: title } } });

    const frame = await screen.press('+');

    const header = frame.split('\n')[0]!;
    expect(header).toContain('An AND gate, with a title far… *');
    expect(header).toContain('fires when z > 0');
  });

  it('gives the step rule only where a layer is step', () => {
    const header = (lesson: string) => {
      const opened = openScreen({ lesson });
      const line = opened.frame().split('\n')[0]!;
      opened.unmount();
      return line;
    };
    expect(header('three-layer')).toContain('A three-layer network (book 3.4)');
    expect(header('three-layer')).not.toContain('fires when');
    expect(header('sigmoid-gates')).not.toContain('fires when');
    expect(header('xor')).toContain('fires when z > 0');
  });

  it('n shows the next preset, NAND, and p goes back', async () => {
    const s = open();
    expect(await s.press('n')).toContain('lesson 2/15  NAND gate');
    expect(outputs(s.frame())).toBe('1 1 1 0');
    expect(await s.press('p')).toContain('lesson 1/15  AND gate');
  });

  it('the selection moves with arrows and with h/j/k/l', async () => {
    const s = open({ lesson: 'xor' });
    expect(await s.press(KEY.down)).toContain('> s2: x1[  0.50]');
    expect(await s.press('j')).toContain('> y: s1[  0.50]');
    expect(await s.press(KEY.right)).toContain('s2[  0.50]');
    expect(await s.press('l')).toContain('b[ -0.70]');
    expect(await s.press('h')).toContain('s2[  0.50]');
    expect(await s.press(KEY.up)).toContain('> s2: x1   0.50  x2[  0.50]');
    expect(await s.press('k')).toContain('> s1: x1  -0.50  x2[ -0.50]');
  });
});

describe('typed values', () => {
  it('names a neuron without a label in the field as the network shows it', async () => {
    const s = openScreen({ lesson: 'blank' });
    expect(s.frame()).toMatch(/> y: x1\[/);
    expect(await s.press('e')).toContain('weight from x1 of y: ');
    expect(s.frame()).not.toContain('L1 n1');
  });

  it('typing -0.5 Enter sets the selected value', async () => {
    const s = open();
    await s.type('ll');
    expect(await s.press('e')).toContain('bias of y AND: -0.70');
    await s.type('-0.5');
    expect(s.frame()).toContain('bias of y AND: -0.5');
    const frame = await s.press(KEY.enter);
    expect(frame).toContain('b[ -0.50]');
    expect(frame).toContain('y = step(0.50*x1 + 0.50*x2 - 0.50)');
    expect(frame).not.toContain('bias of y AND');
  });

  it('Enter opens the field too', async () => {
    const s = open();
    expect(await s.press(KEY.enter)).toContain('weight from x1 of y AND: 0.50');
  });

  it('typing 1,5 Enter is refused with the hint and keeps the old value', async () => {
    const s = open();
    await s.type('lle1,5');
    const frame = await s.press(KEY.enter);
    expect(frame).toContain("'1,5': use a dot for decimals");
    expect(frame).toContain('bias of y AND: 1,5');
    expect(frame).toContain('b[ -0.70]');
    expect(frame).toContain('- 0.70)');
  });

  it('Esc cancels, keeping the old value', async () => {
    const s = open();
    await s.type('lle0.9');
    const frame = await s.press(KEY.escape);
    expect(frame).not.toContain('bias of y AND');
    expect(frame).toContain('b[ -0.70]');
    // The next key is a key again, not more typing.
    expect(await s.press('+')).toContain('b[ -0.60]');
  });

  it('no global key fires while the field has focus', async () => {
    const s = open();
    await s.press('e');
    await s.type('q-+n');
    const frame = s.frame();
    expect(frame).toContain('weight from x1 of y AND: q-+n');
    expect(frame).toContain('lesson 1/15');
    expect(frame).toContain('x1[  0.50]');
    const refused = await s.press(KEY.enter);
    expect(refused).toContain("'q-+n' is not a number");
  });

  it('a paste of 0.75 in one chunk works', async () => {
    const s = open();
    await s.press('e');
    await s.press('0.75');
    expect(await s.press(KEY.enter)).toContain('x1[  0.75]');
  });

  it('Enter on the untouched field keeps the value', async () => {
    const s = open();
    await s.press('+');
    await s.press('e');
    const frame = await s.press(KEY.enter);
    expect(frame).toContain('x1[  0.60]');
    expect(frame).not.toContain('weight from x1');
  });

  it('Backspace edits what was typed', async () => {
    const s = open();
    await s.press('e');
    await s.type('0.59');
    await s.press(KEY.backspace);
    await s.press('7');
    expect(await s.press(KEY.enter)).toContain('x1[  0.57]');
  });
});

describe('building a network by keys alone', () => {
  /** Opens the field on the selected value, types it, and commits it. */
  async function set(s: TestScreen, value: string) {
    await s.press('e');
    await s.type(value);
    await s.press(KEY.enter);
  }

  it('builds XOR from blank: NAND and OR into AND, truth table 0 1 1 0', async () => {
    const s = open({ lesson: 'blank' });
    expect(outputs(s.frame())).toBe('0 0 0 0');

    // A second layer after the first; its activation from linear to step.
    await s.press('L');
    expect(await s.press('a')).toContain('Layer 2 now uses step.');
    // A second neuron in the first layer.
    await s.press('k');
    await s.press('N');

    // OR in the new neuron: 0.5, 0.5, -0.2.
    await set(s, '0.5');
    await s.press('l');
    await set(s, '0.5');
    await s.press('l');
    await set(s, '-0.2');

    // NAND in the first: -0.5, -0.5, 0.7 (from its bias leftward).
    await s.press('k');
    await set(s, '0.7');
    await s.press('h');
    await set(s, '-0.5');
    await s.press('h');
    await set(s, '-0.5');

    // AND in the output: 0.5, 0.5, -0.7.
    await s.type('jj');
    await set(s, '0.5');
    await s.press('l');
    await set(s, '0.5');
    await s.press('l');
    await set(s, '-0.7');

    const frame = s.frame();
    expect(frame).toMatch(/(Layer|…r) 2 \(step\)/);
    expect(outputs(frame)).toBe('0 1 1 0');

    // Pose the problem too: targets 0 1 1 0, all four right.
    await s.press('m');
    await s.press('0');
    await s.press('j');
    await s.press('1');
    await s.press('j');
    await s.press('1');
    await s.press('j');
    await s.press('0');
    expect(await s.press(KEY.escape)).toContain('Truth table  4/4 right');
  });
});

describe('structure, grid and targets on screen', () => {
  it('says why the last layer cannot be deleted', async () => {
    const s = open();
    expect(await s.press('X')).toContain(
      'A network needs at least one layer, so the last one stays.',
    );
  });

  it('< and > change the step shown in the header', async () => {
    const s = open();
    expect(s.frame()).toContain('nudge 0.1');
    expect(await s.press('<')).toContain('nudge 0.01');
    expect(await s.press('>')).toContain('nudge 0.1');
    expect(await s.press('>')).toMatch(/nudge 1$/m);
  });

  it('0 zeroes the selected value', async () => {
    const s = open();
    expect(await s.press('0')).toContain('x1[  0.00]');
  });

  it('g shows each output, then each hidden neuron', async () => {
    const s = open({ lesson: 'xor' });
    expect(s.frame()).toContain('grid: y AND');
    expect(await s.press('g')).toContain('grid: s1 NAND');
    expect(await s.press('g')).toContain('grid: s2 OR');
    expect(await s.press('g')).toContain('grid: y AND');
  });

  it('x and y choose the axes of a three-input network, the rest held at 0', async () => {
    const s = open({ lesson: 'majority' });
    expect(s.frame()).toContain('x3 held at 0');
    const frame = await s.press('x');
    expect(frame).toContain('x1 held at 0');
    expect(frame).toMatch(/1\.5 {2}x3/);
  });

  it('m edits targets: the row is marked and set with 1', async () => {
    const s = open();
    expect(await s.press('m')).toContain('[editing targets]');
    expect(s.frame()).toMatch(/^> +0 +0 \|/m);
    await s.press(KEY.down);
    const frame = await s.press('1');
    // The target being edited is in brackets.
    expect(frame).toMatch(/^> +0 +1 \| 0 \| +\[1\] X/m);
    expect(frame).toContain('3/4 right');
    expect(await s.press('u')).toContain('4/4 right');
  });

  it('m brackets the target being edited among several outputs', async () => {
    const s = open({ lesson: 'half-adder' });
    await s.press('m');
    await s.press(KEY.right);
    const frame = await s.press(KEY.down);
    expect(frame).toContain('[editing targets (carry)]');
    expect(frame).toMatch(/^> +0 +1 \|.*\| +1\[0\]ok \|/m);
  });

  it('with more outputs than fit, the inputs, targets and marks still show', async () => {
    // 16 outputs of 0.56 and more: only some fit beside the targets.
    const lesson = lessonFromData(
      'wide.json',
      {
        inputs: ['x1', 'x2'],
        layers: [
          {
            activation: 'sigmoid',
            neurons: [{ weights: [1, 1], bias: 0 }],
          },
          {
            activation: 'sigmoid',
            neurons: Array.from({ length: 16 }, () => ({
              weights: [0.5],
              bias: 0,
            })),
          },
        ],
        targets: [
          Array(16).fill(0),
          Array(16).fill(1),
          Array(16).fill(1),
          Array(16).fill(0),
        ],
      },
      'wide',
    );
    const s = open({ lesson });
    const targets = (value: number) => Array(16).fill(value).join(' ');
    // The inputs stay, the first outputs give way (…), and the targets
    // and marks show whole.
    expect(s.frame()).toMatch(
      new RegExp(`^ 0  0 \\| … 0.56 \\| ${targets(0)} +X `, 'm'),
    );
    expect(s.frame()).toMatch(
      new RegExp(`^ 0  1 \\| … 0.59 \\| ${targets(1)} ok`, 'm'),
    );
    // In target editing too, with the chosen row marked.
    const editing = await s.press('m');
    expect(editing).toMatch(
      new RegExp(`^>  0  0 \\| ….56 \\|\\[0\\]${targets(0).slice(2)} +X `, 'm'),
    );
  });

  it('i and I say which input they add and remove', async () => {
    const s = open({ lesson: 'blank' });
    expect(await s.press('i')).toContain(
      'Input x3 added, with weight 0 in each neuron of layer 1.',
    );
    expect(s.frame()).toContain('x3');
    expect(await s.press('I')).toContain(
      'Input x3 removed (I takes the last input), with its weights.',
    );
  });

  it('u and U undo and redo a change', async () => {
    const s = open();
    await s.press('+');
    expect(s.frame()).toContain('x1[  0.60]');
    expect(await s.press('u')).toContain('x1[  0.50]');
    expect(await s.press('U')).toContain('x1[  0.60]');
  });

  it('o lists the presets in lesson order and Enter opens one', async () => {
    const s = open();
    const list = await s.press('o');
    expect(list).toContain('Presets in lesson order');
    expect(list).toMatch(/> {3}1 {2}and +AND gate/);
    expect(list).toMatch(/ 7 {2}xor +XOR from NAND, OR and AND/);
    await s.type('jjjjjj');
    expect(await s.press(KEY.enter)).toContain('lesson 7/15  XOR from NAND');
  });

  it('o marks the lessons with unsaved changes with *, as the header', async () => {
    const s = open();
    await s.press('+');
    await s.press('n');
    await s.press('+');
    await s.press('n');
    const list = await s.press('o');
    expect(list).toMatch(/^ \* +1 {2}and /m);
    expect(list).toMatch(/^ \* +2 {2}nand /m);
    expect(list).toMatch(/^> {3}3 {2}or /m);
  });

  it('Home and End go to the ends of the lesson list', async () => {
    const s = open();
    await s.press('o');
    await s.press(KEY.end);
    expect(await s.press(KEY.enter)).toContain('lesson 15/15');
    await s.press('o');
    await s.press(KEY.home);
    expect(await s.press(KEY.enter)).toContain('lesson 1/15');
  });

  it('Esc closes the preset list', async () => {
    const s = open();
    await s.press('o');
    expect(await s.press(KEY.escape)).toContain('Truth table');
  });

  it('? shows every key of the keymap, and any key closes it', async () => {
    const s = open();
    const help = await s.press('?');
    expect(help).toContain('select a neuron (all layers, top to bottom)');
    expect(help).toContain('add / delete a neuron in this layer');
    expect(help).toContain('up/down scrolls, any other key closes');
    let frame = help;
    for (let i = 0; i < 40; i++) frame = await s.press('j');
    expect(frame).toContain('Preset list (o)');
    expect(await s.press('k')).not.toEqual(frame);
    expect(await s.press(' ')).toContain('Truth table');
  });

  it('a six-input network shows its 64 rows cut with a count', async () => {
    const s = open();
    for (let i = 0; i < 4; i++) await s.press('i');
    const frame = s.frame();
    expect(frame).toMatch(/\.\.\. \d+ more rows/);
    expect(frame).toContain('x3, x4, x5, x6 held at 0');
    expect(overflow(frame, 80, 24)).toEqual([]);
  });

  it('says how many rows are above and below while target editing scrolls', async () => {
    const s = open();
    for (let i = 0; i < 4; i++) await s.press('i');
    await s.press('m');
    let frame = s.frame();
    for (let i = 0; i < 40; i++) frame = await s.press(KEY.down);
    // Row 41 of 64 in the middle of the rows shown: the rest are counted.
    const [, above, below] =
      /\.\.\. (\d+) rows above, (\d+) below/.exec(frame) ?? [];
    const shown = frame
      .split('\n')
      .filter((line) => /^[> ] +[01] {2}[01] {2}/.test(line));
    expect(Number(above) + shown.length + Number(below)).toBe(64);
    expect(Number(above)).toBeGreaterThan(0);
    expect(frame).toMatch(/^> +1 {2}0 {2}1 {2}0 {2}0 {2}0 \|/m);
  });
});

describe('saving', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-ui-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('s offers ./NAME.json and saves there, relative to the folder', async () => {
    const s = open({ cwd: folder });
    expect(await s.press('s')).toContain('Save to: ./and.json');
    await s.press(KEY.enter);
    const saved = `Saved to ${join(folder, 'and.json')}`;
    expect(await s.waitFor(saved)).toContain(saved);
    expect(loadPresetFile(join(folder, 'and.json')).network).toEqual(
      findLesson('and')?.network,
    );
  });

  it('shows why a save failed under a path too long to leave room beside it', async () => {
    const s = open({ cwd: folder });
    await s.press('s');
    await s.press(`gone/${'a'.repeat(100)}.json`);
    const frame = await s.press(KEY.enter);
    const lines = frame.split('\n');
    const field = lines.findIndex((line) => line.startsWith('Save to: gone/'));
    expect(lines[field + 1]?.trimEnd()).toBe(
      'not saved: no such folder (gone)',
    );
    expect(lines[field + 2]).toContain('Enter save');
  });

  it('save then load gives an equal network, value for value', async () => {
    const s = open({ lesson: 'xor', cwd: folder });
    await s.type('jjll');
    await s.type('+++');
    await s.press('e');
    await s.press('0.123456789');
    await s.press(KEY.enter);
    await s.press('s');
    await s.press(join(folder, 'mine.json'));
    await s.press(KEY.enter);
    expect(await s.waitFor('Saved to')).toContain('Saved to');
    const expected = setValue(
      findLesson('xor')!.network,
      { layer: 1, neuron: 0 },
      'bias',
      0.123456789,
    );
    const loaded = loadPresetFile(join(folder, 'mine.json'));
    expect(loaded.network).toEqual(expected);
    expect(loaded.targets).toEqual(findLesson('xor')?.targets);
    expect(loaded.name).toBe('mine');
  });

  it('refuses to overwrite unless confirmed with y', async () => {
    const path = join(folder, 'and.json');
    writeFileSync(path, 'keep me');
    const s = open({ cwd: folder });
    await s.press('+');
    await s.press('s');
    await s.press(KEY.enter);
    const asked = await s.waitFor('already exists');
    expect(asked).toContain(`${path} already exists: y replaces it`);
    await s.press('n');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect(s.frame()).toContain('Save to: ./and.json');
    await s.press(KEY.enter);
    await s.press('y');
    expect(await s.waitFor(`Saved to ${path}`)).toContain(`Saved to ${path}`);
    expect(loadPresetFile(path).network.layers[0]?.neurons[0]?.weights).toEqual(
      [0.6, 0.5],
    );
    // Saved: q now quits without asking.
    expect(s.frame()).not.toContain('AND gate *');
  });

  it('a folder that does not exist keeps the field open with the reason', async () => {
    const s = open({ cwd: folder });
    await s.press('s');
    await s.press('no/such/x.json');
    await s.press(KEY.enter);
    const frame = await s.waitFor('not saved');
    expect(frame).toContain('not saved: no such folder (such)');
    expect(frame).toContain('Save to:');
  });
});

describe('quitting', () => {
  it('q with unsaved changes asks once, and another key goes back', async () => {
    const s = open();
    await s.press('+');
    expect(await s.press('q')).toContain(
      'Unsaved changes in and: q or y quits without saving',
    );
    const back = await s.press('j');
    expect(back).not.toContain('Unsaved changes');
    expect(back).toContain('x1[  0.60]');
  });
});

describe('layout', () => {
  const scripts: { name: string; lesson: string; keys: string[] }[] = [
    {
      name: 'AND, edited, with help and the list',
      lesson: 'and',
      keys: ['l', 'l', '+', '+', '?', 'j', 'j', ' ', 'o', 'j', KEY.escape],
    },
    {
      name: 'three layers, every neuron and grid',
      lesson: 'three-layer',
      keys: ['j', 'j', 'j', 'j', 'j', 'j', 'l', 'l', 'l', 'g', 'g', 'g', 'm'],
    },
    {
      name: 'sixteen neurons and six layers',
      lesson: 'half-adder',
      keys: [...'NNNNNNNNNNNNNNLLLLjjjjjjjjjjjjjjjjjjjj'],
    },
    {
      name: 'six inputs in targets mode',
      lesson: 'majority',
      keys: [
        'i',
        'i',
        'i',
        'm',
        ...'jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj',
        '1',
      ],
    },
    {
      name: 'a long status message and the save prompt',
      lesson: 'and',
      keys: ['i', 'D', 's', KEY.escape, 'q'],
    },
  ];

  for (const language of ['en', 'ja'] as const) {
    for (const script of scripts) {
      it(`every frame fits 80x24 (${language}): ${script.name}`, async () => {
        const s = open({ lesson: script.lesson, language });
        for (const key of script.keys) await s.press(key);
        for (const frame of s.frames()) {
          expect(overflow(frame, 80, 24)).toEqual([]);
        }
        expect(s.frames().length).toBeGreaterThan(script.keys.length / 2);
      });
    }
  }

  it('every frame fits 80x24 in colour, measured without the colour codes', async () => {
    const s = open({ lesson: 'half-adder', isColor: true });
    for (const key of ['m', 'j', '1', KEY.escape, 'o', KEY.escape, 'e']) {
      await s.press(key);
    }
    for (const frame of s.frames()) {
      expect(overflow(frame, 80, 24)).toEqual([]);
    }
  });

  it('names the rule the next step starts with after the activation changes', async () => {
    const s = open({ lesson: 'xor-single' });
    expect(await s.press('t')).toContain('Training  perceptron rule  rate 1');

    const sigmoid = await s.press('a');
    expect(sigmoid).toContain('Training  backprop  rate 0.5');
    expect(sigmoid).toContain('Changed after epoch 1: the next t, . or');
  });

  it('shows a long message whole over the footer, which comes back at the next key', async () => {
    const s = open({ lesson: 'xor' });
    const refused = await s.press('t');
    expect(refused).toContain(
      'Change every step layer to sigmoid, tanh, relu or linear first.',
    );
    expect(refused).not.toContain('q quit');
    expect(overflow(refused, 80, 24)).toEqual([]);

    expect(await s.press('j')).toContain('q quit');
  });

  it('draws one line less than the terminal, each line full width', () => {
    const lines = open().frame().split('\n');
    expect(lines).toHaveLength(23);
  });

  it('below 80x24 asks for a larger window in one line, the rest blank', () => {
    const [first, ...rest] = open({ columns: 79, rows: 24 })
      .frame()
      .split('\n');
    expect(first).toBe('Please make the window at least 80x24 (now 79x24).');
    // As tall as the window, so that it covers what was there before.
    expect(rest).toHaveLength(23);
    expect(rest.every((line) => line.trim() === '')).toBe(true);

    const lines = open({ columns: 100, rows: 23 }).frame().split('\n');
    expect(lines.filter((line) => line.trim() !== '')).toHaveLength(1);
  });

  it('uses a larger terminal for a larger grid', () => {
    const frame = open({ columns: 120, rows: 40 }).frame();
    expect(grid(frame)).toHaveLength(17);
    expect(grid(frame)[0]).toHaveLength(33);
    expect(overflow(frame, 120, 40)).toEqual([]);
  });

  it('cuts long names in the table header so that outputs, targets and marks stay in view', () => {
    const lesson = lessonFromData(
      'weather.json',
      {
        name: 'weather',
        title: 'Will it rain?',
        inputs: ['temperature', 'humidity'],
        layers: [
          {
            activation: 'step',
            neurons: [
              { label: 'warm_and_humid', weights: [-0.5, -0.5], bias: 0.7 },
              { label: 'cloudy_sky', weights: [0.5, 0.5], bias: -0.2 },
            ],
          },
          {
            activation: 'step',
            neurons: [
              { label: 'rain_tomorrow', weights: [0.5, 0.5], bias: -0.7 },
            ],
          },
        ],
        targets: [[0], [1], [1], [0]],
      },
      'weather',
    );

    const narrow = open({ lesson }).frame();
    expect(narrow).toContain('tempera… humidity | … | rain_to… | target');
    expect(narrow).toContain('       0        1 | … |        1 |      1 ok');
    expect(overflow(narrow, 80, 24)).toEqual([]);

    // Wide enough for every name, and for the sum.
    const wide = open({ lesson, columns: 120, rows: 40 }).frame();
    expect(wide).toContain(
      'temperature humidity | … | rain_tomorrow | target    | sum warm_and_humid',
    );
  });

  it('measures Japanese text by its display width', () => {
    const frame = open({ language: 'ja', lesson: 'xor' }).frame();
    expect(frame).toContain('レッスン 7/15  NAND・OR・ANDでXOR');
    expect(frame).toContain('真理値表  4/4 正解');
    expect(overflow(frame, 80, 24)).toEqual([]);
  });
});
