import type { ReactNode } from 'react';
import type { Network, NeuronAddress } from '../core/network.js';
import { formulaText } from '../render/formula.js';
import { StyledLine } from './styled-line.js';
import { fitToWidth } from './text.js';

/** Props of `FormulaLine`. */
export interface FormulaLineProps {
  network: Network;
  /** The selected neuron. */
  neuron: NeuronAddress;
  width: number;
  isColor: boolean;
}

/** The selected neuron's formula with its current numbers. */
export function FormulaLine({
  network,
  neuron,
  width,
  isColor,
}: FormulaLineProps): ReactNode {
  const text = fitToWidth(formulaText(network, neuron), width);
  return <StyledLine segments={[{ text, isBold: true }]} isColor={isColor} />;
}
