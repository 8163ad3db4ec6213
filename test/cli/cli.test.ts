import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../../src/core/network.js';
import { builtInLessons } from '../../src/preset/catalog.js';
import { readCase } from '../cases.js';
import { runCli } from './run-cli.js';

interface Row {
  inputs: number[];
  outputs: number[];
  target: number[] | null;
  ok: boolean | null;
}

interface Book {
  gates: Record<string, { outputs: number[] }>;
  xor: { outputs: number[] };
  threeLayer: { output: number[] };
}

const book = readCase<Book>('book.json');

function printJson(name: string): { rows: Row[] } {
  const result = runCli(['--print', '--json', name]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { rows: Row[] };
}

/** One error line: `nn-tui: ...`, and nothing that looks like a stack. */
function expectOneErrorLine(stderr: string, pattern: RegExp): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^nn-tui: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('--print --json', () => {
  for (const name of ['and', 'nand', 'or']) {
    it(`${name} gives the book's outputs, all right`, () => {
      const { rows } = printJson(name);
      expect(rows.map((row) => row.inputs)).toEqual([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]);
      expect(rows.map((row) => row.outputs[0])).toEqual(
        book.gates[name]?.outputs,
      );
      expect(rows.every((row) => row.ok === true)).toBe(true);
    });
  }

  it('xor gives 0 1 1 0', () => {
    const { rows } = printJson('xor');
    expect(rows.map((row) => row.outputs[0])).toEqual(book.xor.outputs);
  });

  it('half-adder gives sum and carry', () => {
    const { rows } = printJson('half-adder');
    expect(rows.map((row) => row.outputs)).toEqual([
      [0, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(rows.map((row) => row.ok)).toEqual([true, true, true, true]);
  });

  it('xor-single is wrong on at least one row', () => {
    const { rows } = printJson('xor-single');
    expect(rows.some((row) => row.ok === false)).toBe(true);
  });
});

describe('--input', () => {
  it('runs the three-layer network on (1, 0.5) as the book does', () => {
    const text = runCli(['--print', '--input', '1,0.5', 'three-layer']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('outputs: 0.31682708 0.69627909');

    const json = runCli(['--json', '--input', '1,0.5', 'three-layer']);
    const { outputs } = JSON.parse(json.stdout) as { outputs: number[] };
    book.threeLayer.output.forEach((value, i) =>
      expect(Math.abs((outputs[i] ?? NaN) - value)).toBeLessThan(1e-12),
    );
  });

  it('refuses a vector of the wrong length', () => {
    const result = runCli(['--input', '1', 'and']);
    expect(result.code).toBe(2);
    expectOneErrorLine(
      result.stderr,
      /--input: 1 number where the network has 2 inputs \(x1, x2\)/,
    );
  });
});

describe('the printed screen', () => {
  it('shows the network, formula, truth table and grid of xor', () => {
    const { stdout, code } = runCli(['--print', 'xor']);
    expect(code).toBe(0);
    expect(stdout).toContain('xor (7/15): XOR from NAND, OR and AND');
    expect(stdout).toContain('y = step(0.50*s1 + 0.50*s2 - 0.70)');
    expect(stdout).toContain('Truth table  4/4 right');
    expect(stdout).toContain(' 1  1 |  0  1 | 0 |      0 ok | -0.20');
    expect(stdout).toMatch(/^ +1 \|#+1#+\.+0\.+$/m);
  });

  it('follows --grid, --range, --axes and --neuron', () => {
    const { stdout, code } = runCli([
      '--print',
      'xor',
      '--grid',
      '5x3',
      '--range',
      '0:1',
      '--axes',
      'x2,x1',
      '--neuron',
      '1:1',
    ]);
    expect(code).toBe(0);
    // NAND over x2 across and x1 upward, corners at the grid's corners.
    expect(stdout).toContain('s1 = step(-0.50*x1 - 0.50*x2 + 0.70)');
    // The boundary x1 = 1.4 - x2 crosses the top two rows.
    expect(stdout).toContain('boundary: x1 = 1.40 - 1.00*x2');
    expect(stdout).toMatch(/ 1 \|1\\\\\.0\n/);
    expect(stdout).toMatch(/\n +\|###\\\\\n/);
    expect(stdout).toMatch(/ 0 \|1###1\n/);
  });

  it('gives linear-collapse its one collapsed line, drawn and named', () => {
    const { stdout, code } = runCli(['--print', 'linear-collapse']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'y = linear(2.00*h1 + 1.00*h2 + 0.50)\nboundary: x2 = 0.50 + 2.50*x1\n',
    );
    // x2 = 1.5 at x1 = 0.4: the 15th of 33 columns on the top row.
    expect(stdout).toContain(' 1.5 |...,,,,,:::::;/;;;=====+++++*****\n');
    expect(stdout).toMatch(/ {3}\/ boundary\n/);
  });

  it('says a neuron after step neurons is in general not one line', () => {
    const { stdout } = runCli(['--print', 'xor']);
    expect(stdout).toContain(
      'boundary: in general not one straight line (layer 1 is step)\n',
    );
  });

  it('labels the ends of a narrow --range apart', () => {
    const { stdout } = runCli([
      '--print',
      'and',
      '--range',
      '0.1:0.1000011',
      '--grid',
      '9x5',
    ]);
    expect(stdout).toContain('\n0.100001 |.........\n');
    expect(stdout).toContain('\n0.100000 |.........\n');
  });

  it('says which inputs the grid holds at 0, as the screen does', () => {
    expect(runCli(['--print', 'majority']).stdout).toMatch(/\nx3 held at 0\n$/);
    const across = runCli(['--print', 'majority', '--axes', 'x3,x1']);
    expect(across.stdout).toMatch(/\nx2 held at 0\n$/);
    expect(runCli(['--print', 'and']).stdout).not.toContain('held at');
  });
});

describe('--list, --help, --version', () => {
  it('lists the lessons in order', () => {
    const names = runCli(['--list'])
      .stdout.trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[1]);
    // The order itself is pinned by test/preset/catalog.test.ts.
    expect(names).toEqual(builtInLessons().map((lesson) => lesson.name));
  });

  it('prints help and the version', () => {
    expect(runCli(['--help']).stdout).toContain('nn-tui --list');
    expect(runCli(['--help']).stdout).toContain('NN_TUI_CODE_CACHE=off');
    expect(runCli(['--version']).stdout).toMatch(/^nn-tui \d+\.\d+\.\d+\n$/);
    expect(runCli(['--help', '--lang', 'ja']).stdout).toContain('使い方');
  });
});

describe('refusals', () => {
  it('a bad preset file: exit 2 and one line that names file and place', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-cli-'));
    const file = join(folder, 'bad.json');
    writeFileSync(
      file,
      '{"inputs": ["x1"], "layers": [{"activation": "step", "neurons": [{"weights": [1], "bias": null}]}]}',
    );
    const result = runCli(['--print', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The file is named by the path given, folder and all.
    expect(result.stderr).toBe(
      `nn-tui: ${file}: layers[0].neurons[0].bias: must be a finite number\n`,
    );
  });

  const usage: [string[], RegExp][] = [
    [['--grid', '3'], /--grid: '3' is not WIDTHxHEIGHT/],
    [['--range', '2:1'], /--range: the low end 2 must be below/],
    [
      ['--range', '-1e308:1e308'],
      /--range: '-1e308:1e308' must lie within -1000000:1000000/,
    ],
    [['--range', '0:1e-9'], /--range: '0:1e-9' .* span at least 0.000001/],
    [['--axes', 'x1,x9', '--print'], /--axes: 'x9' is not an input/],
    [['--neuron', '3:1', '--print'], /--neuron: there is no layer 3/],
    [['--lang', 'fr'], /--lang: 'fr' is not en or ja/],
    [['--input', '1e400,0', 'and'], /--input: '1e400' is too large/],
    [['--input', '0x10,0', 'and'], /--input: '0x10' is not a number/],
    [
      ['--input', '1,5,0', 'not'],
      /--input: 3 numbers where the network has 1 input \(x1\)/,
    ],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['and', 'or'], /one preset or file at a time/],
    [['no-such-lesson'], /no-such-lesson: no such preset or file/],
    [['--print', ''], /arguments: '' is an empty preset name/],
    [['--grid', '', '--print'], /--grid: '' is not WIDTHxHEIGHT/],
    [['--range', '', '--print'], /--range: '' is not LOW:HIGH/],
    [['--export', 'numpy', '--json'], /--json: does nothing with --export/],
    [['--export', 'numpy', '--input', '1,1'], /--input: does nothing with/],
    [['--export', 'numpy', '--hide', 'grid'], /--hide: does nothing with/],
    [['--list', '--json'], /--json: does nothing with --list\n$/],
    [['--list', '--train', '5'], /--train: does nothing with --list\n$/],
    [['--list', 'xor'], /--list: lists every lesson, so it takes no preset/],
    // Whole numbers are written in digits; a list says where it lacks one.
    [
      ['--print', '--lesson', '1e1'],
      /--lesson: '1e1' is not a whole number of 1 or more/,
    ],
    [
      ['--print', '--train', '2.0', 'and'],
      /--train: '2.0' is not a whole number from 1 to 1000000/,
    ],
    [['--input', '1,', 'and'], /--input: '1,' lacks a number\n$/],
    [
      ['--input', '-Infinity,1', 'and'],
      /--input: '-Infinity' is not a number\n$/,
    ],
    [
      ['--input', `${'9'.repeat(400)}x,1`, 'and'],
      /--input: '9{40}\.\.\.' is not a number\n$/,
    ],
    [
      ['--print', '--train', '0', 'and'],
      /--train: '0' is not a whole number from 1 to 1000000/,
    ],
    [
      ['--print', '--seed', '1.5', '--train', '2', 'and'],
      /--seed: '1\.5' is not a whole number from 0 to 65535\n$/,
    ],
    [
      ['--print', '--seed', '65536', '--train', '2', 'and'],
      /--seed: '65536' is not a whole number from 0 to 65535\n$/,
    ],
    [['--print', '--range=:'], /--range: ':' lacks a number\n$/],
    // What a mode would ignore is refused by name.
    [
      ['--print', '--rate', '3', 'xor-single'],
      /--rate: does nothing with --print unless --train is given/,
    ],
    [
      ['--export', 'numpy', '--seed', '2', 'xor-sigmoid'],
      /--seed: does nothing with --export numpy unless --train is given/,
    ],
    [['--json', '--grid', '9x5', 'and'], /--grid: does nothing with --json/],
    [['--json', '--locked', 'and'], /--locked: does nothing with --json/],
    [
      ['--input', '1,1', '--axes', 'x2,x1', 'and'],
      /--axes: does nothing with --input/,
    ],
    [['--print', '--locked', 'and'], /--locked: does nothing with --print/],
    // Named by the flag given: --train prints too.
    [
      ['--train', '5', '--locked', 'and'],
      /--locked: does nothing with --train\n$/,
    ],
    [
      ['--print', '--hide', 'notes', 'xor'],
      /--hide: notes: --print prints no notes/,
    ],
    // Escape sequences are shown, not sent to the terminal; long values
    // are cut after 40 characters.
    [
      ['--lang', '\u001b[2J'],
      /^nn-tui: --lang: '\\u001b\[2J' is not en or ja\n$/,
    ],
    [
      ['--print', '--axes', `x1,${'x'.repeat(500)}`],
      /--axes: 'x{40}\.\.\.' is not an input of this network \(x1, x2\)\n$/,
    ],
    [['--xx\u0007'], /Unknown option '--xx\\u0007'/],
  ];
  for (const [args, pattern] of usage) {
    it(`refuses ${args.join(' ')} with exit 2`, () => {
      const result = runCli(args);
      expect(result.code).toBe(2);
      expectOneErrorLine(result.stderr, pattern);
    });
  }
});

describe('not a terminal', () => {
  it('prints as --print does and says why on stderr', () => {
    const result = runCli(['xor'], { input: '\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(runCli(['--print', 'xor']).stdout);
    expectOneErrorLine(result.stderr, /not a terminal/);
  });

  it('draws the grid that --range and --axes ask for, as --print does', () => {
    const args = ['majority', '--range', '0:1', '--axes', 'x3,x1'];
    const result = runCli(args, { input: '\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(runCli(['--print', ...args]).stdout);
  });
});

describe('--train', () => {
  it('says every setting it trained with, the loss, batch and shuffle too', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-cli-'));
    const file = join(folder, 'xor-ce.json');
    const preset = builtInLessons().find((l) => l.name === 'xor-sigmoid')!;
    writeFileSync(
      file,
      JSON.stringify({
        inputs: preset.network.inputs,
        layers: preset.network.layers,
        targets: preset.targets,
        training: {
          rule: 'backprop',
          learningRate: 0.5,
          seed: 7,
          loss: 'cross-entropy',
          batch: 'full',
          shuffle: true,
        },
      }),
    );
    const result = runCli(['--print', file, '--train', '3']);

    expect(result.stdout.split('\n')[0]).toBe(
      'Trained with the backprop rule, learning rate 0.5, seed 7, init ' +
        'preset, cross-entropy, full batch, rows shuffled:',
    );
    expect(result.stdout.split('\n')[1]).toMatch(/^3 epochs, loss /);
  });

  it('--input after --train: the report, then the trained network on the input', () => {
    const plain = runCli(['--input', '1,1', 'xor-single']);
    const result = runCli(['--input', '1,1', '--train', '3', 'xor-single']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Trained with the perceptron rule, learning rate 1/,
    );
    expect(lines[1]).toBe('3 epochs, loss 0.25, 50% of rows right.');
    // After the report and a blank line, what --input prints, with the
    // trained weights: the sum at (1, 1) is no longer the preset's.
    const trace = lines.slice(lines.indexOf('') + 1);
    expect(trace[0]).toBe('xor-single: x1 = 1, x2 = 1');
    expect(trace[1]).toMatch(/^layer 1 \(step\): sums -2\.2/);
    expect(plain.stdout).toMatch(/^layer 1 \(step\): sums 0\.8/m);
    const json = JSON.parse(
      runCli(['--input', '1,1', '--train', '3', '--json', 'xor-single']).stdout,
    ) as { training: { epochs: number } };
    expect(json.training.epochs).toBe(3);
  });

  it('--input speaks Japanese with --lang ja', () => {
    const result = runCli(['--input', '1,0.5', '--lang', 'ja', 'three-layer']);
    expect(result.stdout).toContain(
      '第3層 (linear): 和 0.31682708 0.69627909、出力 0.31682708 0.69627909',
    );
    expect(result.stdout).toContain('出力: 0.31682708 0.69627909');
  });

  it('says what the perceptron rule used when --rule overrides backprop settings', () => {
    // The file asks backprop for cross-entropy and full batch; the
    // perceptron rule, chosen on the command line, has neither.
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-cli-'));
    const file = join(folder, 'and-ce.json');
    writeFileSync(
      file,
      JSON.stringify({
        inputs: ['x1', 'x2'],
        layers: [
          { activation: 'step', neurons: [{ weights: [0, 0], bias: 0 }] },
        ],
        targets: [[0], [0], [0], [1]],
        training: {
          rule: 'backprop',
          learningRate: 1,
          seed: 1,
          loss: 'cross-entropy',
          batch: 'full',
        },
      }),
    );
    const result = runCli([
      '--print',
      file,
      '--train',
      '20',
      '--rule',
      'perceptron',
    ]);

    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'Trained with the perceptron rule, learning rate 1, seed 1, init ' +
        'preset, squared error, online:',
      '6 epochs, loss 0, 100% of rows right.',
      'Converged: epoch 6 made no mistake, after 10 updates.',
    ]);
  });

  it('the perceptron rule from zero at rate 1 ends AND at (2, 1) and -2', () => {
    const result = runCli([
      '--print',
      '--json',
      'and',
      '--init',
      'zero',
      '--rate',
      '1',
      '--train',
      '10',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      layers: { neurons: { weights: number[]; bias: number }[] }[];
      training: { epochs: number; loss: number; converged: boolean };
    };
    expect(json.layers[0]?.neurons[0]?.weights).toEqual([2, 1]);
    expect(json.layers[0]?.neurons[0]?.bias).toBe(-2);
    expect(json.training).toMatchObject({
      epochs: 6,
      loss: 0,
      converged: true,
    });
  });

  it('xor-sigmoid with its own seed and rate learns 0 1 1 0', () => {
    const result = runCli(['--json', 'xor-sigmoid', '--train', '5000']);
    const json = JSON.parse(result.stdout) as {
      rows: Row[];
      training: { converged: boolean };
    };
    expect(json.rows.map((row) => Math.round(row.outputs[0] ?? NaN))).toEqual([
      0, 1, 1, 0,
    ]);
    expect(json.training.converged).toBe(true);
  });

  it('reports in Japanese with --lang ja, the outcome too', () => {
    const result = runCli([
      '--lang',
      'ja',
      '--print',
      '--train',
      '100',
      'xor-single',
    ]);
    const [settings, summary, outcome] = result.stdout.split('\n');
    expect(settings).toBe(
      '学習の設定: パーセプトロンの学習則、学習率 1、シード 1、init preset、' +
        '二乗誤差、オンライン:',
    );
    expect(summary).toBe('100 エポック、損失 0.25、50% の行が正解。');
    expect(outcome).toMatch(/^100 エポックで誤りのないエポックはありません/);
  });

  it('says why one perceptron never learns XOR', () => {
    const result = runCli(['--print', 'xor-single', '--train', '100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('not linearly separable');
  });

  it('refuses backprop on step neurons with a reason', () => {
    const result = runCli(['--print', 'xor', '--train', '5']);
    expect(result.code).toBe(2);
    expectOneErrorLine(result.stderr, /--train: Backprop cannot train step/);
  });

  it('refuses it in Japanese with --lang ja', () => {
    const result = runCli(['--print', 'xor', '--train', '5', '--lang', 'ja']);
    expect(result.code).toBe(2);
    expectOneErrorLine(
      result.stderr,
      /--train: 誤差逆伝播法ではステップニューロンを学習できません \(第1層が step\)/,
    );
  });

  it('refuses a learning rate that is not above 0', () => {
    const result = runCli(['--print', 'and', '--train', '5', '--rate=-1']);
    expect(result.code).toBe(2);
    expectOneErrorLine(result.stderr, /--rate: '-1' must be above 0/);
    const spaced = runCli(['--print', 'and', '--train', '5', '--rate', '-1']);
    expect(spaced.code).toBe(2);
    expectOneErrorLine(spaced.stderr, /--rate: '-1' must be above 0/);
  });
});

describe('--export numpy', () => {
  it('exports the weights --train reached, and says how in comments', () => {
    const trained = runCli([
      '--print',
      '--json',
      '--train',
      '5000',
      'xor-sigmoid',
    ]);
    const { layers } = JSON.parse(trained.stdout) as { layers: Layer[] };
    const result = runCli([
      '--export',
      'numpy',
      '--train',
      '5000',
      'xor-sigmoid',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toMatch(
      /^# Trained with the backprop rule, learning rate 0\.5/,
    );
    expect(lines[3]).toMatch(
      /^# 635 epochs, loss 0\.00997, 100% of rows right\.$/,
    );
    const [hidden, output] = layers;
    expect(result.stdout).toContain(
      `b1 = np.array([${hidden!.neurons.map((n) => n.bias).join(', ')}])`,
    );
    expect(result.stdout).toContain(
      `W2 = np.array([${output!.neurons[0]!.weights.map((w) => `[${w}]`).join(', ')}])`,
    );
  });
});

describe('negative values after an option', () => {
  it('reads --range -0.5:1.5 and --input -1,0.5 as the README writes them', () => {
    const range = runCli(['--print', 'xor', '--range', '-0.5:1.5']);
    expect(range.code).toBe(0);
    expect(range.stdout).toBe(runCli(['--print', 'xor']).stdout);
    const input = runCli(['--input', '-1,0.5', 'and']);
    expect(input.code).toBe(0);
    expect(input.stdout).toContain('x1 = -1, x2 = 0.5');
  });
});

describe('teaching flags', () => {
  it('--lesson K opens lesson K', () => {
    const result = runCli(['--print', '--lesson', '7']);
    expect(result.stdout).toMatch(/^xor \(7\/15\)/);
  });

  it('--hide leaves panels out to pose a question', () => {
    const result = runCli(['--print', 'and', '--hide', 'table,grid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('y = step(0.50*x1 + 0.50*x2 - 0.70)');
    expect(result.stdout).not.toContain('Truth table');
    expect(result.stdout).not.toContain('x1 x2 |');
    expect(result.stdout).not.toMatch(/^ +1 \|/m);
  });

  it('--hide given twice hides the panels of both', () => {
    const result = runCli([
      '--print',
      'and',
      '--hide',
      'table',
      '--hide',
      'grid',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('y = step(0.50*x1 + 0.50*x2 - 0.70)');
    expect(result.stdout).not.toContain('Truth table');
    expect(result.stdout).not.toContain('x1 x2 |');
  });

  it('refuses a lesson out of range, a panel it does not know, and both', () => {
    const outOfRange = runCli(['--lesson', '16']);
    expect(outOfRange.code).toBe(2);
    expectOneErrorLine(outOfRange.stderr, /--lesson: there are 15 lessons/);
    const unknown = runCli(['--hide', 'legend']);
    expectOneErrorLine(unknown.stderr, /--hide: 'legend' is not one of/);
    const both = runCli(['and', '--lesson', '2']);
    expectOneErrorLine(both.stderr, /--lesson: give a lesson number or/);
  });
});
