import type { ActivationName } from '../activation.js';

/**
 * Why a network cannot be trained with the rule and loss asked for. The
 * core says which case it is; the screen and the command line put it in
 * words, in the user's language (`trainingRefused` in src/i18n).
 */
export type TrainingRefusal =
  /**
   * Backprop meets step neurons, whose derivative is 0 almost everywhere.
   * `layer` (from 1) is the first step layer of several, or null when the
   * network is that one layer (the perceptron rule trains it).
   */
  | { kind: 'backprop-step'; layer: number | null }
  /** The perceptron rule has no targets for hidden neurons. */
  | { kind: 'perceptron-layers'; layers: number }
  /** The perceptron rule trains step neurons only. */
  | { kind: 'perceptron-activation'; activation: ActivationName }
  /** The perceptron rule needs targets of 0 or 1; `row` counts from 1. */
  | { kind: 'perceptron-target'; row: number; value: number }
  /** Cross entropy reads outputs as probabilities: a sigmoid output layer. */
  | { kind: 'loss-output'; activation: ActivationName };

/** Thrown when training is refused; `refusal` says why. */
export class TrainingRefusedError extends Error {
  constructor(readonly refusal: TrainingRefusal) {
    super(`training refused: ${JSON.stringify(refusal)}`);
    this.name = 'TrainingRefusedError';
  }
}
