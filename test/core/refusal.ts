import { expect } from 'vitest';
import {
  TrainingRefusedError,
  type TrainingRefusal,
} from '../../src/core/train.js';

/** Runs what must refuse to train, and returns why it refused. */
export function refusalOf(run: () => unknown): TrainingRefusal {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TrainingRefusedError);
  return (caught as TrainingRefusedError).refusal;
}
