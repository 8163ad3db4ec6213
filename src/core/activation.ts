/** The names of the activations a layer can use. */
export const ACTIVATION_NAMES = [
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'linear',
] as const;

/** One of `ACTIVATION_NAMES`. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/**
 * When a step neuron fires: `>` is the book's rule (a sum of exactly zero
 * gives 0), `>=` the rule of some other textbooks (zero gives 1).
 */
export type StepRule = '>' | '>=';

/**
 * A weighted sum within this distance of zero counts as exactly zero, so
 * that 0.1 + 0.2 - 0.3 (5.55e-17 in floating point) sits on the boundary.
 */
export const BOUNDARY_TOLERANCE = 1e-9;

/** True when a weighted sum counts as exactly zero. */
export function isOnBoundary(sum: number): boolean {
  return Math.abs(sum) <= BOUNDARY_TOLERANCE;
}

/** The step function under a rule: 1 or 0. */
export function step(sum: number, rule: StepRule = '>'): number {
  if (isOnBoundary(sum)) return rule === '>=' ? 1 : 0;
  return sum > 0 ? 1 : 0;
}

/** The logistic sigmoid, finite and exact for any finite sum. */
export function sigmoid(sum: number): number {
  // exp of a large positive number overflows, so use the form whose
  // exponent is never positive.
  if (sum >= 0) return 1 / (1 + Math.exp(-sum));
  const e = Math.exp(sum);
  return e / (1 + e);
}

/**
 * An activation: its output and its derivative from the sum, and the same
 * derivative from the output.
 */
export interface Activation {
  /** The output of a neuron whose weighted sum is `sum`. */
  output(sum: number, rule?: StepRule): number;
  /** d output / d sum at `sum`. */
  derivative(sum: number): number;
  /**
   * d output / d sum where the output is `output`: the same number as
   * `derivative` of the sum that gave it. Training keeps each output, so
   * this saves computing the activation again (sigmoid's second exp).
   */
  derivativeFromOutput(output: number): number;
  /** False for step: gradient descent cannot train through it. */
  isDifferentiable: boolean;
}

/** Every activation by name. */
export const ACTIVATIONS: Record<ActivationName, Activation> = {
  step: {
    output: (sum, rule) => step(sum, rule),
    // Zero almost everywhere and undefined at 0: why backprop needs others.
    derivative: () => 0,
    derivativeFromOutput: () => 0,
    isDifferentiable: false,
  },
  sigmoid: {
    output: sigmoid,
    derivative: (sum) => {
      const y = sigmoid(sum);
      return y * (1 - y);
    },
    derivativeFromOutput: (y) => y * (1 - y),
    isDifferentiable: true,
  },
  tanh: {
    output: Math.tanh,
    derivative: (sum) => {
      const y = Math.tanh(sum);
      return 1 - y * y;
    },
    derivativeFromOutput: (y) => 1 - y * y,
    isDifferentiable: true,
  },
  relu: {
    output: (sum) => (sum > 0 ? sum : 0),
    derivative: (sum) => (sum > 0 ? 1 : 0),
    // The output is above zero exactly when the sum is.
    derivativeFromOutput: (output) => (output > 0 ? 1 : 0),
    isDifferentiable: true,
  },
  linear: {
    output: (sum) => sum,
    derivative: () => 1,
    derivativeFromOutput: () => 1,
    isDifferentiable: true,
  },
};

/** The activation after `name` in `ACTIVATION_NAMES`, wrapping around. */
export function nextActivation(name: ActivationName): ActivationName {
  const index = ACTIVATION_NAMES.indexOf(name);
  return ACTIVATION_NAMES[(index + 1) % ACTIVATION_NAMES.length] ?? 'step';
}

/** True when outputs are only ever 0 or 1. */
export function isBinaryActivation(name: ActivationName): boolean {
  return name === 'step';
}
