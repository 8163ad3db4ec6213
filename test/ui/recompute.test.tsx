// The grid, the truth table and the formula are worked out again only
// when the network or the view changes: a frame that changes something
// else (here, a value being typed) reuses them. Counted by wrapping the
// functions that compute them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY, openScreen, type TestScreen } from './helpers.js';

const { calls, counted } = vi.hoisted(() => {
  const calls = { grid: 0, table: 0, formula: 0 };
  /** `compute`, counting its calls under `name`. */
  function counted<A extends unknown[], R>(
    name: keyof typeof calls,
    compute: (...args: A) => R,
  ): (...args: A) => R {
    return (...args) => {
      calls[name]++;
      return compute(...args);
    };
  }
  return { calls, counted };
});

vi.mock('../../src/core/grid.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/core/grid.js')>();
  return { ...original, sampleGrid: counted('grid', original.sampleGrid) };
});

vi.mock('../../src/core/truth-table.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/core/truth-table.js')>();
  return { ...original, truthTable: counted('table', original.truthTable) };
});

vi.mock('../../src/render/formula.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/render/formula.js')>();
  return {
    ...original,
    formulaText: counted('formula', original.formulaText),
  };
});

/** The calls so far, to compare before and after some keys. */
function callsSoFar() {
  return { ...calls };
}

describe('recomputing the grid, the table and the formula', () => {
  let screen: TestScreen;

  beforeEach(() => {
    screen = openScreen({ lesson: 'three-layer' });
  });

  afterEach(() => screen.unmount());

  it('does not happen while only a typed value changes', async () => {
    await screen.press('e');
    const before = callsSoFar();

    const frame = await screen.type('0.75');

    expect(frame).toContain('0.75');
    expect(callsSoFar()).toEqual(before);
  });

  it('happens once a nudge changes the network', async () => {
    const before = callsSoFar();

    await screen.press('+');

    const after = callsSoFar();
    expect(after.grid).toBeGreaterThan(before.grid);
    expect(after.table).toBeGreaterThan(before.table);
    expect(after.formula).toBeGreaterThan(before.formula);
  });

  it('happens when the view changes, and not again for a frame after it', async () => {
    const before = callsSoFar();

    await screen.press('g');
    const afterGrid = callsSoFar();
    await screen.press('e');
    await screen.press(KEY.escape);

    expect(afterGrid.grid).toBeGreaterThan(before.grid);
    expect(callsSoFar().grid).toBe(afterGrid.grid);
  });
});
