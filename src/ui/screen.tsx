import { Box } from 'ink';
import { type ReactNode, useMemo } from 'react';
import type { Panel } from '../command/args.js';
import { type Messages, messagesFor } from '../i18n/messages.js';
import { FormulaLine } from './formula-line.js';
import { Footer } from './footer.js';
import { GridPanel } from './grid-panel.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { HiddenGrids } from './hidden-grids.js';
import { FIXED_LINES, isLargeEnough, MIN_SIZE } from './layout.js';
import type { MiddlePlan } from './middle-plan.js';
import { NetworkPanel } from './network-panel.js';
import { NotesPanel } from './notes-panel.js';
import { PresetList } from './preset-list.js';
import { unsavedLessonIndexes } from './unsaved.js';
import type { SessionState } from './state.js';
import { StatusLine, statusLines } from './status-line.js';
import { StyledLine } from './styled-line.js';
import { TablePanel } from './table-panel.js';
import { TrainingPanel, trainingHeights } from './training-panel.js';
import { changeSince, nextRule } from './training.js';
import { displayWidth, fitToWidth, wrapText } from './text.js';
import type { TerminalSize } from './use-terminal-size.js';
import { WhyOverlay } from './why-overlay.js';

/** Props of `Screen`. */
export interface ScreenProps {
  state: SessionState;
  /** The plan of the panels between header and formula, for `state`. */
  plan: MiddlePlan;
  size: TerminalSize;
  isColor: boolean;
  onDraftChange: (text: string) => void;
  /** Panels hidden with --hide, to pose a question. */
  hidden?: readonly Panel[];
}

/** No panel hidden. */
const NONE_HIDDEN: readonly Panel[] = [];

/** The whole screen, or one line asking for a larger window. */
export function Screen({
  state,
  plan,
  size,
  isColor,
  onDraftChange,
  hidden = NONE_HIDDEN,
}: ScreenProps): ReactNode {
  const messages = messagesFor(state.language);
  if (!isLargeEnough(size)) {
    const now = `${size.columns}x${size.rows}`;
    const full = messages.windowTooSmall(MIN_SIZE.columns, MIN_SIZE.rows, now);
    // In a very narrow window the short form keeps both sizes in view.
    const text =
      displayWidth(full) <= size.columns
        ? full
        : `${MIN_SIZE.columns}x${MIN_SIZE.rows}+ (${now})`;
    // The question about quitting stays in view, so that q is not pressed
    // again unawares: in the rows left, as many of its lines as fit.
    const question =
      state.mode === 'confirm-quit' && state.status
        ? wrapText(state.status.text, size.columns).slice(0, size.rows - 1)
        : [];
    // As tall as the window, as the whole screen is: a window made taller
    // brings back old lines from the terminal's history at the top, and a
    // frame of one line would leave them there.
    return (
      <Box flexDirection="column" height={size.rows}>
        {[text, ...question].map((line, index) => (
          <StyledLine
            key={index}
            segments={[{ text: fitToWidth(line, size.columns) }]}
            isColor={false}
          />
        ))}
      </Box>
    );
  }
  const { network } = state.lesson;
  const columns = size.columns;
  // Notes that get no room say how tall a window shows them.
  const hint =
    plan.notesShortBy > 0
      ? messages.notesNeedRows(size.rows + plan.notesShortBy)
      : '';
  // A long message may take a line of the footer.
  const statusHeight = statusLines(state, messages, columns, hint).length;
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        state={state}
        messages={messages}
        width={columns}
        isColor={isColor}
      />
      <Middle
        state={state}
        plan={plan}
        messages={messages}
        isColor={isColor}
        hidden={hidden}
      />
      <FormulaLine
        network={network}
        neuron={state.selection}
        view={state.grid}
        messages={messages}
        width={columns}
        isColor={isColor}
        isHidden={hidden.includes('formula')}
      />
      <StatusLine
        state={state}
        messages={messages}
        width={columns}
        isColor={isColor}
        onDraftChange={onDraftChange}
        hint={hint}
      />
      <Footer
        mode={state.mode}
        messages={messages}
        width={columns}
        height={FIXED_LINES.status + FIXED_LINES.footer - statusHeight}
        isColor={isColor}
        isLocked={state.isLocked}
      />
    </Box>
  );
}

/** Props of `Middle`. */
interface MiddleProps {
  state: SessionState;
  plan: MiddlePlan;
  messages: Messages;
  isColor: boolean;
  hidden: readonly Panel[];
}

/** The panels between header and formula, or the open overlay. */
function Middle(props: MiddleProps): ReactNode {
  const { state, plan, messages, isColor, hidden } = props;
  const { lesson, selection, grid, mode } = state;
  const { network } = lesson;
  const { layout } = plan;
  // While training, the training panel takes the notes' place.
  const { training } = state;
  const heights = training
    ? trainingHeights(layout.middle, plan.heights)
    : plan.heights;
  const lineOf = useMemo(
    () => ({ layer: selection.layer, neuron: selection.neuron }),
    [selection.layer, selection.neuron],
  );
  const change = training ? changeSince(training, lesson) : 'none';
  // After a change of shape, targets or rule, the panel's title names the
  // rule and rate that the next step starts again with.
  const panelTraining =
    training && change === 'problem'
      ? { ...training, ...nextRule(training, lesson) }
      : training;

  if (state.mode === 'help') {
    return (
      <HelpOverlay
        scroll={state.helpScroll}
        messages={messages}
        width={layout.columns}
        height={layout.middle}
        isColor={isColor}
        isLocked={state.isLocked}
      />
    );
  }
  if (state.mode === 'why') {
    return (
      <WhyOverlay
        network={network}
        targets={lesson.targets}
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
        unsaved={unsavedLessonIndexes(state)}
        language={state.language}
        messages={messages}
        width={layout.columns}
        height={layout.middle}
        isColor={isColor}
      />
    );
  }

  const isShown = (panel: Panel) => !hidden.includes(panel);
  const { leftWidth, side } = plan;
  // A blank line between two panels of the left column.
  const gapBefore = (isAfterOther: boolean) =>
    isAfterOther ? <Box height={1} /> : null;
  return (
    <Box flexDirection="row" height={layout.middle}>
      <Box flexDirection="column" width={leftWidth}>
        {heights.network > 0 ? (
          <NetworkPanel
            network={network}
            selection={selection}
            messages={messages}
            width={leftWidth}
            height={heights.network}
            isColor={isColor}
          />
        ) : null}
        {heights.table > 0 ? (
          <>
            {gapBefore(heights.network > 0)}
            <TablePanel
              network={network}
              rows={plan.rows}
              lines={plan.table}
              cursor={
                mode === 'targets'
                  ? { row: state.targetRow, output: state.targetOutput }
                  : null
              }
              messages={messages}
              width={leftWidth}
              height={heights.table}
              isColor={isColor}
            />
          </>
        ) : null}
        {heights.notes > 0 && panelTraining ? (
          <>
            {gapBefore(heights.network + heights.table > 0)}
            <TrainingPanel
              training={panelTraining}
              change={change}
              network={network}
              isRateSelected={mode === 'rate'}
              messages={messages}
              width={leftWidth}
              height={heights.notes}
              isColor={isColor}
            />
          </>
        ) : null}
        {heights.notes > 0 && !training ? (
          <>
            {gapBefore(heights.network + heights.table > 0)}
            <NotesPanel
              text={plan.notes}
              scroll={state.notesScroll}
              messages={messages}
              width={leftWidth}
              height={heights.notes}
              isColor={isColor}
            />
          </>
        ) : null}
      </Box>
      {isShown('grid') ? (
        <>
          <Box width={layout.gap} />
          <GridPanel
            network={network}
            targets={plan.targets}
            view={grid}
            sizes={layout.gridSizes}
            messages={messages}
            width={layout.rightWidth}
            height={layout.middle}
            isColor={isColor}
            lineOf={lineOf}
          />
        </>
      ) : null}
      {side ? (
        <HiddenGrids
          network={network}
          plan={side}
          view={grid}
          selection={selection}
          messages={messages}
          height={layout.middle}
          isColor={isColor}
        />
      ) : null}
    </Box>
  );
}
