import { ACTIVATIONS, type Activation, type StepRule } from '../activation.js';
import { outputDelta, outputLoss, type LossName } from '../loss.js';
import type { Network } from '../network.js';
import { matchesTarget } from '../truth-table.js';

// Training changes numbers in place in these arrays, so that a long run
// allocates nothing per row. Each layer keeps its numbers in flat typed
// arrays, one number per neuron or one per weight, rather than an object
// per neuron: the loops below then read plain doubles in order. Networks
// are copied in once and out once; the public functions never let a
// working network escape. Indexes within the lengths set by `toWorking`
// are always in range, hence the `!` assertions.

/** A layer under training: one number per neuron, or one per weight. */
export interface WorkingLayer {
  activation: Activation;
  /** How many inputs reach each neuron: the weights per neuron. */
  inputCount: number;
  /**
   * Every neuron's weights, neuron after neuron: the weight of neuron `n`
   * for input `i` is at `n * inputCount + i`.
   */
  weights: Float64Array;
  biases: Float64Array;
  /** Each neuron's weighted sum for the row run forward last. */
  sums: Float64Array;
  /** The activation of each sum: the next layer's inputs. */
  outputs: Float64Array;
  /** Each neuron's d loss / d sum for the row run backward last. */
  deltas: Float64Array;
  /**
   * d loss / d weight, summed over the rows since the last update, laid
   * out as `weights`.
   */
  weightGradients: Float64Array;
  /** d loss / d bias, summed likewise. */
  biasGradients: Float64Array;
}

/** A network under training. */
export interface WorkingNetwork {
  /** The inputs of the row run forward last: the first layer's inputs. */
  inputs: Float64Array;
  layers: WorkingLayer[];
  stepRule: StepRule;
}

/**
 * A working copy of a network, with zero gradients. Gradients are zero
 * between updates: rows add to them, and `descend` clears them.
 */
export function toWorking(network: Network): WorkingNetwork {
  const layers = network.layers.map((layer, layerIndex) => {
    const inputCount =
      layerIndex === 0
        ? network.inputs.length
        : network.layers[layerIndex - 1]!.neurons.length;
    const neuronCount = layer.neurons.length;
    const weights = new Float64Array(neuronCount * inputCount);
    layer.neurons.forEach((neuron, neuronIndex) => {
      weights.set(neuron.weights, neuronIndex * inputCount);
    });
    return {
      activation: ACTIVATIONS[layer.activation],
      inputCount,
      weights,
      biases: Float64Array.from(layer.neurons, (neuron) => neuron.bias),
      sums: new Float64Array(neuronCount),
      outputs: new Float64Array(neuronCount),
      deltas: new Float64Array(neuronCount),
      weightGradients: new Float64Array(neuronCount * inputCount),
      biasGradients: new Float64Array(neuronCount),
    };
  });
  const inputs = new Float64Array(network.inputs.length);
  return { inputs, layers, stepRule: network.stepRule };
}

/** The weights of one neuron of a working layer, as a new array. */
export function neuronWeights(layer: WorkingLayer, neuron: number): number[] {
  const start = neuron * layer.inputCount;
  const weights: number[] = [];
  for (let i = 0; i < layer.inputCount; i++) {
    weights.push(layer.weights[start + i]!);
  }
  return weights;
}

/** `original` with the weights and biases of its working copy. */
export function toNetwork(working: WorkingNetwork, original: Network): Network {
  const layers = original.layers.map((layer, layerIndex) => {
    const trained = working.layers[layerIndex]!;
    return {
      ...layer,
      neurons: layer.neurons.map((neuron, neuronIndex) => ({
        ...neuron,
        weights: neuronWeights(trained, neuronIndex),
        bias: trained.biases[neuronIndex]!,
      })),
    };
  });
  return { ...original, layers };
}

/** The outputs of the last layer for the row run forward last. */
export function lastOutputs(working: WorkingNetwork): Float64Array {
  return working.layers[working.layers.length - 1]!.outputs;
}

/** Runs one row forward, leaving each neuron's sum and output in place. */
export function forwardRow(
  working: WorkingNetwork,
  inputs: readonly number[],
): void {
  setInputs(working, inputs);
  let layerInputs = working.inputs;
  for (const layer of working.layers) {
    setWeightedSums(layer, layerInputs);
    activate(layer, working.stepRule);
    layerInputs = layer.outputs;
  }
}

/** Copies a row's inputs in; a missing input counts as 0, as in `forward`. */
function setInputs(working: WorkingNetwork, inputs: readonly number[]): void {
  const copy = working.inputs;
  for (let i = 0; i < copy.length; i++) copy[i] = inputs[i] ?? 0;
}

/** Each neuron's weighted sum `w . x + b`, added in `weightedSum`'s order. */
function setWeightedSums(layer: WorkingLayer, inputs: Float64Array): void {
  const { weights, biases, sums, inputCount } = layer;
  for (let neuron = 0; neuron < sums.length; neuron++) {
    const start = neuron * inputCount;
    let sum = biases[neuron]!;
    for (let i = 0; i < inputCount; i++) {
      sum += weights[start + i]! * inputs[i]!;
    }
    sums[neuron] = sum;
  }
}

/** Each neuron's output: the layer's activation of its weighted sum. */
function activate(layer: WorkingLayer, rule: StepRule): void {
  const { activation, sums, outputs } = layer;
  for (let neuron = 0; neuron < sums.length; neuron++) {
    outputs[neuron] = activation.output(sums[neuron]!, rule);
  }
}

/** Sets each neuron's delta for the row run forward last: the chain rule. */
export function backwardRow(
  working: WorkingNetwork,
  target: readonly number[],
  loss: LossName,
): void {
  const layers = working.layers;
  setOutputDeltas(layers[layers.length - 1]!, target, loss);
  for (let layerIndex = layers.length - 2; layerIndex >= 0; layerIndex--) {
    setHiddenDeltas(layers[layerIndex]!, layers[layerIndex + 1]!);
  }
}

/** An output neuron's delta: from the loss, its output and its target. */
function setOutputDeltas(
  layer: WorkingLayer,
  target: readonly number[],
  loss: LossName,
): void {
  const { activation, sums, outputs, deltas } = layer;
  for (let neuron = 0; neuron < deltas.length; neuron++) {
    const sum = sums[neuron]!;
    const output = outputs[neuron]!;
    const wanted = target[neuron]!;
    deltas[neuron] = outputDelta(loss, activation, sum, output, wanted);
  }
}

/** A hidden neuron's delta: what it passes on, times its own derivative. */
function setHiddenDeltas(layer: WorkingLayer, next: WorkingLayer): void {
  const { activation, outputs, deltas } = layer;
  const nextWeights = next.weights;
  const nextDeltas = next.deltas;
  for (let neuron = 0; neuron < deltas.length; neuron++) {
    // The weight from this neuron into each neuron of the next layer.
    let passedOn = 0;
    for (let after = 0; after < nextDeltas.length; after++) {
      const weight = nextWeights[after * next.inputCount + neuron]!;
      passedOn += weight * nextDeltas[after]!;
    }
    const derivative = activation.derivativeFromOutput(outputs[neuron]!);
    deltas[neuron] = derivative * passedOn;
  }
}

/** Adds the last row's gradient, each delta times each input, to the sums. */
export function addGradients(working: WorkingNetwork): void {
  let layerInputs = working.inputs;
  for (const layer of working.layers) {
    addLayerGradients(layer, layerInputs);
    layerInputs = layer.outputs;
  }
}

function addLayerGradients(layer: WorkingLayer, inputs: Float64Array): void {
  const { deltas, weightGradients, biasGradients, inputCount } = layer;
  for (let neuron = 0; neuron < deltas.length; neuron++) {
    const delta = deltas[neuron]!;
    const start = neuron * inputCount;
    for (let i = 0; i < inputCount; i++) {
      weightGradients[start + i]! += delta * inputs[i]!;
    }
    biasGradients[neuron]! += delta;
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
  target: readonly number[],
): number {
  const inputs = working.inputs;
  const { outputs, weightGradients, biasGradients, inputCount } =
    working.layers[0]!;
  let mistakes = 0;
  for (let neuron = 0; neuron < outputs.length; neuron++) {
    const error = target[neuron]! - outputs[neuron]!;
    if (error === 0) continue;
    mistakes++;
    const start = neuron * inputCount;
    for (let i = 0; i < inputCount; i++) {
      weightGradients[start + i]! -= error * inputs[i]!;
    }
    biasGradients[neuron]! -= error;
  }
  return mistakes;
}

/** Whether every weight and bias would stay finite after `descend`. */
export function canDescend(working: WorkingNetwork, rate: number): boolean {
  for (const layer of working.layers) {
    if (!staysFinite(layer.weights, layer.weightGradients, rate)) return false;
    if (!staysFinite(layer.biases, layer.biasGradients, rate)) return false;
  }
  return true;
}

/** Whether every `value - rate * gradient` is finite. */
function staysFinite(
  values: Float64Array,
  gradients: Float64Array,
  rate: number,
): boolean {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]! - rate * gradients[i]!)) return false;
  }
  return true;
}

/**
 * Moves every weight and bias against its gradient, w -= rate * gradient,
 * and sets the gradient back to zero for the next update to add to.
 */
export function descend(working: WorkingNetwork, rate: number): void {
  for (const layer of working.layers) {
    descendValues(layer.weights, layer.weightGradients, rate);
    descendValues(layer.biases, layer.biasGradients, rate);
  }
}

function descendValues(
  values: Float64Array,
  gradients: Float64Array,
  rate: number,
): void {
  for (let i = 0; i < values.length; i++) {
    values[i]! -= rate * gradients[i]!;
    gradients[i] = 0;
  }
}

/** The loss of the row run forward last. */
export function rowLossOf(
  working: WorkingNetwork,
  target: readonly number[],
  loss: LossName,
): number {
  const { sums, outputs } = working.layers[working.layers.length - 1]!;
  let total = 0;
  for (let neuron = 0; neuron < outputs.length; neuron++) {
    total += outputLoss(loss, sums[neuron]!, outputs[neuron]!, target[neuron]!);
  }
  return total;
}

/** Whether every output of the row run forward last matches its target. */
export function isRowRight(
  working: WorkingNetwork,
  target: readonly number[],
): boolean {
  const outputs = lastOutputs(working);
  for (let neuron = 0; neuron < outputs.length; neuron++) {
    if (!matchesTarget(outputs[neuron]!, target[neuron]!)) return false;
  }
  return true;
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
  for (let row = 0; row < rows.length; row++) {
    const target = targets[row]!;
    forwardRow(working, rows[row]!);
    totalLoss += rowLossOf(working, target, loss);
    if (isRowRight(working, target)) rowsRight++;
  }
  return { totalLoss, rowsRight };
}
