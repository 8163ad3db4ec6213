// The grid, the truth table and the formula are worked out again only
// when the network or the view changes: a frame that changes something
// else (here, a value being typed) reuses them. Counted by wrapping the
// functions that compute them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY, openScreen, type TestScreen } from './helpers.js';

const calls = vi.hoisted(() => ({ grid: 0, table: 0, formula: 0 }));

vi.mock('../../src/core/grid.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/core/grid.js')>();
  return {
    ...original,
    sampleGrid: (...args: Parameters<typeof original.sampleGrid>) => {
      calls.grid++;
      return original.sampleGrid(...args);
    },
  };
});

vi.mock('../../src/core/truth-table.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/core/truth-table.js')>();
  return {
    ...original,
    truthTable: (...args: Parameters<typeof original.truthTable>) => {
      calls.table++;
      return original.truthTable(...args);
    },
  };
});

vi.mock('../../src/render/formula.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src/render/formula.js')>();
  return {
    ...original,
    formulaText: (...args: Parameters<typeof original.formulaText>) => {
      calls.formula++;
      return original.formulaText(...args);
    },
  };
});

/** The calls so far, to compare before and after some keys. */
function counted() {
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
    const before = counted();

    const frame = await screen.type('0.75');

    expect(frame).toContain('0.75');
    expect(counted()).toEqual(before);
  });

  it('happens once a nudge changes the network', async () => {
    const before = counted();

    await screen.press('+');

    const after = counted();
    expect(after.grid).toBeGreaterThan(before.grid);
    expect(after.table).toBeGreaterThan(before.table);
    expect(after.formula).toBeGreaterThan(before.formula);
  });

  it('happens when the view changes, and not again for a frame after it', async () => {
    const before = counted();

    await screen.press('g');
    const afterGrid = counted();
    await screen.press('e');
    await screen.press(KEY.escape);

    expect(afterGrid.grid).toBeGreaterThan(before.grid);
    expect(counted().grid).toBe(afterGrid.grid);
  });
});
