import { formatNumber } from '../core/number.js';
import type { ValueIndex } from '../core/edit.js';
import type { Network, NeuronAddress } from '../core/network.js';
import type { Messages } from '../i18n/messages.js';
import { inputNames, variableName } from './formula.js';

/** The value that is selected for editing. */
export interface Selection extends NeuronAddress {
  /** A weight by index, or the bias. */
  value: ValueIndex;
}

/** Width of one shown value, such as ` -0.50`. */
const VALUE_WIDTH = 6;

/** A value, in brackets when it is the selected one. */
function valueText(value: number, isSelected: boolean): string {
  const text = formatNumber(value, 2, VALUE_WIDTH);
  return isSelected ? `[${text}]` : ` ${text} `;
}

/** The bias's name in a layer that reads `names`: never one of them. */
export function biasNameBeside(
  names: readonly string[],
  messages: Messages,
): string {
  return names.includes(messages.bias) ? messages.biasLong : messages.bias;
}

/**
 * The network as lines: each layer with its activation, then each neuron
 * with its weights (named by the input they read) and its bias. The
 * selected value is in brackets and its neuron starts with `>`, so the
 * selection shows without colour. The bias is `b`, or `bias` in a layer
 * that reads a value named `b` (inputs a and b).
 */
export function renderNetwork(
  network: Network,
  messages: Messages,
  selection?: Selection,
): string[] {
  const lines: string[] = [];
  network.layers.forEach((layer, layerIndex) => {
    lines.push(messages.layer(layerIndex + 1, layer.activation));
    const names = inputNames(network, layerIndex);
    const biasName = biasNameBeside(names, messages);
    layer.neurons.forEach((neuron, neuronIndex) => {
      const isHere =
        selection?.layer === layerIndex && selection.neuron === neuronIndex;
      const name = variableName(network, {
        layer: layerIndex,
        neuron: neuronIndex,
      });
      const weights = neuron.weights.map(
        (w, i) =>
          `${names[i] ?? '?'}${valueText(w, isHere && selection?.value === i)}`,
      );
      const isBias = isHere && selection?.value === 'bias';
      const bias = `${biasName}${valueText(neuron.bias, isBias)}`;
      const values = [...weights, bias].join(' ');
      lines.push(`${isHere ? '>' : ' '} ${name}: ${values}`.trimEnd());
    });
  });
  return lines;
}
