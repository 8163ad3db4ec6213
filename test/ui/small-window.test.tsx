import { describe, expect, it } from 'vitest';
import { openScreen } from './helpers.js';

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
});
