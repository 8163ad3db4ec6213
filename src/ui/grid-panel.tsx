import { Box } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { type BoundaryLine, boundaryLine } from '../core/boundary.js';
import { type GridOptions, sampleGrid } from '../core/grid.js';
import type { Network, NeuronAddress } from '../core/network.js';
import { shownName } from '../render/formula.js';
import type { Targets } from '../core/truth-table.js';
import type { Messages } from '../i18n/messages.js';
import { lineCells, lineMark } from '../render/boundary.js';
import { gridLegend, renderGrid } from '../render/grid.js';
import type { GridSize } from './layout.js';
import { gridNeuron, type GridView } from './state.js';
import { type Segment, StyledLine } from './styled-line.js';
import {
  displayWidth,
  ELLIPSIS,
  fitToWidth,
  truncateToWidth,
  wrapText,
} from './text.js';

/** Props of `GridPanel`. */
export interface GridPanelProps {
  network: Network;
  targets: Targets | null;
  view: GridView;
  /** Sizes to try, largest first: the first whose lines fit is drawn. */
  sizes: readonly GridSize[];
  messages: Messages;
  width: number;
  height: number;
  isColor: boolean;
  /**
   * The neuron whose boundary line is drawn over the grid: the selected
   * one, drawn when its boundary is one straight line (a first-layer
   * neuron, or one after linear layers only).
   */
  lineOf?: NeuronAddress | null;
}

/** The grid options of the screen: the chosen neuron, axes and size. */
export function screenGridOptions(
  network: Network,
  view: GridView,
  size: GridSize,
): GridOptions {
  return {
    neuron: gridNeuron(network, view),
    xAxis: view.xAxis,
    yAxis: view.yAxis,
    range: [-0.5, 1.5],
    width: size.width,
    height: view.yAxis === null ? 1 : size.height,
    fixed: network.inputs.map(() => 0),
  };
}

/** Greedily packs the legend's parts into lines of `width` columns. */
function packLegend(legend: string, width: number): string[] {
  const lines: string[] = [];
  const parts = legend
    .split(/ {3,}/)
    .flatMap((part) =>
      displayWidth(part) > width ? wrapText(part, width) : [part],
    );
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last}   ${part}`) <= width) {
      lines[lines.length - 1] = `${last}   ${part}`;
    } else {
      lines.push(part);
    }
  }
  return lines;
}

/** The line itself, or undefined when there is none to draw. */
function straightLine(line: BoundaryLine): BoundaryLine | undefined {
  return line.kind === 'y' || line.kind === 'x' ? line : undefined;
}

/** The name of a neuron in the grid's title: its label, or its symbol. */
export function gridTitleName(
  network: Network,
  address: NeuronAddress,
): string {
  return shownName(network, address);
}

/**
 * The grid panel's text: `renderGrid` (as `--print` draws it) with the
 * neuron's name beside the y axis name, then the inputs held at 0 when
 * there are more than two, and the legend packed to the panel's width.
 * The largest size whose grid fits is drawn; legend lines that do not fit
 * under it are cut, the last one ending in `…`.
 */
export function gridText(
  network: Network,
  targets: Targets | null,
  view: GridView,
  sizes: readonly GridSize[],
  messages: Messages,
  width: number,
  height: number,
  lineOf: NeuronAddress | null = null,
): string[] {
  const axes = [view.xAxis, view.yAxis];
  const held = network.inputs.filter((_, i) => !axes.includes(i));
  const heldLine = held.length > 0 ? [messages.heldAt(held.join(', '))] : [];
  let result: string[] = [];
  for (const size of sizes) {
    const options = screenGridOptions(network, view, size);
    const grid = sampleGrid(network, options);
    const line =
      lineOf && view.yAxis !== null
        ? straightLine(boundaryLine(network, lineOf, options))
        : undefined;
    const [yName = '', ...body] = renderGrid(grid, network, targets, messages, {
      hasLegend: false,
      ...(line ? { line } : {}),
    });
    const title = messages.gridFor(gridTitleName(network, options.neuron));
    const drawn = [`${yName}  ${title}`, ...body, ...heldLine];
    let legendText = gridLegend(grid, network, targets, messages)[0] ?? '';
    if (line && lineOf && lineCells(grid, line).length > 0) {
      const isSame =
        lineOf.layer === options.neuron.layer &&
        lineOf.neuron === options.neuron.neuron;
      const mark = lineMark(line, grid);
      legendText += `   ${
        isSame
          ? messages.gridLegendLine(mark)
          : messages.gridLegendLineOf(mark, gridTitleName(network, lineOf))
      }`;
    }
    const legend = packLegend(legendText, width);
    const room = height - drawn.length;
    if (room < 1 && size !== sizes.at(-1)) continue;
    const shown = legend.slice(0, Math.max(0, room));
    if (shown.length < legend.length && shown.length > 0) {
      const last = shown.length - 1;
      shown[last] =
        `${truncateToWidth(shown[last] ?? '', width - 1)}${ELLIPSIS}`;
    }
    result = [...drawn, ...shown];
    break;
  }
  return result.slice(0, height);
}

/** Colours the cells of a grid line; the marks say it all without them. */
function styleGridLine(line: string, width: number): Segment[] {
  const text = fitToWidth(line, width);
  const bar = text.indexOf('|');
  if (bar < 0) return [{ text }];
  const segments: Segment[] = [{ text: text.slice(0, bar + 1) }];
  for (const character of text.slice(bar + 1)) {
    const style: Omit<Segment, 'text'> =
      character === '#'
        ? { color: 'cyan' }
        : character === 'X'
          ? { color: 'red', isBold: true }
          : character === '0' || character === '1'
            ? { color: 'yellow', isBold: true }
            : {};
    const last = segments.at(-1);
    if (last && last.color === style.color && last.isBold === style.isBold) {
      last.text += character;
    } else {
      segments.push({ text: character, ...style });
    }
  }
  return segments;
}

/** The decision grid of the chosen neuron over two inputs. */
export function GridPanel(props: GridPanelProps): ReactNode {
  const { network, targets, view, sizes, messages, width, height } = props;
  const lineOf = props.lineOf ?? null;
  const lines = useMemo(
    () =>
      gridText(network, targets, view, sizes, messages, width, height, lineOf),
    [network, targets, view, sizes, messages, width, height, lineOf],
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, index) => (
        <StyledLine
          key={index}
          segments={styleGridLine(line, width)}
          isColor={props.isColor}
        />
      ))}
    </Box>
  );
}
