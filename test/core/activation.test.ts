import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  isOnBoundary,
  nextActivation,
  sigmoid,
  step,
} from '../../src/core/activation.js';

describe('step', () => {
  it('gives 1 only above zero under the book rule', () => {
    expect(step(0.3)).toBe(1);
    expect(step(-0.2)).toBe(0);
    expect(step(0)).toBe(0);
  });

  it('counts a floating-point near zero as exactly zero', () => {
    const sum = 0.1 * 1 + 0.2 * 1 - 0.3;
    expect(sum).toBeCloseTo(5.55e-17, 18);
    expect(isOnBoundary(sum)).toBe(true);
    expect(step(sum)).toBe(0);
    expect(step(sum, '>=')).toBe(1);
  });

  it('gives 1 at zero under the >= rule and 0 below it', () => {
    expect(step(0, '>=')).toBe(1);
    expect(step(-1e-8, '>=')).toBe(0);
    expect(step(2e-9)).toBe(1);
  });
});

describe('sigmoid', () => {
  it('is 0.5 at zero and exact at the book value', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(0.3)).toBeCloseTo(0.574442516811659, 15);
  });

  it('stays finite at +-1000, derivative included', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(ACTIVATIONS.sigmoid.derivative(1000)).toBe(0);
    expect(ACTIVATIONS.sigmoid.derivative(-1000)).toBe(0);
    expect(Number.isNaN(sigmoid(-1000))).toBe(false);
  });

  it('is symmetric: sigmoid(-z) = 1 - sigmoid(z)', () => {
    for (const z of [0.1, 1, 5, 30]) {
      expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 15);
    }
  });
});

describe('derivatives', () => {
  const h = 1e-6;
  const points = [-2, -0.5, 0.3, 1.7];

  for (const name of ACTIVATION_NAMES.filter((n) => n !== 'step')) {
    it(`${name}: the derivative matches a central difference`, () => {
      const { output, derivative } = ACTIVATIONS[name];
      for (const z of points) {
        const numeric = (output(z + h) - output(z - h)) / (2 * h);
        expect(Math.abs(derivative(z) - numeric)).toBeLessThan(1e-8);
      }
    });
  }

  for (const name of ACTIVATION_NAMES) {
    it(`${name}: the derivative from the output is the derivative from the sum`, () => {
      const { output, derivative, derivativeFromOutput } = ACTIVATIONS[name];
      for (const z of [...points, 0, -1000, 1000]) {
        expect(derivativeFromOutput(output(z))).toBe(derivative(z));
      }
    });
  }

  it('relu is 0 below zero and passes positive sums', () => {
    expect(ACTIVATIONS.relu.output(-1)).toBe(0);
    expect(ACTIVATIONS.relu.output(2.5)).toBe(2.5);
  });

  it('step cannot be trained through', () => {
    expect(ACTIVATIONS.step.isDifferentiable).toBe(false);
    expect(ACTIVATIONS.sigmoid.isDifferentiable).toBe(true);
  });
});

it('cycles through every activation and back', () => {
  let name = nextActivation('step');
  const seen = ['step'];
  while (name !== 'step') {
    seen.push(name);
    name = nextActivation(name);
  }
  expect(seen).toEqual([...ACTIVATION_NAMES]);
});
