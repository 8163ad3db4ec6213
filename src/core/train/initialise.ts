import type { Network } from '../network.js';
import { uniform, type Random } from '../random.js';

/** Where training starts: the preset's own weights, zero, or random. */
export type Initialisation = 'preset' | 'zero' | 'random';

/**
 * A network's starting weights and biases. 'preset' returns the network as
 * it is; 'zero' sets every weight and bias to 0; 'random' draws each one
 * uniformly from [-1, 1), layer by layer, neuron by neuron, the weights
 * before the bias.
 */
export function initialise(
  network: Network,
  init: Initialisation,
  random: Random,
): Network {
  if (init === 'preset') return network;
  const draw = init === 'zero' ? () => 0 : () => uniform(random, -1, 1);
  const layers = network.layers.map((layer) => ({
    ...layer,
    neurons: layer.neurons.map((neuron) => {
      const weights = neuron.weights.map(draw);
      return { ...neuron, weights, bias: draw() };
    }),
  }));
  return { ...network, layers };
}
