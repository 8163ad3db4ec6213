import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/core/activation.js';
import { boundaryLine } from '../../src/core/boundary.js';
import { defaultGridOptions, sampleGrid } from '../../src/core/grid.js';
import type { Network } from '../../src/core/network.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import {
  boundaryText,
  lineCells,
  lineMark,
} from '../../src/render/boundary.js';
import { gridCells } from '../../src/render/grid.js';
import { whyLines } from '../../src/render/why.js';
import { findLesson } from '../../src/preset/catalog.js';
import { readCase } from '../cases.js';

type Gate = { weights: number[]; bias: number };
const book = readCase<{ gates: Record<'and' | 'nand' | 'or', Gate> }>(
  'book.json',
);

const single = ({ weights, bias }: Gate): Network => ({
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [{ activation: 'step', neurons: [{ weights, bias }] }],
});

const OUTPUT = { layer: 0, neuron: 0 };

const text = (gate: Gate) => {
  const network = single(gate);
  const line = boundaryLine(
    network,
    { layer: 0, neuron: 0 },
    defaultGridOptions(network),
  );
  return boundaryText(line, 'x1', 'x2', en);
};

describe('the boundary line in words and numbers', () => {
  it('for the book gates', () => {
    expect(text(book.gates.and)).toBe('boundary: x2 = 1.40 - 1.00*x1');
    expect(text(book.gates.nand)).toBe('boundary: x2 = 1.40 - 1.00*x1');
    expect(text(book.gates.or)).toBe('boundary: x2 = 0.40 - 1.00*x1');
  });

  it('leaves out an intercept of 0: the line through the origin', () => {
    expect(text({ weights: [1, 1], bias: 0 })).toBe('boundary: x2 = -1.00*x1');
    expect(text({ weights: [-1, 1], bias: 0 })).toBe('boundary: x2 = 1.00*x1');
    // A tiny intercept that is not 0 stays, to its first digit.
    expect(text({ weights: [1, 1], bias: 1e-5 })).toBe(
      'boundary: x2 = -1e-5 - 1.00*x1',
    );
  });

  it('says a level line without its 0.00 slope', () => {
    expect(text({ weights: [0, 1], bias: -0.3 })).toBe('boundary: x2 = 0.30');
    expect(text({ weights: [0, 1], bias: 0 })).toBe('boundary: x2 = 0.00');
  });

  it('solves for x1 when w1 / w2 overflows, as a line that steep is', () => {
    expect(text({ weights: [1e308, 0.5], bias: -1 })).toBe(
      'boundary: x1 = 0.00',
    );
  });

  it('solves for x1 when w2 is 0', () => {
    expect(text({ weights: [0.5, 0], bias: -0.25 })).toBe(
      'boundary: x1 = 0.50',
    );
  });

  it('says there is no line when both weights are 0', () => {
    expect(text({ weights: [0, 0], bias: 0.3 })).toBe(
      'no line: the sum has weight 0 on x1 and on x2, so it is the same everywhere',
    );
  });

  it('is a point over one input: x1 = 0.50 for NOT, or none, or not one', () => {
    const not = findLesson('not')!.network;
    const options = defaultGridOptions(not);
    expect(options.yAxis).toBeNull();
    const y = { layer: 0, neuron: 0 };
    const point = boundaryLine(not, y, options);
    // -1*x1 + 0.5 = 0 at x1 = 0.5.
    expect(point).toEqual({ kind: 'x', value: 0.5 });
    expect(boundaryText(point, 'x1', null, en)).toBe('boundary: x1 = 0.50');
    expect(boundaryText(point, 'x1', null, ja)).toBe('境界: x1 = 0.50');

    const flat: Network = {
      ...not,
      layers: [{ activation: 'step', neurons: [{ weights: [0], bias: 1 }] }],
    };
    const none = boundaryLine(flat, y, options);
    expect(boundaryText(none, 'x1', null, en)).toBe(
      'no boundary: the sum has weight 0 on x1, so it is the same everywhere',
    );
    expect(boundaryText(none, 'x1', null, en, true)).toBe(
      'no boundary: x1 has weight 0',
    );

    const deeper: Network = {
      ...not,
      layers: [
        not.layers[0]!,
        { activation: 'step', neurons: [{ weights: [1], bias: 0 }] },
      ],
    };
    const bent = boundaryLine(deeper, { layer: 1, neuron: 0 }, options);
    expect(boundaryText(bent, 'x1', null, en)).toBe(
      'boundary: in general not one point (layer 1 is step)',
    );
  });

  it('says there is no line when linear layers cancel both inputs out', () => {
    // h1 = x1 - x2 and h2 = x2 - x1, so y = h1 + h2 + 0.5 is 0.5 everywhere
    // though none of y's own weights is 0.
    const network: Network = {
      inputs: ['x1', 'x2'],
      stepRule: '>',
      layers: [
        {
          activation: 'linear',
          neurons: [
            { weights: [1, -1], bias: 0 },
            { weights: [-1, 1], bias: 0 },
          ],
        },
        { activation: 'step', neurons: [{ weights: [1, 1], bias: 0.5 }] },
      ],
    };
    const line = boundaryLine(
      network,
      { layer: 1, neuron: 0 },
      defaultGridOptions(network),
    );
    expect(line).toEqual({ kind: 'none' });
    expect(boundaryText(line, 'x1', 'x2', en, true)).toBe(
      'no line: x1 and x2 have weight 0',
    );
    expect(boundaryText(line, 'x1', 'x2', ja, true)).toBe(
      '直線なし: x1 と x2 の重みが 0',
    );
  });

  it('has no single line for a neuron of a later layer', () => {
    const network: Network = {
      ...single(book.gates.and),
      layers: [
        { activation: 'step', neurons: [book.gates.nand, book.gates.or] },
        { activation: 'step', neurons: [book.gates.and] },
      ],
    };
    const line = boundaryLine(
      network,
      { layer: 1, neuron: 0 },
      defaultGridOptions(network),
    );
    expect(line).toEqual({
      kind: 'not-straight',
      layer: 0,
      activation: 'step',
    });
    expect(boundaryText(line, 'x1', 'x2', en)).toBe(
      'boundary: in general not one straight line (layer 1 is step)',
    );
    expect(boundaryText(line, 'x1', 'x2', ja)).toBe(
      '境界線: 一般には 1 本の直線ではない (第1層が step)',
    );
    expect(boundaryText(line, 'x1', 'x2', en, true)).toBe(
      'boundary: in general not one line',
    );
  });

  it('is one line for a neuron after linear layers: the layers collapse', () => {
    // The linear-collapse lesson: y = 2*h1 + h2 + 0.5 is
    // 2.5*x1 - x2 + 0.5, zero on x2 = 0.5 + 2.5*x1.
    const network = findLesson('linear-collapse')!.network;
    const y = { layer: 1, neuron: 0 };
    const line = boundaryLine(network, y, defaultGridOptions(network));
    expect(line).toEqual({ kind: 'y', intercept: 0.5, slope: 2.5 });
    expect(boundaryText(line, 'x1', 'x2', en)).toBe(
      'boundary: x2 = 0.50 + 2.50*x1',
    );
  });

  it('is one line for any neuron whose layers before it are linear', () => {
    // Layer 2 reads h1 = x1 - x2 + 0.5 and h2 = 0.5*x1 + x2 - 1: its sum
    // h1 + h2 = 1.5*x1 - 0.5 is 0 at x1 = 1/3, whatever its activation.
    const network = findLesson('linear-collapse')!.network;
    for (const activation of ACTIVATION_NAMES) {
      const layers = [
        network.layers[0]!,
        { activation, neurons: [{ weights: [1, 1], bias: 0 }] },
      ];
      const line = boundaryLine(
        { ...network, layers },
        { layer: 1, neuron: 0 },
        defaultGridOptions(network),
      );
      expect(line).toEqual({ kind: 'x', value: 0.5 / 1.5 });
    }
  });

  it('names the layer that bends it after relu, tanh or sigmoid', () => {
    const network = findLesson('linear-collapse')!.network;
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const layers = [
        network.layers[0]!,
        { ...network.layers[1]!, activation },
        { activation: 'linear' as const, neurons: [{ weights: [1], bias: 0 }] },
      ];
      const line = boundaryLine(
        { ...network, layers },
        { layer: 2, neuron: 0 },
        defaultGridOptions(network),
      );
      expect(boundaryText(line, 'x1', 'x2', en)).toBe(
        `boundary: in general not one straight line (layer 2 is ${activation})`,
      );
    }
  });

  it('moves with inputs held fixed', () => {
    const network: Network = {
      inputs: ['x1', 'x2', 'x3'],
      stepRule: '>',
      layers: [
        { activation: 'step', neurons: [{ weights: [1, 1, 1], bias: -1.5 }] },
      ],
    };
    const options = { ...defaultGridOptions(network), fixed: [0, 0, 1] };
    const line = boundaryLine(network, { layer: 0, neuron: 0 }, options);
    expect(line).toEqual({ kind: 'y', intercept: 0.5, slope: -1 });
  });

  it('is drawn through the cells where the output changes', () => {
    const network = single(book.gates.or);
    const grid = sampleGrid(network, defaultGridOptions(network));
    const line = boundaryLine(network, { layer: 0, neuron: 0 }, grid.options);
    const cells = lineCells(grid, line);
    // x2 = 0.4 - x1 passes (x1, x2) = (0.4, 0): row 12, column 8 + 6.4.
    expect(cells).toContainEqual([12, 14]);
    for (const [row, column] of cells) {
      const x = grid.xs[column] ?? NaN;
      const y = grid.ys[row] ?? NaN;
      expect(Math.abs(y - (0.4 - x))).toBeLessThanOrEqual(0.126);
    }
  });
});

describe('the mark of a boundary line', () => {
  const at = (gate: Gate, size?: { width: number; height: number }) => {
    const network = single(gate);
    const grid = sampleGrid(network, {
      ...defaultGridOptions(network),
      ...size,
    });
    return lineMark(boundaryLine(network, OUTPUT, grid.options), grid);
  };

  it('keeps the book gates diagonal: 45 degrees on the 33x17 grid', () => {
    expect(at(book.gates.and)).toBe('\\');
    expect(at(book.gates.nand)).toBe('\\');
    expect(at(book.gates.or)).toBe('\\');
  });

  it('follows the slope on screen, a cell twice as tall as wide', () => {
    // On 33x17 over -0.5..1.5 a column is 1/16 wide and a row 1/8 tall,
    // and a row is two columns high on screen: slope s looks like s.
    const slope = (s: number) => at({ weights: [-s, 1], bias: 0 });
    expect(slope(0)).toBe('-');
    expect(slope(0.01)).toBe('-');
    expect(slope(-0.01)).toBe('-');
    // The nearest mark: - at 0 degrees, / and \ at 63, | at 90.
    expect(slope(0.61)).toBe('-');
    expect(slope(0.63)).toBe('/');
    expect(slope(-0.63)).toBe('\\');
    expect(slope(2.5)).toBe('/');
    expect(slope(4.2)).toBe('/');
    expect(slope(-4.3)).toBe('|');
    expect(slope(100)).toBe('|');
  });

  it('draws nearly flat and nearly upright lines as - and |', () => {
    expect(at({ weights: [0.01, 1], bias: -0.5 })).toBe('-');
    expect(at({ weights: [1, 0.01], bias: -0.5 })).toBe('|');
    expect(at({ weights: [0, 1], bias: -0.5 })).toBe('-');
    expect(at({ weights: [1, 0], bias: -0.5 })).toBe('|');
  });

  it('takes the size of the cells into account', () => {
    // Slope 0.4 is 22 degrees on 33x17, 39 degrees on 33x33 (rows half as
    // tall in input units); slope 2 is 76 and 83 degrees on 17x17 and 9x17.
    const gentle = { weights: [-0.4, 1], bias: 0 };
    expect(at(gentle)).toBe('-');
    expect(at(gentle, { width: 33, height: 33 })).toBe('/');
    const steep = { weights: [-2, 1], bias: 0 };
    expect(at(steep, { width: 17, height: 17 })).toBe('/');
    expect(at(steep, { width: 9, height: 17 })).toBe('|');
  });

  it('draws a whole row of - for weights (0.01, 1)', () => {
    const network = single({ weights: [0.01, 1], bias: -0.5 });
    const grid = sampleGrid(network, defaultGridOptions(network));
    const line = boundaryLine(network, OUTPUT, grid.options);
    const cells = gridCells(grid, network, null, line);
    expect(cells[8]?.join('')).toBe('-'.repeat(33));
  });
});

describe('why one neuron cannot learn XOR', () => {
  const xorTargets = [[0], [1], [1], [0]];

  it('lists the four inequalities and the contradiction', () => {
    const lines = whyLines(single(book.gates.or), xorTargets, en) ?? [];
    expect(lines.slice(1, 5)).toEqual([
      '  (0,0) -> 0:  b <= 0   now -0.20: holds',
      '  (0,1) -> 1:  w2 + b > 0   now 0.30: holds',
      '  (1,0) -> 1:  w1 + b > 0   now 0.30: holds',
      '  (1,1) -> 0:  w1 + w2 + b <= 0   now 0.80: fails',
    ]);
    expect(lines[5]).toBe('Adding the two middle rows: w1 + w2 + 2b > 0.');
    expect(lines[6]).toBe('Adding the first and the last: w1 + w2 + 2b <= 0.');
    expect(lines[7]).toMatch(/^Both cannot be true/);
  });

  it('turns the inequalities around under the >= rule', () => {
    const network = { ...single(book.gates.or), stepRule: '>=' as const };
    const lines = whyLines(network, xorTargets, en) ?? [];
    expect(lines[1]).toContain('b < 0');
    expect(lines[2]).toContain('w2 + b >= 0');
  });

  it('says a line exists for AND', () => {
    const lines = whyLines(single(book.gates.and), [[0], [0], [0], [1]], en);
    expect(lines?.at(-1)).toMatch(/some straight line splits/);
  });

  it('has nothing to say about two layers or no targets', () => {
    expect(whyLines(single(book.gates.and), null, en)).toBeNull();
  });

  it('speaks Japanese', () => {
    const lines = whyLines(single(book.gates.or), xorTargets, ja) ?? [];
    expect(lines[4]).toContain('不成立');
  });
});
