import { ACTIVATIONS, type Activation, type StepRule } from '../activation.js';
import { outputDelta, outputLoss, type LossName } from '../loss.js';
import { inputCountOf, type Layer, type Network } from '../network.js';
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
  /**
   * Where `descend` writes the new weights and biases. They become the
   * layer's own only once every one is known to be finite, so an update
   * that would overflow leaves the network as it was, and the check costs
   * no pass of its own.
   */
  nextWeights: Float64Array;
  nextBiases: Float64Array;
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
  /** The loss of each truth-table row, from the last `score`. */
  rowLosses: Float64Array;
}

/**
 * A working copy of a network, with zero gradients. Gradients are zero
 * between updates: rows add to them, and `descend` clears them.
 */
export function toWorking(network: Network): WorkingNetwork {
  const layers = network.layers.map((layer, layerIndex) =>
    toWorkingLayer(layer, inputCountOf(network, layerIndex)),
  );
  const inputs = new Float64Array(network.inputs.length);
  const rowLosses = new Float64Array(2 ** network.inputs.length);
  return { inputs, layers, stepRule: network.stepRule, rowLosses };
}

function toWorkingLayer(layer: Layer, inputCount: number): WorkingLayer {
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
    nextWeights: new Float64Array(neuronCount * inputCount),
    nextBiases: new Float64Array(neuronCount),
    sums: new Float64Array(neuronCount),
    outputs: new Float64Array(neuronCount),
    deltas: new Float64Array(neuronCount),
    weightGradients: new Float64Array(neuronCount * inputCount),
    biasGradients: new Float64Array(neuronCount),
  };
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
    let sum = 0;
    for (let i = 0; i < inputCount; i++) {
      sum += weights[start + i]! * inputs[i]!;
    }
    sums[neuron] = sum + biases[neuron]!;
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

/**
 * Moves every weight and bias against its gradient, w -= rate * gradient,
 * unless a new value would not be finite. Returns whether it moved; when it
 * did not, the network is as it was. Sets every gradient back to zero for
 * the next update to add to.
 */
export function descend(working: WorkingNetwork, rate: number): boolean {
  let isFinite = true;
  for (const layer of working.layers) {
    const { weights, nextWeights, weightGradients } = layer;
    const { biases, nextBiases, biasGradients } = layer;
    if (!descendInto(nextWeights, weights, weightGradients, rate)) {
      isFinite = false;
    }
    if (!descendInto(nextBiases, biases, biasGradients, rate)) {
      isFinite = false;
    }
  }
  if (!isFinite) return false;
  for (const layer of working.layers) keepNextValues(layer);
  return true;
}

/**
 * `addGradients` then `descend` for an update from the one row run
 * backward last, straight from its deltas: its gradient is each delta
 * times each input. Leaves the gradients as they are (zero).
 */
export function descendRow(working: WorkingNetwork, rate: number): boolean {
  let isFinite = true;
  let layerInputs = working.inputs;
  for (const layer of working.layers) {
    if (!descendLayerRow(layer, layerInputs, rate)) isFinite = false;
    layerInputs = layer.outputs;
  }
  if (!isFinite) return false;
  for (const layer of working.layers) keepNextValues(layer);
  return true;
}

/**
 * Sets a layer's next weights and biases from its deltas and inputs.
 * Returns whether every new value is finite.
 */
function descendLayerRow(
  layer: WorkingLayer,
  inputs: Float64Array,
  rate: number,
): boolean {
  const { weights, biases, nextWeights, nextBiases, deltas } = layer;
  const inputCount = layer.inputCount;
  let isFinite = true;
  for (let neuron = 0; neuron < deltas.length; neuron++) {
    const delta = deltas[neuron]!;
    const start = neuron * inputCount;
    for (let i = 0; i < inputCount; i++) {
      // 0 + gradient, as if added to a zero gradient: that makes -0 into
      // 0, which keeps a weight of -0 the same as `descend` would.
      const gradient = 0 + delta * inputs[i]!;
      const weight = weights[start + i]! - rate * gradient;
      if (!Number.isFinite(weight)) isFinite = false;
      nextWeights[start + i] = weight;
    }
    const bias = biases[neuron]! - rate * (0 + delta);
    if (!Number.isFinite(bias)) isFinite = false;
    nextBiases[neuron] = bias;
  }
  return isFinite;
}

/**
 * Sets each `next` to `value - rate * gradient`, and the gradient to zero.
 * Returns whether every new value is finite.
 */
function descendInto(
  next: Float64Array,
  values: Float64Array,
  gradients: Float64Array,
  rate: number,
): boolean {
  let isFinite = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]! - rate * gradients[i]!;
    if (!Number.isFinite(value)) isFinite = false;
    next[i] = value;
    gradients[i] = 0;
  }
  return isFinite;
}

/** Makes a layer's next weights and biases, all finite, its own. */
function keepNextValues(layer: WorkingLayer): void {
  const { weights, biases } = layer;
  layer.weights = layer.nextWeights;
  layer.biases = layer.nextBiases;
  layer.nextWeights = weights;
  layer.nextBiases = biases;
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

/**
 * Runs every row forward and scores the network on the targets. Runs
 * `lastRow` last, leaving its sums and outputs in place for the update
 * that starts from it, but adds up the rows' losses in counting order, so
 * that the total is the same whichever row that is.
 */
export function score(
  working: WorkingNetwork,
  rows: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  loss: LossName,
  lastRow: number,
): Score {
  const rowLosses = working.rowLosses;
  let rowsRight = 0;
  for (let row = 0; row < rows.length; row++) {
    if (row === lastRow) continue;
    rowsRight += scoreRow(working, row, rows, targets, loss);
  }
  rowsRight += scoreRow(working, lastRow, rows, targets, loss);
  let totalLoss = 0;
  for (let row = 0; row < rows.length; row++) totalLoss += rowLosses[row]!;
  return { totalLoss, rowsRight };
}

/** Runs one row forward and keeps its loss; returns 1 if it is right. */
function scoreRow(
  working: WorkingNetwork,
  row: number,
  rows: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  loss: LossName,
): number {
  const target = targets[row]!;
  forwardRow(working, rows[row]!);
  working.rowLosses[row] = rowLossOf(working, target, loss);
  return isRowRight(working, target) ? 1 : 0;
}
