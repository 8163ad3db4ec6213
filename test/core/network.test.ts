import { describe, expect, it } from 'vitest';
import { forward, type Network, predict } from '../../src/core/network.js';
import { binaryRows, truthTable } from '../../src/core/truth-table.js';
import { readCase } from '../cases.js';

interface Gate {
  weights: number[];
  bias: number;
  outputs: number[];
}

interface Book {
  gates: Record<'and' | 'nand' | 'or', Gate>;
  rowOrder: number[][];
  xor: { hiddenValues: number[][]; outputs: number[] };
  floatingPoint: { andSumAt11: number };
  threeLayer: {
    W1: number[][];
    b1: number[];
    W2: number[][];
    b2: number[];
    W3: number[][];
    b3: number[];
    input: number[];
    sum1: number[];
    out1: number[];
    out2: number[];
    output: number[];
  };
}

const book = readCase<Book>('book.json');

/** One step neuron with two inputs. */
function gate({ weights, bias }: Gate): Network {
  return {
    inputs: ['x1', 'x2'],
    stepRule: '>',
    layers: [{ activation: 'step', neurons: [{ weights, bias }] }],
  };
}

/** The book's x @ W matrices, turned into one neuron per column. */
function layerFromMatrix(
  matrix: number[][],
  biases: number[],
  activation: 'sigmoid' | 'linear',
) {
  return {
    activation,
    neurons: biases.map((bias, j) => ({
      weights: matrix.map((row) => row[j] ?? NaN),
      bias,
    })),
  };
}

describe('the book gates', () => {
  it('rows come in counting order with x1 most significant', () => {
    expect(binaryRows(2)).toEqual(book.rowOrder);
    expect(binaryRows(3)[3]).toEqual([0, 1, 1]);
  });

  for (const name of ['and', 'nand', 'or'] as const) {
    it(`${name} gives ${book.gates[name].outputs.join(' ')}`, () => {
      const network = gate(book.gates[name]);
      const outputs = binaryRows(2).map((x) => predict(network, x)[0]);
      expect(outputs).toEqual(book.gates[name].outputs);
    });
  }

  it('the AND sum at (1,1) is the float the book warns about', () => {
    const [values] = forward(gate(book.gates.and), [1, 1]);
    expect(values?.sums[0]).toBe(book.floatingPoint.andSumAt11);
  });

  it('adds the bias last, as w1*x1 + w2*x2 + b is written', () => {
    // 1e17 - 1e17 is 0 exactly, and 0 - 0.5 is -0.5; adding the bias
    // first gives -0.5 + 1e17 = 1e17 (the 0.5 is lost) and then 0.
    const network: Network = {
      inputs: ['x1', 'x2'],
      stepRule: '>=',
      layers: [
        {
          activation: 'step',
          neurons: [{ weights: [1e17, -1e17], bias: -0.5 }],
        },
      ],
    };
    const [values] = forward(network, [1, 1]);
    expect(values?.sums[0]).toBe(-0.5);
    // Below 0, so even a neuron that fires at 0 gives 0.
    expect(predict(network, [1, 1])).toEqual([0]);
  });
});

describe('XOR from NAND and OR into AND', () => {
  const network: Network = {
    inputs: ['x1', 'x2'],
    stepRule: '>',
    layers: [
      {
        activation: 'step',
        neurons: [book.gates.nand, book.gates.or],
      },
      { activation: 'step', neurons: [book.gates.and] },
    ],
  };

  it('has the hidden values and outputs of the book', () => {
    const rows = truthTable(network);
    expect(rows.map((row) => row.layers[0]?.outputs)).toEqual(
      book.xor.hiddenValues,
    );
    expect(rows.map((row) => row.outputs[0])).toEqual(book.xor.outputs);
  });
});

describe('the three-layer network of section 3.4', () => {
  const t = book.threeLayer;
  const network: Network = {
    inputs: ['x1', 'x2'],
    stepRule: '>',
    layers: [
      layerFromMatrix(t.W1, t.b1, 'sigmoid'),
      layerFromMatrix(t.W2, t.b2, 'sigmoid'),
      layerFromMatrix(t.W3, t.b3, 'linear'),
    ],
  };
  const values = forward(network, t.input);

  it('returns every layer, not only the last', () => {
    expect(values).toHaveLength(3);
  });

  it('matches every intermediate value to 1e-12', () => {
    const close = (actual: number[] | undefined, expected: number[]) => {
      expect(actual).toHaveLength(expected.length);
      expected.forEach((v, i) =>
        expect(Math.abs((actual?.[i] ?? NaN) - v)).toBeLessThan(1e-12),
      );
    };
    close(values[0]?.sums, t.sum1);
    close(values[0]?.outputs, t.out1);
    close(values[1]?.outputs, t.out2);
    close(values[2]?.outputs, t.output);
  });
});
