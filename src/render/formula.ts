import { formatNumber } from '../core/number.js';
import {
  type Network,
  type NeuronAddress,
  neuronAt,
  neuronName,
} from '../core/network.js';

/**
 * The short name of a neuron's output in formulas: the first word of its
 * label ("s1" for "s1 NAND"), or without one, "y" for a lone output
 * ("out" when an input is named y) and its place ("h1.2") otherwise.
 */
export function variableName(network: Network, address: NeuronAddress): string {
  const label = network.layers[address.layer]?.neurons[address.neuron]?.label;
  const word = label?.trim().split(/\s+/)[0];
  if (word) return word;
  const isLoneOutput =
    address.layer === network.layers.length - 1 &&
    network.layers[address.layer]?.neurons.length === 1;
  if (!isLoneOutput) return `h${address.layer + 1}.${address.neuron + 1}`;
  return network.inputs.includes('y') ? 'out' : 'y';
}

/**
 * A neuron's name as the screen shows it in titles and prompts: its whole
 * label ("s1 NAND"), or the name formulas give it ("y", "h1.2").
 */
export function shownName(network: Network, address: NeuronAddress): string {
  const label = network.layers[address.layer]?.neurons[address.neuron]?.label;
  return label ?? variableName(network, address);
}

/** The names of the values that reach a layer's neurons. */
export function inputNames(network: Network, layerIndex: number): string[] {
  if (layerIndex === 0) return network.inputs;
  const previous = network.layers[layerIndex - 1];
  return (previous?.neurons ?? []).map((_, neuron) =>
    variableName(network, { layer: layerIndex - 1, neuron }),
  );
}

/** `w*x` terms joined with signs: `0.50*x1 - 0.50*x2 + 0.70`. */
function sumText(
  weights: readonly number[],
  names: readonly string[],
  bias: number,
  decimals: number,
): string {
  const terms = [
    ...weights.map((w, i) => ({ value: w, suffix: `*${names[i] ?? '?'}` })),
    { value: bias, suffix: '' },
  ];
  return terms
    .map(({ value, suffix }, index) => {
      const text = formatNumber(Math.abs(value), decimals) + suffix;
      const isNegative = formatNumber(value, decimals).startsWith('-');
      if (index === 0) return isNegative ? `-${text}` : text;
      return `${isNegative ? '-' : '+'} ${text}`;
    })
    .join(' ');
}

/**
 * The formula of one neuron with its current numbers, for example
 * `y = step(0.50*x1 + 0.50*x2 - 0.70)`.
 */
export function formulaText(
  network: Network,
  address: NeuronAddress,
  decimals = 2,
): string {
  const neuron = neuronAt(network, address);
  const layer = network.layers[address.layer];
  const names = inputNames(network, address.layer);
  const sum = sumText(neuron.weights, names, neuron.bias, decimals);
  const name = variableName(network, address);
  return `${name} = ${layer?.activation ?? 'step'}(${sum})`;
}

/** A neuron's name for headings: its label, or its place. */
export { neuronName };
