import { type ActivationName } from './activation.js';
import {
  LIMITS,
  inputCountOf,
  type Layer,
  type Network,
  type Neuron,
  type NeuronAddress,
} from './network.js';

// Every edit returns a new network and leaves its argument untouched, so
// that undo can keep old networks as they are. An edit that cannot be made
// throws an error whose message is shown to the user as it is.

/** Which value of a neuron: a weight by index, or the bias. */
export type ValueIndex = number | 'bias';

function mapLayer(
  network: Network,
  layerIndex: number,
  change: (layer: Layer) => Layer,
): Network {
  const layers = network.layers.map((layer, index) =>
    index === layerIndex ? change(layer) : layer,
  );
  return { ...network, layers };
}

function mapNeuron(
  network: Network,
  address: NeuronAddress,
  change: (neuron: Neuron) => Neuron,
): Network {
  return mapLayer(network, address.layer, (layer) => ({
    ...layer,
    neurons: layer.neurons.map((neuron, index) =>
      index === address.neuron ? change(neuron) : neuron,
    ),
  }));
}

function requireFinite(value: number): void {
  if (!Number.isFinite(value)) {
    throw new Error(`${value} is not a finite number; the value is unchanged.`);
  }
}

/** A neuron with `count` zero weights and a zero bias. */
function zeroNeuron(count: number): Neuron {
  return { weights: new Array<number>(count).fill(0), bias: 0 };
}

/** Reads a weight or the bias of a neuron. */
export function valueOf(neuron: Neuron, index: ValueIndex): number {
  if (index === 'bias') return neuron.bias;
  return neuron.weights[index] ?? 0;
}

/** Sets one weight or the bias of a neuron. */
export function setValue(
  network: Network,
  address: NeuronAddress,
  index: ValueIndex,
  value: number,
): Network {
  requireFinite(value);
  // -0 would display as "-0.00" and save as 0: keep one zero.
  const clean = value === 0 ? 0 : value;
  return mapNeuron(network, address, (neuron) =>
    index === 'bias'
      ? { ...neuron, bias: clean }
      : {
          ...neuron,
          weights: neuron.weights.map((w, i) => (i === index ? clean : w)),
        },
  );
}

/** Sets the activation of one layer. */
export function setActivation(
  network: Network,
  layerIndex: number,
  activation: ActivationName,
): Network {
  return mapLayer(network, layerIndex, (layer) => ({ ...layer, activation }));
}

/** Adds a zero neuron at the end of a layer and a zero weight after it. */
export function addNeuron(network: Network, layerIndex: number): Network {
  const layer = network.layers[layerIndex];
  if (!layer) throw new Error(`There is no layer ${layerIndex + 1}.`);
  if (layer.neurons.length >= LIMITS.neurons) {
    throw new Error(
      `A layer holds at most ${LIMITS.neurons} neurons; layer ${layerIndex + 1} is full.`,
    );
  }
  const count = inputCountOf(network, layerIndex);
  const grown = mapLayer(network, layerIndex, (l) => ({
    ...l,
    neurons: [...l.neurons, zeroNeuron(count)],
  }));
  return mapLayer(grown, layerIndex + 1, (next) => ({
    ...next,
    neurons: next.neurons.map((n) => ({ ...n, weights: [...n.weights, 0] })),
  }));
}

/** Deletes a neuron and the weights that read its output. */
export function deleteNeuron(
  network: Network,
  address: NeuronAddress,
): Network {
  const layer = network.layers[address.layer];
  if (!layer) throw new Error(`There is no layer ${address.layer + 1}.`);
  if (layer.neurons.length <= 1) {
    throw new Error(
      'A layer needs at least one neuron; delete the layer instead.',
    );
  }
  const without = <T>(items: T[]): T[] =>
    items.filter((_, index) => index !== address.neuron);
  const shrunk = mapLayer(network, address.layer, (l) => ({
    ...l,
    neurons: without(l.neurons),
  }));
  return mapLayer(shrunk, address.layer + 1, (next) => ({
    ...next,
    neurons: next.neurons.map((n) => ({ ...n, weights: without(n.weights) })),
  }));
}

/**
 * Adds a layer after `layerIndex` that passes its inputs through unchanged:
 * one linear neuron per neuron of the layer before, weight 1 on its own
 * input. The network computes what it did before, and the layer after
 * keeps its weights; change the new layer's activation or weights next.
 * Added after the output layer, the new layer is the output: the outputs'
 * labels (`y`) move to it, so that no hidden neuron keeps an output's name.
 */
export function addLayerAfter(network: Network, layerIndex: number): Network {
  if (network.layers.length >= LIMITS.layers) {
    throw new Error(`A network holds at most ${LIMITS.layers} layers.`);
  }
  const before = network.layers[layerIndex];
  if (before === undefined)
    throw new Error(`There is no layer ${layerIndex + 1}.`);
  const count = before.neurons.length;
  const isNewOutput = layerIndex === network.layers.length - 1;
  const passThrough: Layer = {
    activation: 'linear',
    neurons: before.neurons.map((neuron, own) => ({
      ...(isNewOutput && neuron.label !== undefined
        ? { label: neuron.label }
        : {}),
      weights: Array.from({ length: count }, (_, i) => (i === own ? 1 : 0)),
      bias: 0,
    })),
  };
  const layers = [...network.layers];
  if (isNewOutput) {
    layers[layerIndex] = {
      ...before,
      neurons: before.neurons.map(({ label: _label, ...neuron }) => neuron),
    };
  }
  layers.splice(layerIndex + 1, 0, passThrough);
  return { ...network, layers };
}

/**
 * Deletes a layer. The layer after it then reads the layer before it (or
 * the inputs): its weights are cut or padded with zeros to fit.
 */
export function deleteLayer(network: Network, layerIndex: number): Network {
  if (network.layers.length <= 1) {
    throw new Error('A network needs at least one layer.');
  }
  if (!network.layers[layerIndex]) {
    throw new Error(`There is no layer ${layerIndex + 1}.`);
  }
  const layers = network.layers.filter((_, index) => index !== layerIndex);
  const shrunk = { ...network, layers };
  const count = inputCountOf(shrunk, layerIndex);
  return mapLayer(shrunk, layerIndex, (next) => ({
    ...next,
    neurons: next.neurons.map((n) => ({
      ...n,
      weights: Array.from({ length: count }, (_, i) => n.weights[i] ?? 0),
    })),
  }));
}

/** Adds an input named after its place (x3, x4, ...) with zero weights. */
export function addInput(network: Network): Network {
  if (network.inputs.length >= LIMITS.inputs) {
    throw new Error(`A network takes at most ${LIMITS.inputs} inputs.`);
  }
  // A name no input has, nor any neuron's label (`x3` may name a neuron).
  const taken = new Set([
    ...network.inputs,
    ...network.layers.flatMap((layer) =>
      layer.neurons.map((neuron) => neuron.label?.trim().split(/\s+/)[0]),
    ),
  ]);
  let number = network.inputs.length + 1;
  while (taken.has(`x${number}`)) number++;
  const grown = { ...network, inputs: [...network.inputs, `x${number}`] };
  return mapLayer(grown, 0, (first) => ({
    ...first,
    neurons: first.neurons.map((n) => ({ ...n, weights: [...n.weights, 0] })),
  }));
}

/** Removes the last input and the weights that read it. */
export function removeInput(network: Network): Network {
  if (network.inputs.length <= 1) {
    throw new Error('A network needs at least one input.');
  }
  const shrunk = { ...network, inputs: network.inputs.slice(0, -1) };
  return mapLayer(shrunk, 0, (first) => ({
    ...first,
    neurons: first.neurons.map((n) => ({
      ...n,
      weights: n.weights.slice(0, -1),
    })),
  }));
}
