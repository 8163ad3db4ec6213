import type { TrainingSettings } from '../lesson.js';
import { checkLoss, type LossName } from '../loss.js';
import type { Network } from '../network.js';
import { createRandom, shuffled } from '../random.js';
import { binaryRows, targetsFit, type Targets } from '../truth-table.js';
import { TrainingRefusedError } from './refusal.js';

/** How many epochs a run may take when neither caller nor lesson says. */
export const DEFAULT_EPOCHS = 1000;

/**
 * Training settings with every optional field filled in: 1000 epochs
 * (`DEFAULT_EPOCHS`), squared error, online (one update per row), the
 * preset's own weights, and rows in counting order.
 */
export function resolveSettings(
  settings: TrainingSettings,
): Required<TrainingSettings> {
  return {
    epochs: DEFAULT_EPOCHS,
    loss: 'squared',
    batch: 'online',
    init: 'preset',
    shuffle: false,
    ...settings,
  };
}

/**
 * `resolveSettings`, with what the rule itself fixes: the perceptron rule
 * updates after every row it gets wrong (online, whatever `batch` says)
 * and reports squared error (it minimises no loss of its own).
 */
export function effectiveSettings(
  settings: TrainingSettings,
): Required<TrainingSettings> {
  const full = resolveSettings(settings);
  return full.rule === 'perceptron'
    ? { ...full, loss: 'squared', batch: 'online' }
    : full;
}

/** A count with its noun: "1 value", "2 values". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What a training step needs to know, checked and worked out once. */
export interface Plan {
  rule: TrainingSettings['rule'];
  /** The perceptron rule always reports squared error. */
  loss: LossName;
  learningRate: number;
  /** One update per epoch; never for the perceptron rule, which is online. */
  isFullBatch: boolean;
  shuffle: boolean;
  seed: number;
  /** The truth-table inputs, in counting order. */
  rows: number[][];
  targets: Targets;
  /** The row indexes in counting order: each epoch's order unshuffled. */
  countingOrder: readonly number[];
}

/** Checks that `settings` can train `network` on `targets`; throws if not. */
export function makePlan(
  network: Network,
  targets: Targets,
  settings: TrainingSettings,
): Plan {
  const full = effectiveSettings(settings);
  checkLearningRate(full.learningRate);
  checkTargets(network, targets);
  if (full.rule === 'perceptron') checkPerceptron(network, targets);
  else checkBackprop(network, full.loss);
  const rows = binaryRows(network.inputs.length);
  return {
    rule: full.rule,
    loss: full.loss,
    learningRate: full.learningRate,
    isFullBatch: full.batch === 'full',
    shuffle: full.shuffle,
    seed: full.seed,
    rows,
    targets,
    countingOrder: rows.map((_, row) => row),
  };
}

/**
 * The rows of one epoch (counted from 1) in the order training visits them:
 * counting order, or when shuffling a seeded shuffle of it. Each epoch's
 * shuffle has its own random source, seeded from the seed and the epoch
 * number, so a single update can find its row again from the state alone.
 */
export function rowOrder(
  settings: Pick<TrainingSettings, 'seed' | 'shuffle'>,
  epoch: number,
  rowCount: number,
): number[] {
  const order = Array.from({ length: rowCount }, (_, row) => row);
  if (!settings.shuffle) return order;
  return shuffled(createRandom(settings.seed * 65536 + epoch), order);
}

/**
 * `rowOrder` for one epoch of a plan. Without shuffling every epoch has
 * the same order, so this returns the plan's own rather than a new one.
 */
export function epochRowOrder(plan: Plan, epoch: number): readonly number[] {
  if (!plan.shuffle) return plan.countingOrder;
  return rowOrder(plan, epoch, plan.rows.length);
}

function checkLearningRate(rate: number): void {
  if (!Number.isFinite(rate) || rate < 0) {
    throw new Error(
      `The learning rate must be a finite number of 0 or more, but it is ` +
        `${rate}.`,
    );
  }
}

/** Throws unless there is one finite target per output for every row. */
export function checkTargets(network: Network, targets: Targets): void {
  if (!targetsFit(network, targets)) {
    const rows = 2 ** network.inputs.length;
    const outputs = network.layers.at(-1)?.neurons.length ?? 0;
    throw new Error(
      `The targets do not fit the network: it needs ${rows} rows (one per ` +
        `truth-table row) of ${counted(outputs, 'value')} (one per output), ` +
        `but the targets have ${counted(targets.length, 'row')}.`,
    );
  }
  targets.forEach((row, rowIndex) => {
    const bad = row.find((value) => !Number.isFinite(value));
    if (bad !== undefined) {
      throw new Error(
        `Every target must be a finite number, but row ${rowIndex + 1} ` +
          `has ${bad}.`,
      );
    }
  });
}

/** Throws unless the network is one layer of step neurons with 0/1 targets. */
export function checkPerceptron(network: Network, targets: Targets): void {
  const count = network.layers.length;
  if (count !== 1) {
    throw new TrainingRefusedError({
      kind: 'perceptron-layers',
      layers: count,
    });
  }
  const activation = network.layers[0]?.activation ?? 'step';
  if (activation !== 'step') {
    throw new TrainingRefusedError({
      kind: 'perceptron-activation',
      activation,
    });
  }
  targets.forEach((row, rowIndex) => {
    const value = row.find((target) => target !== 0 && target !== 1);
    if (value !== undefined) {
      throw new TrainingRefusedError({
        kind: 'perceptron-target',
        row: rowIndex + 1,
        value,
      });
    }
  });
}

/**
 * Throws unless every layer has a derivative to follow, and the loss suits
 * the output layer.
 */
export function checkBackprop(network: Network, loss: LossName): void {
  const stepIndex = network.layers.findIndex((l) => l.activation === 'step');
  if (stepIndex >= 0) {
    throw new TrainingRefusedError({
      kind: 'backprop-step',
      layer: network.layers.length === 1 ? null : stepIndex + 1,
    });
  }
  checkLoss(loss, network.layers.at(-1)?.activation ?? 'linear');
}
