import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { downsample, lossCurve } from '../../src/render/loss-curve.js';

describe('downsample', () => {
  it('keeps fewer values than the width as they are', () => {
    expect(downsample([0.25, 0.2, 0.1], 10)).toEqual([0.25, 0.2, 0.1]);
  });

  it('takes the mean of equal shares, in order', () => {
    expect(downsample([4, 2, 3, 1, 0, 0], 3)).toEqual([3, 2, 0]);
    expect(downsample([1, 2, 3, 4, 5], 2)).toEqual([1.5, 4]);
  });

  it('gives nothing for no width', () => {
    expect(downsample([1, 2], 0)).toEqual([]);
  });
});

describe('lossCurve', () => {
  it('draws 0 as the lowest block and the largest loss as the highest', () => {
    expect(lossCurve([0.25, 0.125, 0], 10)).toBe('█▄▁');
  });

  it('draws a history of 5000 epochs in exactly the width', () => {
    const history = Array.from({ length: 5001 }, (_, i) => 1 / (1 + i));
    const curve = lossCurve(history, 40);

    expect(stringWidth(curve)).toBe(40);
    expect(curve.startsWith('█')).toBe(true);
    expect(curve.endsWith('▁')).toBe(true);
  });

  it('never rises where the loss never rises', () => {
    const history = Array.from({ length: 300 }, (_, i) => 0.25 * 0.99 ** i);
    const curve = [...lossCurve(history, 30)];
    const heights = curve.map((block) => '▁▂▃▄▅▆▇█'.indexOf(block));

    expect(heights.every((h, i) => i === 0 || h <= heights[i - 1]!)).toBe(true);
  });

  it('draws a flat curve of zeros as the lowest block', () => {
    expect(lossCurve([0, 0, 0], 5)).toBe('▁▁▁');
  });

  it('is empty without room', () => {
    expect(lossCurve([0.25], 0)).toBe('');
  });
});
