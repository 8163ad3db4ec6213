import { type ReactNode, useMemo } from 'react';
import { boundaryLine } from '../core/boundary.js';
import type { Network, NeuronAddress } from '../core/network.js';
import type { Messages } from '../i18n/messages.js';
import { boundaryText } from '../render/boundary.js';
import { formulaText } from '../render/formula.js';
import type { GridView } from './state.js';
import { StyledLine } from './styled-line.js';
import { displayWidth, fitToWidth, truncateToWidth } from './text.js';

/** Props of `FormulaLine`. */
export interface FormulaLineProps {
  network: Network;
  /** The selected neuron. */
  neuron: NeuronAddress;
  /** The grid's axes: the boundary is the line in their plane. */
  view: GridView;
  messages: Messages;
  width: number;
  isColor: boolean;
  /** Hidden with --hide formula: the line stays, empty. */
  isHidden?: boolean;
}

/** Columns between the formula and the boundary. */
const SEPARATOR = '   ';

/** The fewest columns worth giving the boundary; less leaves it out. */
const MIN_BOUNDARY = 20;

/**
 * The formula of the selected neuron with its current numbers and, over
 * the grid's axes, its boundary in words and numbers
 * (`y = step(0.50*x1 + 0.50*x2 - 0.70)   boundary: x2 = 1.40 - 1.00*x1`;
 * a point, `x1 = 0.50`, over one input).
 * A boundary too long for the rest of the line is said in its short form,
 * cut with `…` if that is still too long, and left out when fewer than
 * `MIN_BOUNDARY` columns are left.
 */
export function formulaLineText(
  network: Network,
  neuron: NeuronAddress,
  view: GridView,
  messages: Messages,
  width: number,
): string {
  const formula = formulaText(network, neuron);
  const line = boundaryLine(network, neuron, {
    xAxis: view.xAxis,
    yAxis: view.yAxis,
    fixed: network.inputs.map(() => 0),
  });
  const xName = network.inputs[view.xAxis] ?? '';
  const yName = view.yAxis === null ? null : (network.inputs[view.yAxis] ?? '');
  const text = (isShort: boolean) =>
    boundaryText(line, xName, yName, messages, isShort);
  const room = width - displayWidth(formula) - SEPARATOR.length;
  if (room < MIN_BOUNDARY) return formula;
  const long = text(false);
  const boundary = displayWidth(long) <= room ? long : text(true);
  return `${formula}${SEPARATOR}${truncateToWidth(boundary, room)}`;
}

/** The selected neuron's formula and boundary with its current numbers. */
export function FormulaLine(props: FormulaLineProps): ReactNode {
  const { network, neuron, view, messages, width, isColor, isHidden } = props;
  // Worked out again only when the network or the view changes.
  const text = useMemo(
    () =>
      isHidden ? '' : formulaLineText(network, neuron, view, messages, width),
    [isHidden, network, neuron, view, messages, width],
  );
  return (
    <StyledLine
      segments={[{ text: fitToWidth(text, width), isBold: true }]}
      isColor={isColor}
    />
  );
}
