import {
  ACTIVATIONS,
  type ActivationName,
  type StepRule,
} from './activation.js';

/** One neuron: a weight per input of its layer, and a bias. */
export interface Neuron {
  /** A short name shown on screen, such as "s1 NAND". */
  label?: string;
  weights: number[];
  bias: number;
}

/** A layer: neurons that share one activation. */
export interface Layer {
  activation: ActivationName;
  neurons: Neuron[];
}

/** A feed-forward network: named inputs, then layers in order. */
export interface Network {
  inputs: string[];
  layers: Layer[];
  /** How step neurons treat a sum of exactly zero. */
  stepRule: StepRule;
}

/** The largest network nn-tui draws and edits. */
export const LIMITS = { inputs: 6, layers: 6, neurons: 16 } as const;

/** What one layer computed: the weighted sum and output of each neuron. */
export interface LayerValues {
  sums: number[];
  outputs: number[];
}

/** Where a neuron sits: its layer and its index within that layer. */
export interface NeuronAddress {
  layer: number;
  neuron: number;
}

/** The number of inputs that reach each neuron of layer `layerIndex`. */
export function inputCountOf(network: Network, layerIndex: number): number {
  if (layerIndex === 0) return network.inputs.length;
  return network.layers[layerIndex - 1]?.neurons.length ?? 0;
}

/**
 * The weighted sum `w1*x1 + w2*x2 + ... + b` of one neuron, added in that
 * order, as it is written and as the exported NumPy program does (the dot
 * product, then the bias): with weights of 1e17 and -1e17 and a bias of
 * -0.5, the row (1, 1) gives -0.5, where adding the bias first would lose
 * it and give 0.
 */
export function weightedSum(neuron: Neuron, inputs: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < neuron.weights.length; i++) {
    sum += (neuron.weights[i] ?? 0) * (inputs[i] ?? 0);
  }
  return sum + neuron.bias;
}

/** Runs one layer on its inputs. */
export function forwardLayer(
  layer: Layer,
  inputs: readonly number[],
  rule: StepRule,
): LayerValues {
  const activation = ACTIVATIONS[layer.activation];
  const sums = layer.neurons.map((neuron) => weightedSum(neuron, inputs));
  const outputs = sums.map((sum) => activation.output(sum, rule));
  return { sums, outputs };
}

/** Runs the network on one input vector and returns every layer's values. */
export function forward(
  network: Network,
  inputs: readonly number[],
): LayerValues[] {
  const values: LayerValues[] = [];
  let current: readonly number[] = inputs;
  for (const layer of network.layers) {
    const layerValues = forwardLayer(layer, current, network.stepRule);
    values.push(layerValues);
    current = layerValues.outputs;
  }
  return values;
}

/** The outputs of the last layer for one input vector. */
export function predict(network: Network, inputs: readonly number[]): number[] {
  return forward(network, inputs).at(-1)?.outputs ?? [];
}

/** The number of neurons in the last layer. */
export function outputCount(network: Network): number {
  return network.layers.at(-1)?.neurons.length ?? 0;
}

/** The neuron at an address, or a readable error when there is none. */
export function neuronAt(network: Network, address: NeuronAddress): Neuron {
  const neuron = network.layers[address.layer]?.neurons[address.neuron];
  if (!neuron) {
    throw new Error(
      `There is no neuron ${address.neuron + 1} in layer ${address.layer + 1}.`,
    );
  }
  return neuron;
}

/** Every neuron address, layer by layer, top to bottom. */
export function neuronAddresses(network: Network): NeuronAddress[] {
  return network.layers.flatMap((layer, layerIndex) =>
    layer.neurons.map((_, neuron) => ({ layer: layerIndex, neuron })),
  );
}

/** A neuron's label, or a name made from its place, such as "L1 n2". */
export function neuronName(network: Network, address: NeuronAddress): string {
  const label = network.layers[address.layer]?.neurons[address.neuron]?.label;
  return label ?? `L${address.layer + 1} n${address.neuron + 1}`;
}

/**
 * The problems with a network's shape and values, as sentences; empty when
 * it is sound. Editing keeps networks sound; this is how tests check it.
 */
export function shapeProblems(network: Network): string[] {
  const problems: string[] = [];
  if (network.inputs.length < 1) problems.push('The network has no inputs.');
  if (network.layers.length < 1) problems.push('The network has no layers.');
  network.layers.forEach((layer, layerIndex) => {
    const expected = inputCountOf(network, layerIndex);
    if (layer.neurons.length < 1) {
      problems.push(`Layer ${layerIndex + 1} has no neurons.`);
    }
    layer.neurons.forEach((neuron, neuronIndex) => {
      const place = `Layer ${layerIndex + 1} neuron ${neuronIndex + 1}`;
      if (neuron.weights.length !== expected) {
        problems.push(
          `${place} has ${neuron.weights.length} weights for ${expected} inputs.`,
        );
      }
      if (![...neuron.weights, neuron.bias].every(Number.isFinite)) {
        problems.push(`${place} has a value that is not a finite number.`);
      }
    });
  });
  return problems;
}
