import type { Network, Neuron, NeuronAddress } from './network.js';

/** A weighted sum written over the network's inputs: `w . x + b`. */
export interface InputSum {
  /** One weight per input of the network. */
  weights: number[];
  bias: number;
}

/**
 * Substitutes the previous layer's sums into a neuron's weighted sum. This
 * is right only when that layer is linear: its outputs are its sums.
 */
function substitute(neuron: Neuron, previous: readonly InputSum[]): InputSum {
  const inputCount = previous[0]?.weights.length ?? 0;
  const weights = Array.from({ length: inputCount }, () => 0);
  let bias = neuron.bias;
  previous.forEach((sum, k) => {
    const weight = neuron.weights[k] ?? 0;
    sum.weights.forEach((w, i) => {
      weights[i] = (weights[i] ?? 0) + weight * w;
    });
    bias += weight * sum.bias;
  });
  return { weights, bias };
}

/**
 * The first layer before `layerIndex` whose activation is not linear, or
 * null when they are all linear.
 */
export function firstNonLinearBefore(
  network: Network,
  layerIndex: number,
): number | null {
  const index = network.layers
    .slice(0, layerIndex)
    .findIndex((layer) => layer.activation !== 'linear');
  return index < 0 ? null : index;
}

/**
 * A neuron's weighted sum over the network's inputs, when every layer
 * before it is linear: linear layers pass their sums on unchanged, so they
 * substitute into the next layer and the layers collapse into one
 * (`W = W2*W1`, `b = W2*b1 + b2`). Null when a layer before it is not
 * linear, or the neuron does not exist.
 */
export function collapsedSum(
  network: Network,
  address: NeuronAddress,
): InputSum | null {
  const neuron = network.layers[address.layer]?.neurons[address.neuron];
  if (!neuron || firstNonLinearBefore(network, address.layer) !== null) {
    return null;
  }

  // Start from the inputs themselves: x_i = 1*x_i + 0.
  let sums: InputSum[] = network.inputs.map((_, i) => ({
    weights: network.inputs.map((__, j) => (i === j ? 1 : 0)),
    bias: 0,
  }));
  for (const layer of network.layers.slice(0, address.layer)) {
    const previous = sums;
    sums = layer.neurons.map((n) => substitute(n, previous));
  }
  return substitute(neuron, sums);
}
