import type { Network } from './network.js';
import type { Targets } from './truth-table.js';

/** Text in English, and in Japanese where it has been translated. */
export interface LocalText {
  en: string;
  ja?: string;
}

/** How a lesson's network learns, when it does. */
export interface TrainingSettings {
  /** The perceptron learning rule, or gradient descent with backprop. */
  rule: 'perceptron' | 'backprop';
  learningRate: number;
  /** Seeds the random source for initial weights and shuffling. */
  seed: number;
  /** How many epochs a training run may take. */
  epochs?: number;
  /** The loss backprop descends. */
  loss?: 'squared' | 'cross-entropy';
  /** One update per row (online) or one per epoch (full batch). */
  batch?: 'online' | 'full';
  /** Where the weights start: the lesson's own, zero, or seeded random. */
  init?: 'preset' | 'zero' | 'random';
  /** Visit the rows in a seeded random order each epoch. */
  shuffle?: boolean;
}

/** A lesson: a network with its story and, optionally, what it should do. */
export interface Lesson {
  /** The short name used on the command line, such as "xor". */
  name: string;
  /** Its place in the lesson order, when it is a lesson. */
  order?: number;
  title: LocalText;
  notes: LocalText;
  network: Network;
  /** One row per truth-table row, one value per output; null when none. */
  targets: Targets | null;
  training?: TrainingSettings;
}
