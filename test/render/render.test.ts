import { describe, expect, it } from 'vitest';
import { defaultGridOptions, sampleGrid } from '../../src/core/grid.js';
import type { Network } from '../../src/core/network.js';
import { truthTable } from '../../src/core/truth-table.js';
import { en } from '../../src/i18n/en.js';
import { formulaText } from '../../src/render/formula.js';
import { gridCells, renderGrid, RAMP } from '../../src/render/grid.js';
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

  it('marks a corner that misses its target with X', () => {
    const cells = gridCells(grid, AND, [[0], [1], [1], [1]]);
    expect(cells[4]?.[8]).toBe('X');
    expect(cells[12]?.[24]).toBe('X');
    expect(cells[4]?.[24]).toBe('1');
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
    expect(RAMP).toHaveLength(10);
    expect(cells[0]?.[32]).toBe('#');
    expect(cells[16]?.[0]).toBe('.');
    const marks = new Set(cells.flat());
    expect([...RAMP].filter((mark) => marks.has(mark)).length).toBeGreaterThan(
      5,
    );
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
    expect(boundaryNote(rows, OUTPUT, en)).toEqual([
      '* on the boundary: the weighted sum is 0',
    ]);
  });

  it('keeps the column of the * when no sum is on the boundary', () => {
    const near = single([1, 1], -1.99);
    const rows = truthTable(near);
    const lines = renderTable(near, rows, OUTPUT, en);
    // The header reaches the column of the *, and nothing is explained.
    expect(lines[0]).toBe('x1 x2 | y |  sum y');
    expect(lines[4]).toBe(' 1  1 | 1 |  0.01');
    expect(boundaryNote(rows, OUTPUT, en)).toEqual([]);
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
