import { describe, expect, it } from 'vitest';
import { findLesson } from '../../src/preset/catalog.js';
import { KEY, openScreen } from './helpers.js';

describe('a window smaller than 80x24', () => {
  it('asks for a larger window in one line with both sizes', () => {
    const frame = openScreen({ columns: 79, rows: 24 }).frame();
    expect(frame.trimEnd()).toBe(
      'Please make the window at least 80x24 (now 79x24).',
    );
  });

  it('keeps both sizes in view when even that line is too wide', () => {
    const frame = openScreen({ columns: 40, rows: 10 }).frame();
    expect(frame.trimEnd()).toBe('80x24+ (40x10)');
  });

  it('shows the question q asks about unsaved changes, and takes its answer', async () => {
    const s = openScreen();
    await s.press('+');
    await s.resize(30, 8);
    // Other keys do nothing while the window is too small...
    expect(await s.press('+')).not.toContain('Unsaved');
    // ...but q asks, in view, and Esc goes back without quitting.
    const asked = await s.press('q');
    expect(asked.split('\n').slice(0, 5)).toEqual([
      '80x24+ (30x8)',
      'Unsaved changes in and: q or y',
      'quits without saving, any',
      'other key goes back.',
      '',
    ]);
    const back = await s.press(KEY.escape);
    expect(back.trimEnd()).toBe('80x24+ (30x8)');
    // The edit is still there: one + at 80x24, none while small.
    const whole = await s.resize(80, 24);
    expect(whole).toContain('x1[  0.60]');
    s.unmount();
  });
});

describe('notes that get no room', () => {
  it('say how tall a window shows them, until it is that tall', async () => {
    const s = openScreen({ lesson: 'three-layer' });
    const hint = 'This lesson has notes: a window 27 rows tall shows them.';
    expect(s.frame()).toContain(hint);
    expect(s.frame()).not.toContain("This is the book's three-layer");
    // One row short: a line of them, and still the hint.
    const short = await s.resize(80, 26);
    expect(short).toContain("This is the book's three-layer");
    expect(short).toContain(hint);
    const tall = await s.resize(80, 27);
    expect(tall).toContain("This is the book's three-layer");
    expect(tall).toContain('-- PgDn: more (lines 1-1 of 9) --');
    expect(tall).not.toContain('This lesson has notes');
    s.unmount();
  });

  it('say nothing for a lesson without notes', () => {
    // The blank lesson has none, and a 16-neuron layer leaves no room.
    const blank = findLesson('blank')!;
    const layer = blank.network.layers[0]!;
    const wide = {
      ...blank,
      notes: { en: '' },
      network: {
        ...blank.network,
        layers: [{ ...layer, neurons: Array(16).fill(layer.neurons[0]!) }],
      },
    };
    const s = openScreen({ lesson: wide });
    expect(s.frame()).not.toContain('This lesson has notes');
    s.unmount();
  });

  it('give way to a message', async () => {
    const s = openScreen({ lesson: 'three-layer' });
    const frame = await s.press('t');
    expect(frame).not.toContain('This lesson has notes');
    s.unmount();
  });
});
