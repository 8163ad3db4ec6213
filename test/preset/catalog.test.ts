import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forward, type Network } from '../../src/core/network.js';
import { truthTable } from '../../src/core/truth-table.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import { loadPresetFile } from '../../src/preset/files.js';

const PRESETS = fileURLToPath(new URL('../../presets/', import.meta.url));
const BOOK = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/reference/book.json', import.meta.url)),
    'utf8',
  ),
) as {
  gates: Record<string, { weights: number[]; bias: number; outputs: number[] }>;
  rowOrder: number[][];
  xor: { hiddenValues: number[][]; outputs: number[] };
  threeLayer: {
    W1: number[][];
    b1: number[];
    W2: number[][];
    b2: number[];
    W3: number[][];
    b3: number[];
    activations: string[];
    input: number[];
    sum1: number[];
    out1: number[];
    out2: number[];
    output: number[];
  };
};

const ORDER = [
  'and',
  'nand',
  'or',
  'nor',
  'not',
  'xor-single',
  'xor',
  'xnor',
  'half-adder',
  'majority',
  'linear-collapse',
  'sigmoid-gates',
  'three-layer',
  'xor-sigmoid',
  'blank',
];

function lesson(name: string) {
  const found = findLesson(name);
  if (!found) throw new Error(`no built-in lesson ${name}`);
  return found;
}

/** Whether every row of the truth table matches the lesson's targets. */
function matchesTargets(name: string): boolean {
  const { network, targets } = lesson(name);
  return truthTable(network, targets).every((row) => row.isCorrect === true);
}

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => {
    expect(Math.abs((actual[i] ?? NaN) - value)).toBeLessThanOrEqual(1e-12);
  });
}

describe('the built-in lessons', () => {
  it('come in lesson order', () => {
    expect(builtInLessons().map((l) => l.name)).toEqual(ORDER);
    expect(builtInLessons().map((l) => l.order)).toEqual(
      ORDER.map((_, i) => i + 1),
    );
  });

  it('are exactly the files shipped in presets/', () => {
    const files = readdirSync(PRESETS)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...ORDER].sort());
  });

  it.each(ORDER)('%s loads from its file as bundled', (name) => {
    const fromFile = loadPresetFile(join(PRESETS, `${name}.json`));
    expect(fromFile).toEqual(lesson(name));
    expect(fromFile.name).toBe(name);
  });

  it.each(ORDER)('%s has an English and a Japanese title and notes', (name) => {
    const { title, notes } = lesson(name);
    for (const text of [title.en, title.ja, notes.en, notes.ja]) {
      expect(typeof text).toBe('string');
      expect(text?.trim().length).toBeGreaterThan(0);
    }
    // Japanese text is in Japanese, not a copy of the English.
    expect(title.ja).not.toBe(title.en);
    expect(notes.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // Notes of a lesson teach something: a few sentences.
    expect(notes.en.length).toBeGreaterThan(80);
  });

  const withTargets = ORDER.filter((name) => lesson(name).targets !== null);
  const learned = ['xor-single', 'xor-sigmoid'];

  it('give targets to every lesson with a right answer', () => {
    expect(withTargets).toEqual(
      expect.arrayContaining([
        'and',
        'nand',
        'or',
        'nor',
        'not',
        'xor-single',
        'xor',
        'xnor',
        'half-adder',
        'majority',
        'xor-sigmoid',
      ]),
    );
  });

  it.each(withTargets.filter((name) => !learned.includes(name)))(
    '%s matches its targets on every row',
    (name) => {
      expect(matchesTargets(name)).toBe(true);
    },
  );

  it('xor-single cannot match the XOR targets', () => {
    const { network, targets } = lesson('xor-single');
    expect(targets).toEqual([[0], [1], [1], [0]]);
    expect(network.layers).toHaveLength(1);
    expect(matchesTargets('xor-single')).toBe(false);
  });

  it('xor-sigmoid does not match XOR before it is trained', () => {
    const { network, targets } = lesson('xor-sigmoid');
    expect(targets).toEqual([[0], [1], [1], [0]]);
    expect(network.layers.map((layer) => layer.activation)).toEqual([
      'sigmoid',
      'sigmoid',
    ]);
    expect(network.layers.map((layer) => layer.neurons.length)).toEqual([2, 1]);
    expect(lesson('xor-sigmoid').training).toBeDefined();
    expect(matchesTargets('xor-sigmoid')).toBe(false);
  });
});

describe("the book's numbers", () => {
  it.each(['and', 'nand', 'or'])('%s has the book’s weights', (name) => {
    const gate = BOOK.gates[name];
    const { network } = lesson(name);
    expect(network.inputs).toHaveLength(2);
    expect(network.layers).toHaveLength(1);
    const neurons = network.layers[0]?.neurons ?? [];
    expect(neurons).toHaveLength(1);
    expect(neurons[0]?.weights).toEqual(gate?.weights);
    expect(neurons[0]?.bias).toBe(gate?.bias);
    expect(network.stepRule).toBe('>');
    const rows = truthTable(network);
    expect(rows.map((row) => row.inputs)).toEqual(BOOK.rowOrder);
    expect(rows.map((row) => row.outputs[0])).toEqual(gate?.outputs);
  });

  it('xor is NAND and OR into AND, with the book’s hidden values', () => {
    const { network } = lesson('xor');
    const [hidden, output] = network.layers;
    const book = BOOK.gates;
    expect(hidden?.neurons.map((n) => [n.weights, n.bias])).toEqual([
      [book.nand?.weights, book.nand?.bias],
      [book.or?.weights, book.or?.bias],
    ]);
    expect(output?.neurons.map((n) => [n.weights, n.bias])).toEqual([
      [book.and?.weights, book.and?.bias],
    ]);
    const rows = truthTable(network);
    expect(rows.map((row) => row.inputs)).toEqual(BOOK.rowOrder);
    expect(rows.map((row) => row.layers[0]?.outputs)).toEqual(
      BOOK.xor.hiddenValues,
    );
    expect(rows.map((row) => row.outputs[0])).toEqual(BOOK.xor.outputs);
  });

  it('three-layer holds the book’s matrices, one column per neuron', () => {
    const { network } = lesson('three-layer');
    const book = BOOK.threeLayer;
    const layers: [number[][], number[]][] = [
      [book.W1, book.b1],
      [book.W2, book.b2],
      [book.W3, book.b3],
    ];
    expect(network.layers.map((layer) => layer.activation)).toEqual(
      book.activations,
    );
    layers.forEach(([matrix, biases], l) => {
      const neurons = network.layers[l]?.neurons ?? [];
      expect(neurons).toHaveLength(biases.length);
      neurons.forEach((neuron, j) => {
        // The book computes X W: neuron j takes column j of W.
        expect(neuron.weights).toEqual(matrix.map((row) => row[j]));
        expect(neuron.bias).toBe(biases[j]);
      });
    });
  });

  it('three-layer at (1.0, 0.5) gives every value of the book to 1e-12', () => {
    const network: Network = lesson('three-layer').network;
    const book = BOOK.threeLayer;
    const values = forward(network, book.input);
    expect(values).toHaveLength(3);
    expectClose(values[0]?.sums ?? [], book.sum1);
    expectClose(values[0]?.outputs ?? [], book.out1);
    expectClose(values[1]?.outputs ?? [], book.out2);
    expectClose(values[2]?.outputs ?? [], book.output);
    // The output layer is the identity: its outputs are its sums.
    expectClose(values[2]?.sums ?? [], book.output);
    // The figures, to their eight decimals.
    const [y1, y2] = values[2]?.outputs ?? [];
    expect(y1).toBeCloseTo(0.31682708, 8);
    expect(y2).toBeCloseTo(0.69627909, 8);
  });
});
