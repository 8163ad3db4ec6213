import { describe, expect, it } from 'vitest';
import { boundaryLine } from '../../src/core/boundary.js';
import { defaultGridOptions, sampleGrid } from '../../src/core/grid.js';
import type { Network } from '../../src/core/network.js';
import { truthTable } from '../../src/core/truth-table.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { formulaText } from '../../src/render/formula.js';
import {
  gridCells,
  gridLegend,
  renderGrid,
  RAMP,
} from '../../src/render/grid.js';
import { renderNetwork } from '../../src/render/network.js';
import { boundaryNote, renderTable } from '../../src/render/table.js';

const single = (
  weights: number[],
  bias: number,
  activation: 'step' | 'sigmoid' | 'linear' = 'step',
): Network => ({
  inputs: ['x1', 'x2'],
  stepRule: '>',
  layers: [{ activation, neurons: [{ weights, bias }] }],
});

const AND = single([0.5, 0.5], -0.7);
const OUTPUT = { layer: 0, neuron: 0 };

describe('formulaText', () => {
  it('writes the book AND with its numbers', () => {
    expect(formulaText(AND, OUTPUT)).toBe('y = step(0.50*x1 + 0.50*x2 - 0.70)');
  });

  it('calls a lone output out when an input is named y', () => {
    const network: Network = { ...AND, inputs: ['x', 'y'] };
    expect(formulaText(network, OUTPUT)).toBe(
      'out = step(0.50*x + 0.50*y - 0.70)',
    );
  });

  it('writes a leading negative weight with its sign', () => {
    expect(formulaText(single([-0.5, -0.5], 0.7), OUTPUT)).toBe(
      'y = step(-0.50*x1 - 0.50*x2 + 0.70)',
    );
  });

  it('names hidden values by their labels', () => {
    const network: Network = {
      ...AND,
      layers: [
        {
          activation: 'step',
          neurons: [
            { label: 's1 NAND', weights: [-0.5, -0.5], bias: 0.7 },
            { label: 's2 OR', weights: [0.5, 0.5], bias: -0.2 },
          ],
        },
        {
          activation: 'step',
          neurons: [{ label: 'y AND', weights: [0.5, 0.5], bias: -0.7 }],
        },
      ],
    };
    expect(formulaText(network, { layer: 1, neuron: 0 })).toBe(
      'y = step(0.50*s1 + 0.50*s2 - 0.70)',
    );
    expect(formulaText(network, { layer: 0, neuron: 0 })).toBe(
      's1 = step(-0.50*x1 - 0.50*x2 + 0.70)',
    );
  });
});

describe('renderGrid', () => {
  const grid = sampleGrid(AND, defaultGridOptions(AND));

  it('draws # for 1 and . for 0 with the corners marked', () => {
    const cells = gridCells(grid, AND, [[0], [0], [0], [1]]);
    expect(cells[4]?.[24]).toBe('1');
    expect(cells[12]?.[8]).toBe('0');
    expect(cells[0]?.[32]).toBe('#');
    expect(cells[16]?.[0]).toBe('.');
  });

  it('labels the rows and columns nearest 0 and 1 with 0 and 1', () => {
    // 34 columns over -0.5..1.5 fall at -0.02 and 1.03, not at 0 and 1;
    // the labels name the values they stand for, as the points do.
    const options = { ...defaultGridOptions(AND), width: 34, height: 18 };
    const lines = renderGrid(sampleGrid(AND, options), AND, null, en);
    const rows = lines.slice(1, 19);
    const labels = rows.map((line) => line.split('|')[0]!.trim());
    expect(labels.filter(Boolean)).toEqual(['1.5', '1', '0', '-0.5']);
    const axis = lines.find((line) => line.endsWith('x1'))!;
    expect(axis.trim().split(/\s+/)).toEqual(['-0.5', '0', '1', '1.5', 'x1']);
  });

  it('labels no row or column with 0 or 1 that falls between cells', () => {
    const labelsOf = (width: number, height: number) => {
      const options = { ...defaultGridOptions(AND), width, height };
      const lines = renderGrid(sampleGrid(AND, options), AND, null, en);
      const rows = lines.slice(1, 1 + height);
      const axis = lines.find((line) => line.endsWith('x1'))!;
      return {
        rows: rows.map((line) => line.split('|')[0]!.trim()),
        axis: axis.trim().split(/\s+/),
      };
    };
    // Rows at 1.5, 0.5 and -0.5: 0 and 1 lie between them.
    expect(labelsOf(5, 3).rows).toEqual(['1.5', '', '-0.5']);
    // Two columns, -0.5 and 1.5: their own values, not 0 and 1.
    expect(labelsOf(2, 2)).toEqual({
      rows: ['1.5', '-0.5'],
      axis: ['-0.5', 'x1'],
    });
  });

  it('marks a corner that misses its target with X', () => {
    const cells = gridCells(grid, AND, [[0], [1], [1], [1]]);
    expect(cells[4]?.[8]).toBe('X');
    expect(cells[12]?.[24]).toBe('X');
    expect(cells[4]?.[24]).toBe('1');
  });

  it('marks a point by the output at the point, not at its cell', () => {
    // 4x4 on -0.5..1.5 samples -0.5, 0.17, 0.83 and 1.5: the cell of (0,0)
    // is sampled at (0.17, 0.17), where x1 + x2 - 0.1 = 0.23 fires, but at
    // (0,0) itself the sum is -0.1: the point is 0, and right.
    const or = single([1, 1], -0.1);
    const options = { ...defaultGridOptions(or), width: 4, height: 4 };
    const cells = gridCells(sampleGrid(or, options), or, [[0], [1], [1], [1]]);
    expect(cells.map((row) => row.join(''))).toEqual([
      '####',
      '#11#',
      '.01#',
      '..##',
    ]);
  });

  it('marks four points in one cell as right when the table is', () => {
    // 3x3 on -1..2 puts all four points in the middle cell, sampled at
    // (0.5, 0.5) where AND gives 0; the table has 4/4 right.
    const options = { ...defaultGridOptions(AND), range: [-1, 2] as const };
    const small = { ...options, width: 3, height: 3 };
    const cells = gridCells(sampleGrid(AND, small), AND, [[0], [0], [0], [1]]);
    expect(cells.map((row) => row.join(''))).toEqual(['.##', '.1#', '...']);
    const wide = { ...options, range: [-100, 100] as const, width: 5 };
    const wideCells = gridCells(sampleGrid(AND, { ...wide, height: 3 }), AND, [
      [0],
      [0],
      [0],
      [1],
    ]);
    expect(wideCells[1]?.join('')).toBe('..1##');
  });

  it('shows X in a shared cell when any of its points misses', () => {
    const options = { ...defaultGridOptions(AND), range: [-1, 2] as const };
    const small = { ...options, width: 3, height: 3 };
    // Only (0,0) misses: it comes first, and the right points after it
    // do not hide it.
    const cells = gridCells(sampleGrid(AND, small), AND, [[1], [0], [0], [1]]);
    expect(cells[1]?.[1]).toBe('X');
  });

  it('labels both axes and the ticks 0 and 1', () => {
    const lines = renderGrid(grid, AND, null, en);
    expect(lines[0]?.trim()).toBe('x2');
    expect(lines[5]).toMatch(/^ +1 \|/);
    expect(lines[13]).toMatch(/^ +0 \|/);
    const ticks = lines[19] ?? '';
    expect(ticks.trimEnd().endsWith('x1')).toBe(true);
    // The tick "1" stands under column 24 of the cells.
    const cellsStart = (lines[5] ?? '').indexOf('|') + 1;
    expect(ticks[cellsStart + 24]).toBe('1');
    expect(ticks[cellsStart + 8]).toBe('0');
  });

  it('uses the ten-step ramp for smooth outputs', () => {
    const smooth = single([20, 20], -30, 'sigmoid');
    const cells = gridCells(
      sampleGrid(smooth, defaultGridOptions(smooth)),
      smooth,
      null,
    );
    expect(RAMP).toBe('.,:;=+*%@#');
    expect(cells[0]?.[32]).toBe('#');
    expect(cells[16]?.[0]).toBe('.');
    const marks = new Set(cells.flat());
    expect([...RAMP].filter((mark) => marks.has(mark)).length).toBeGreaterThan(
      5,
    );
  });

  it('shades with no mark of a boundary line or of a point', () => {
    expect([...RAMP].filter((mark) => '-|/\\01X?'.includes(mark))).toEqual([]);
  });

  it('keeps the boundary of a smooth neuron apart from its shading', () => {
    // sigmoid(5*x2 - 2.5): the line is x2 = 0.5 (row 8), and the row
    // under it, at 0.375, is 0.35, which the old ramp shaded with -.
    const smooth = single([0, 5], -2.5, 'sigmoid');
    const grid = sampleGrid(smooth, defaultGridOptions(smooth));
    const line = boundaryLine(smooth, OUTPUT, grid.options);
    const rows = gridCells(grid, smooth, null, line).map((row) => row.join(''));
    expect(rows[8]).toBe('-'.repeat(33));
    expect(rows[9]).toBe(';'.repeat(33));
    expect(rows.filter((row) => row.includes('-'))).toEqual([rows[8]]);
  });

  it('shows the ramp it shades with in the legend, in both languages', () => {
    const smooth = single([20, 20], -30, 'sigmoid');
    const grid = sampleGrid(smooth, defaultGridOptions(smooth));
    expect(gridLegend(grid, smooth, null, en)).toEqual([
      '.,:;=+*%@# from 0.00 to 1.00   0/1 the output at a truth-table point',
    ]);
    expect(gridLegend(grid, smooth, null, ja)).toEqual([
      '.,:;=+*%@# 0.00 から 1.00   0/1 真理値表の点での出力',
    ]);
  });

  it('marks values that are not finite with ?', () => {
    const huge = single([1e308, 1e308], 0, 'linear');
    const cells = gridCells(
      sampleGrid(huge, defaultGridOptions(huge)),
      huge,
      null,
    );
    expect(cells[0]?.[32]).toBe('?');
  });
});

describe('renderTable', () => {
  it('shows inputs, output, target, a mark and the weighted sum', () => {
    const rows = truthTable(AND, [[0], [0], [0], [1]]);
    const lines = renderTable(AND, rows, OUTPUT, en);
    expect(lines[0]).toBe('x1 x2 | y | target    |  sum y');
    expect(lines[4]).toBe(' 1  1 | 1 |      1 ok |  0.30');
  });

  it('marks a sum on the boundary, and boundaryNote explains the mark', () => {
    const network = single([1, 1], -2);
    const rows = truthTable(network);
    const lines = renderTable(network, rows, OUTPUT, en);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe(' 1  1 | 0 |  0.00*');
    expect(boundaryNote(rows, OUTPUT, '>', en)).toEqual([
      '* on the boundary: the weighted sum is 0, where a step neuron gives 0 ' +
        '(it fires when z > 0)',
    ]);
    expect(boundaryNote(rows, OUTPUT, '>=', en)).toEqual([
      '* on the boundary: the weighted sum is 0, where a step neuron gives 1 ' +
        '(it fires when z >= 0)',
    ]);
  });

  it('keeps the column of the * when no sum is on the boundary', () => {
    const near = single([1, 1], -1.99);
    const rows = truthTable(near);
    const lines = renderTable(near, rows, OUTPUT, en);
    // The header reaches the column of the *, and nothing is explained.
    expect(lines[0]).toBe('x1 x2 | y |  sum y');
    expect(lines[4]).toBe(' 1  1 | 1 |  0.01');
    expect(boundaryNote(rows, OUTPUT, '>', en)).toEqual([]);
  });

  /** One linear neuron whose output is its bias on every row. */
  const constant = (bias: number): Network => ({
    ...single([0, 0], bias),
    layers: [{ activation: 'linear', neurons: [{ weights: [0, 0], bias }] }],
  });
  const AND_TARGETS = [[0], [0], [0], [1]];

  it('shows which side of 0.5 an output that rounds to 0.50 is on', () => {
    // 0.4987 is right for a target of 0 and wrong for 1; 0.50 would not
    // say why.
    const below = renderTable(
      constant(0.4987),
      truthTable(constant(0.4987), AND_TARGETS),
      OUTPUT,
      en,
    );
    expect(below[1]).toBe(' 0  0 | 0.499 |      0 ok | 0.50');
    expect(below[4]).toBe(' 1  1 | 0.499 |      1  X | 0.50');
    const above = truthTable(constant(0.50002), AND_TARGETS);
    expect(renderTable(constant(0.50002), above, OUTPUT, en)[1]).toBe(
      ' 0  0 | 0.50002 |      0  X | 0.50',
    );
    // Nearer still, as many decimals as it takes (sigmoid of -1e-12).
    const tiny = constant(0.5 - 2.5e-13);
    expect(
      renderTable(tiny, truthTable(tiny, AND_TARGETS), OUTPUT, en)[1],
    ).toBe(' 0  0 | 0.4999999999997 |      0 ok | 0.50');
    // 0.5 itself is wrong for both, and shows as it is.
    const half = truthTable(constant(0.5), AND_TARGETS);
    expect(renderTable(constant(0.5), half, OUTPUT, en)[4]).toBe(
      ' 1  1 | 0.50 |      1  X | 0.50',
    );
  });

  it('keeps the mark column as wide as ok when every row is X', () => {
    const wrong = truthTable(constant(0.7), [[0], [0], [0], [0]]);
    const lines = renderTable(constant(0.7), wrong, OUTPUT, en);
    expect(lines[0]).toBe('x1 x2 |    y | target    | sum y');
    expect(lines[1]).toBe(' 0  0 | 0.70 |      0  X | 0.70');
  });
});

describe('renderNetwork', () => {
  it('brackets the selected value and points at its neuron', () => {
    const lines = renderNetwork(AND, en, {
      layer: 0,
      neuron: 0,
      value: 'bias',
    });
    expect(lines).toEqual([
      'Layer 1 (step)',
      '> y: x1   0.50  x2   0.50  b[ -0.70]',
    ]);
  });

  it('calls the bias "bias" where an input is named b', () => {
    const ab = { ...AND, inputs: ['a', 'b'] };
    expect(renderNetwork(ab, en)).toEqual([
      'Layer 1 (step)',
      '  y: a   0.50  b   0.50  bias  -0.70',
    ]);
  });
});
