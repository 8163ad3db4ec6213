import { Box } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { sampleGrid } from '../core/grid.js';
import type { Network, NeuronAddress } from '../core/network.js';
import type { Messages } from '../i18n/messages.js';
import { gridCells } from '../render/grid.js';
import { gridTitleName, screenGridOptions } from './grid-panel.js';
import { SMALL_BLOCK_WIDTH, SMALL_GRID, type SidePlan } from './middle-plan.js';
import type { GridView } from './state.js';
import { type Segment, StyledLine } from './styled-line.js';
import { fitToWidth } from './text.js';

/** Props of `HiddenGrids`. */
export interface HiddenGridsProps {
  network: Network;
  /** Which hidden layer, and how many of its neurons fit. */
  plan: SidePlan;
  /** The main grid's view: the small grids share its axes. */
  view: GridView;
  /** The selected neuron, whose small grid is marked `>`. */
  selection: NeuronAddress;
  messages: Messages;
  height: number;
  isColor: boolean;
}

/** Colours the marks of a small grid; the marks say it all without them. */
function styleCells(cells: readonly string[]): Segment[] {
  const segments: Segment[] = [{ text: ' ' }];
  for (const mark of cells) {
    const style: Omit<Segment, 'text'> =
      mark === '#'
        ? { color: 'cyan' }
        : mark === '0' || mark === '1'
          ? { color: 'yellow', isBold: true }
          : {};
    const last = segments.at(-1);
    if (last && last.color === style.color && last.isBold === style.isBold) {
      last.text += mark;
    } else {
      segments.push({ text: mark, ...style });
    }
  }
  return segments;
}

/**
 * The lines of one neuron's small grid: its name (with `>` when selected),
 * then its cells over the main grid's axes, the truth-table points marked
 * with the neuron's output there.
 */
export function smallGridLines(
  network: Network,
  address: NeuronAddress,
  view: GridView,
  isSelected: boolean,
): Segment[][] {
  const options = screenGridOptions(network, view, SMALL_GRID);
  const grid = sampleGrid(network, { ...options, neuron: address });
  const cells = gridCells(grid, network, null);
  const name = `${isSelected ? '>' : ' '}${gridTitleName(network, address)}`;
  return [
    [{ text: fitToWidth(name, SMALL_BLOCK_WIDTH), isBold: isSelected }],
    ...cells.map(styleCells),
  ];
}

/**
 * Beside the main grid, a small grid for each neuron of one hidden layer,
 * as the TensorFlow Playground draws a picture per neuron: for XOR, the
 * NAND and OR whose overlap the output neuron picks out. Columns of them
 * as the plan says, "+N more" under the last when not all fit.
 */
export function HiddenGrids(props: HiddenGridsProps): ReactNode {
  const { network, plan, view, selection, messages, height, isColor } = props;
  const blocks = useMemo(
    () =>
      Array.from({ length: plan.shown }, (_, neuron) =>
        smallGridLines(
          network,
          { layer: plan.layer, neuron },
          view,
          selection.layer === plan.layer && selection.neuron === neuron,
        ),
      ),
    [network, plan, view, selection],
  );
  const perColumn = Math.ceil(plan.shown / plan.columns);
  const columns = Array.from({ length: plan.columns }, (_, column) =>
    blocks.slice(column * perColumn, (column + 1) * perColumn),
  );
  const more =
    plan.more > 0
      ? fitToWidth(` ${messages.hiddenGridsMore(plan.more)}`, SMALL_BLOCK_WIDTH)
      : null;
  return (
    <Box flexDirection="row" height={height}>
      {columns.map((column, index) => (
        <Box key={index} flexDirection="row">
          <Box width={2} />
          <Box flexDirection="column" width={SMALL_BLOCK_WIDTH}>
            {column.flatMap((block, blockIndex) =>
              [...(blockIndex > 0 ? [[{ text: ' ' }]] : []), ...block].map(
                (segments, line) => (
                  <StyledLine
                    key={`${blockIndex}-${line}`}
                    segments={segments}
                    isColor={isColor}
                  />
                ),
              ),
            )}
            {more !== null && index === columns.length - 1 ? (
              <StyledLine
                segments={[{ text: more, isDim: true }]}
                isColor={isColor}
              />
            ) : null}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
