import { Box } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { truthTable } from '../core/truth-table.js';
import { type Messages, messagesFor } from '../i18n/messages.js';
import { renderNetwork } from '../render/network.js';
import { localText } from '../render/print.js';
import { renderTable } from '../render/table.js';
import { FormulaLine } from './formula-line.js';
import { Footer } from './footer.js';
import { GridPanel } from './grid-panel.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import {
  FIXED_LINES,
  isLargeEnough,
  MIN_SIZE,
  screenLayout,
  splitLeft,
} from './layout.js';
import { NetworkPanel } from './network-panel.js';
import { NotesPanel } from './notes-panel.js';
import { PresetList } from './preset-list.js';
import { type SessionState, targetsOrOutputs } from './state.js';
import { StatusLine, statusLines } from './status-line.js';
import { StyledLine } from './styled-line.js';
import { TablePanel } from './table-panel.js';
import { displayWidth, fitToWidth } from './text.js';
import type { TerminalSize } from './use-terminal-size.js';

/** Props of `Screen`. */
export interface ScreenProps {
  state: SessionState;
  size: TerminalSize;
  isColor: boolean;
  onDraftChange: (text: string) => void;
}

/** The whole screen, or one line asking for a larger window. */
export function Screen({
  state,
  size,
  isColor,
  onDraftChange,
}: ScreenProps): ReactNode {
  const messages = messagesFor(state.language);
  if (!isLargeEnough(size)) {
    const now = `${size.columns}x${size.rows}`;
    const text = messages.windowTooSmall(MIN_SIZE.columns, MIN_SIZE.rows, now);
    return (
      <StyledLine
        segments={[{ text: fitToWidth(text, size.columns) }]}
        isColor={false}
      />
    );
  }
  const { network } = state.lesson;
  const columns = size.columns;
  // A long message may take a line of the footer.
  const statusHeight = statusLines(state, columns).length;
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        state={state}
        messages={messages}
        width={columns}
        isColor={isColor}
      />
      <Middle state={state} size={size} messages={messages} isColor={isColor} />
      <FormulaLine
        network={network}
        neuron={state.selection}
        width={columns}
        isColor={isColor}
      />
      <StatusLine
        state={state}
        messages={messages}
        width={columns}
        isColor={isColor}
        onDraftChange={onDraftChange}
      />
      <Footer
        mode={state.mode}
        messages={messages}
        width={columns}
        height={FIXED_LINES.status + FIXED_LINES.footer - statusHeight}
        isColor={isColor}
      />
    </Box>
  );
}

/** Props of `Middle`. */
interface MiddleProps {
  state: SessionState;
  size: TerminalSize;
  messages: Messages;
  isColor: boolean;
}

/** The panels between header and formula, or the open overlay. */
function Middle({ state, size, messages, isColor }: MiddleProps): ReactNode {
  const { network, targets } = state.lesson;
  const { selection } = state;
  const isTargets = state.mode === 'targets';
  // While targets are edited, a lesson without them shows the outputs as
  // a starting point.
  const shownTargets = useMemo(
    () => (isTargets ? targetsOrOutputs(network, targets) : targets),
    [isTargets, network, targets],
  );
  const rows = useMemo(
    () => truthTable(network, shownTargets),
    [network, shownTargets],
  );
  const sumOf = useMemo(
    () => ({ layer: selection.layer, neuron: selection.neuron }),
    [selection.layer, selection.neuron],
  );
  const table = useMemo(
    () => renderTable(network, rows, sumOf, messages),
    [network, rows, sumOf, messages],
  );
  const networkWidth = useMemo(
    () => Math.max(...renderNetwork(network, messages).map(displayWidth)),
    [network, messages],
  );
  const axisName = network.inputs[state.grid.xAxis] ?? '';
  const contentWidth = Math.max(networkWidth, ...table.map(displayWidth));
  // The same layout object while nothing it depends on changes, so that
  // the grid is sampled again only when the network or its view changes.
  const layout = useMemo(
    () => screenLayout(size, { axisName, contentWidth }),
    [size, axisName, contentWidth],
  );

  if (state.mode === 'help') {
    return (
      <HelpOverlay
        scroll={state.helpScroll}
        messages={messages}
        width={layout.columns}
        height={layout.middle}
        isColor={isColor}
      />
    );
  }
  if (state.mode === 'preset-list') {
    return (
      <PresetList
        lessons={state.lessons}
        index={state.listIndex}
        current={state.lessonIndex}
        language={state.language}
        messages={messages}
        width={layout.columns}
        height={layout.middle}
        isColor={isColor}
      />
    );
  }

  const networkLines =
    1 +
    network.layers.length +
    network.layers.reduce((count, layer) => count + layer.neurons.length, 0);
  const tableLines = 1 + table.length;
  const heights = splitLeft(layout.middle, networkLines, tableLines);
  const notes = localText(state.lesson.notes, state.language);
  return (
    <Box flexDirection="row" height={layout.middle}>
      <Box flexDirection="column" width={layout.leftWidth}>
        <NetworkPanel
          network={network}
          selection={state.selection}
          messages={messages}
          width={layout.leftWidth}
          height={heights.network}
          isColor={isColor}
        />
        <Box height={1} />
        <TablePanel
          network={network}
          rows={rows}
          lines={table}
          cursor={
            isTargets
              ? { row: state.targetRow, output: state.targetOutput }
              : null
          }
          messages={messages}
          width={layout.leftWidth}
          height={heights.table}
          isColor={isColor}
        />
        {heights.notes > 0 ? (
          <>
            <Box height={1} />
            <NotesPanel
              text={notes}
              width={layout.leftWidth}
              height={heights.notes}
              isColor={isColor}
            />
          </>
        ) : null}
      </Box>
      <Box width={layout.gap} />
      <GridPanel
        network={network}
        targets={shownTargets}
        view={state.grid}
        sizes={layout.gridSizes}
        messages={messages}
        width={layout.rightWidth}
        height={layout.middle}
        isColor={isColor}
      />
    </Box>
  );
}
