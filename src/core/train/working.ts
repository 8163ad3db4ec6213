import { ACTIVATIONS, type Activation, type StepRule } from '../activation.js';
import { outputDelta, outputLoss, type LossName } from '../loss.js';
import { weightedSum, type Network } from '../network.js';
import { matchesTarget } from '../truth-table.js';

// Training changes numbers in place in these objects, so that a long run
// allocates nothing per row. Networks are copied in once and out once; the
// public functions never let a working network escape. Indexes into arrays
// built by `toWorking` are always in range, hence the `!` assertions.

/** A neuron under training: its numbers and the values of the last row. */
export interface WorkingNeuron {
  weights: number[];
  bias: number;
  /** The weighted sum for the row run forward last. */
  sum: number;
  /** The activation of that sum. */
  output: number;
  /** d loss / d sum for the row run backward last. */
  delta: number;
  /** d loss / d weight, summed over the rows since the last update. */
  weightGradients: number[];
  /** d loss / d bias, summed likewise. */
  biasGradient: number;
}

/** A layer under training. */
export interface WorkingLayer {
  activation: Activation;
  neurons: WorkingNeuron[];
  /** The outputs of its neurons for the last row: the next layer's inputs. */
  outputs: number[];
}

/** A network under training. */
export interface WorkingNetwork {
  layers: WorkingLayer[];
  stepRule: StepRule;
}

/** A working copy of a network, with zero gradients. */
export function toWorking(network: Network): WorkingNetwork {
  const layers = network.layers.map((layer) => ({
    activation: ACTIVATIONS[layer.activation],
    neurons: layer.neurons.map((neuron) => ({
      weights: [...neuron.weights],
      bias: neuron.bias,
      sum: 0,
      output: 0,
      delta: 0,
      weightGradients: neuron.weights.map(() => 0),
      biasGradient: 0,
    })),
    outputs: layer.neurons.map(() => 0),
  }));
  return { layers, stepRule: network.stepRule };
}

/** `original` with the weights and biases of its working copy. */
export function toNetwork(working: WorkingNetwork, original: Network): Network {
  const layers = original.layers.map((layer, layerIndex) => ({
    ...layer,
    neurons: layer.neurons.map((neuron, neuronIndex) => {
      const trained = working.layers[layerIndex]!.neurons[neuronIndex]!;
      return { ...neuron, weights: [...trained.weights], bias: trained.bias };
    }),
  }));
  return { ...original, layers };
}

/** The outputs of the last layer for the row run forward last. */
export function lastOutputs(working: WorkingNetwork): number[] {
  return working.layers[working.layers.length - 1]!.outputs;
}

/** Runs one row forward, leaving each neuron's sum and output in place. */
export function forwardRow(
  working: WorkingNetwork,
  inputs: readonly number[],
): void {
  let layerInputs = inputs;
  for (const layer of working.layers) {
    let index = 0;
    for (const neuron of layer.neurons) {
      neuron.sum = weightedSum(neuron, layerInputs);
      neuron.output = layer.activation.output(neuron.sum, working.stepRule);
      layer.outputs[index++] = neuron.output;
    }
    layerInputs = layer.outputs;
  }
}

/** Sets each neuron's delta for the row run forward last: the chain rule. */
export function backwardRow(
  working: WorkingNetwork,
  target: readonly number[],
  loss: LossName,
): void {
  const layers = working.layers;
  const last = layers[layers.length - 1]!;
  let index = 0;
  for (const neuron of last.neurons) {
    const wanted = target[index++]!;
    const { sum, output } = neuron;
    neuron.delta = outputDelta(loss, last.activation, sum, output, wanted);
  }
  for (let layerIndex = layers.length - 2; layerIndex >= 0; layerIndex--) {
    setHiddenDeltas(layers[layerIndex]!, layers[layerIndex + 1]!);
  }
}

/** A hidden neuron's delta: what it passes on, times its own derivative. */
function setHiddenDeltas(layer: WorkingLayer, next: WorkingLayer): void {
  let index = 0;
  for (const neuron of layer.neurons) {
    let passedOn = 0;
    for (const after of next.neurons) {
      passedOn += after.weights[index]! * after.delta;
    }
    neuron.delta = layer.activation.derivative(neuron.sum) * passedOn;
    index++;
  }
}

/** Adds the last row's gradient, each delta times each input, to the sums. */
export function addGradients(
  working: WorkingNetwork,
  inputs: readonly number[],
): void {
  let layerInputs = inputs;
  for (const layer of working.layers) {
    for (const neuron of layer.neurons) {
      for (let i = 0; i < layerInputs.length; i++) {
        neuron.weightGradients[i]! += neuron.delta * layerInputs[i]!;
      }
      neuron.biasGradient += neuron.delta;
    }
    layerInputs = layer.outputs;
  }
}

/**
 * The perceptron rule for the row run forward last, on a single layer.
 * The rule is gradient descent on the perceptron criterion, whose gradient
 * is -(target - output) * x: this adds that for every wrong neuron, so that
 * `descend` then makes w += rate * (target - output) * x. Returns how many
 * outputs were wrong.
 */
export function addPerceptronGradients(
  working: WorkingNetwork,
  inputs: readonly number[],
  target: readonly number[],
): number {
  let mistakes = 0;
  let index = 0;
  for (const neuron of working.layers[0]!.neurons) {
    const error = target[index++]! - neuron.output;
    if (error === 0) continue;
    mistakes++;
    for (let i = 0; i < inputs.length; i++) {
      neuron.weightGradients[i]! -= error * inputs[i]!;
    }
    neuron.biasGradient -= error;
  }
  return mistakes;
}

/** Sets every gradient back to zero. */
export function clearGradients(working: WorkingNetwork): void {
  for (const layer of working.layers) {
    for (const neuron of layer.neurons) {
      neuron.weightGradients.fill(0);
      neuron.biasGradient = 0;
    }
  }
}

/** Whether every weight and bias would stay finite after `descend`. */
export function canDescend(working: WorkingNetwork, rate: number): boolean {
  for (const layer of working.layers) {
    for (const neuron of layer.neurons) {
      if (!Number.isFinite(neuron.bias - rate * neuron.biasGradient)) {
        return false;
      }
      const { weights, weightGradients } = neuron;
      for (let i = 0; i < weights.length; i++) {
        if (!Number.isFinite(weights[i]! - rate * weightGradients[i]!)) {
          return false;
        }
      }
    }
  }
  return true;
}

/** Moves every weight and bias against its gradient: w -= rate * gradient. */
export function descend(working: WorkingNetwork, rate: number): void {
  for (const layer of working.layers) {
    for (const neuron of layer.neurons) {
      const { weights, weightGradients } = neuron;
      for (let i = 0; i < weights.length; i++) {
        weights[i]! -= rate * weightGradients[i]!;
      }
      neuron.bias -= rate * neuron.biasGradient;
    }
  }
}

/** The loss of the row run forward last. */
export function rowLossOf(
  working: WorkingNetwork,
  target: readonly number[],
  loss: LossName,
): number {
  let total = 0;
  let index = 0;
  for (const neuron of working.layers[working.layers.length - 1]!.neurons) {
    total += outputLoss(loss, neuron.sum, neuron.output, target[index++]!);
  }
  return total;
}

/** Whether every output of the row run forward last matches its target. */
export function isRowRight(
  working: WorkingNetwork,
  target: readonly number[],
): boolean {
  return lastOutputs(working).every((output, index) =>
    matchesTarget(output, target[index]!),
  );
}

/** What a network scores on a table: its summed loss and rows right. */
export interface Score {
  totalLoss: number;
  rowsRight: number;
}

/** Runs every row forward and scores the network on the targets. */
export function score(
  working: WorkingNetwork,
  rows: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  loss: LossName,
): Score {
  let totalLoss = 0;
  let rowsRight = 0;
  rows.forEach((inputs, rowIndex) => {
    const target = targets[rowIndex]!;
    forwardRow(working, inputs);
    totalLoss += rowLossOf(working, target, loss);
    if (isRowRight(working, target)) rowsRight++;
  });
  return { totalLoss, rowsRight };
}
