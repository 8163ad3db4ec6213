import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/render/remembered.js';

describe('remembered', () => {
  it('computes each text once, null results included', () => {
    const asked: string[] = [];
    const lengthOrNull = remembered((text) => {
      asked.push(text);
      return text.length > 2 ? text.length : null;
    }, 10);

    expect([
      lengthOrNull('abc'),
      lengthOrNull('ab'),
      lengthOrNull('abc'),
    ]).toEqual([3, null, 3]);
    expect(lengthOrNull('ab')).toBeNull();
    expect(asked).toEqual(['abc', 'ab']);
  });

  it('starts afresh once it holds `max` results', () => {
    const asked: string[] = [];
    const upper = remembered((text) => {
      asked.push(text);
      return text.toUpperCase();
    }, 2);

    upper('a');
    upper('b');
    upper('c');
    upper('a');

    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
