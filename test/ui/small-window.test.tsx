import { describe, expect, it } from 'vitest';
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
