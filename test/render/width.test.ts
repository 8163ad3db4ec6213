import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';

describe('displayWidth', () => {
  it('counts plain ASCII one column a character', () => {
    expect(displayWidth('x1 x2 | y')).toBe(9);
    expect(displayWidth('')).toBe(0);
  });

  it('counts a Japanese character as two columns', () => {
    expect(displayWidth('正解')).toBe(4);
    expect(displayWidth('和 y')).toBe(4);
  });

  it('does not count colour codes', () => {
    expect(displayWidth('\u001b[31mX\u001b[39m')).toBe(1);
  });
});
