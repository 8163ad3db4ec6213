import { significant } from '../core/number.js';
import type { TrainingOutcome, TrainingRefusal } from '../core/train.js';

/** `1 epoch`, `3 epochs`. */
function counted(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What a step of training came to, as the status line says it. */
function trainingOutcome(outcome: TrainingOutcome): string {
  switch (outcome.kind) {
    case 'overflowed':
      return (
        `Training stopped in epoch ${outcome.epoch}: the weights ` +
        `overflowed, because the next update would have made a weight or ` +
        `bias too large for a number (learning rate ` +
        `${outcome.learningRate}). The network is the last one whose ` +
        `weights were all finite; reset it and try a smaller learning rate.`
      );
    case 'converged-clean':
      return (
        `Converged: epoch ${outcome.epoch} made no mistake, after ` +
        `${counted(outcome.updates, 'update')}.`
      );
    case 'converged':
      return (
        `Converged in epoch ${outcome.epoch}: every row is right and the ` +
        `loss is below ${outcome.lossThreshold}.`
      );
    case 'not-converged':
      return (
        `Not converged after ${counted(outcome.epochs, 'epoch')}: ` +
        `${outcome.rowsRight} of ${outcome.rows} rows are right and the ` +
        `loss is ${significant(outcome.loss)}. Train for more epochs, or ` +
        `try another learning rate.`
      );
    case 'not-separable': {
      const cut = outcome.isPlane ? 'flat plane' : 'straight line';
      const which =
        outcome.output === null ? '' : ` of output ${outcome.output}`;
      // Short enough for the three lines a status message has at 80 columns.
      return (
        `No clean epoch in ${counted(outcome.epochs, 'epoch')}: no ${cut} ` +
        `splits the 1s from the 0s${which} (not linearly separable), so ` +
        `one layer of step neurons never gets every row right. Add a ` +
        `hidden layer, as the XOR lesson does, or use sigmoid and backprop.`
      );
    }
    case 'separable-not-yet':
      if (outcome.isRightNow) {
        return (
          `No clean epoch in ${counted(outcome.epochs, 'epoch')} yet, but ` +
          `every row is right now: epoch ${outcome.epochs} still made ` +
          `mistakes, and the next one will make none. Train one more epoch.`
        );
      }
      return (
        `No clean epoch in ${counted(outcome.epochs, 'epoch')} yet. The ` +
        `targets are linearly separable, so the perceptron rule will reach ` +
        `one: train for more epochs.`
      );
    case 'no-clean-epoch':
      return (
        `No clean epoch in ${counted(outcome.epochs, 'epoch')}. Train for ` +
        `more epochs.`
      );
  }
}

/** Why a network cannot be trained as asked, and what to do instead. */
function trainingRefused(refusal: TrainingRefusal): string {
  switch (refusal.kind) {
    case 'backprop-step': {
      const why =
        'the step function is flat everywhere except at 0, so its ' +
        'derivative gives no gradient to follow.';
      return refusal.layer === null
        ? `Backprop cannot train step neurons: ${why} Use the perceptron ` +
            `rule for this single layer of step neurons, or change its ` +
            `activation to sigmoid.`
        : `Backprop cannot train step neurons, and layer ${refusal.layer} ` +
            `uses step: ${why} Change every step layer to sigmoid, tanh, ` +
            `relu or linear first.`;
    }
    case 'perceptron-layers':
      return (
        `The perceptron rule trains a single layer of step neurons, but ` +
        `this network has ${refusal.layers} layers, and the rule has no ` +
        `targets for hidden neurons. Train it with backprop instead, once no ` +
        `layer is step.`
      );
    case 'perceptron-activation':
      return (
        `The perceptron rule trains step neurons, but this layer uses ` +
        `${refusal.activation}. Train it with backprop, or change its ` +
        `activation to step.`
      );
    case 'perceptron-target':
      return (
        `The perceptron rule needs targets of 0 or 1, but row ` +
        `${refusal.row} has ${refusal.value}.`
      );
    case 'loss-output':
      return (
        `Cross-entropy loss needs a sigmoid output layer, whose outputs ` +
        `lie between 0 and 1, but the output layer uses ` +
        `${refusal.activation}. Use squared error, or change the output ` +
        `layer to sigmoid.`
      );
  }
}

/** The settings a `--train` run used, as its report gives them. */
export interface TrainedSettings {
  rule: string;
  learningRate: number;
  seed: number;
  init: string;
  /** The loss minimised: squared or cross-entropy. */
  lossFunction: string;
  /** Online (an update a row) or full (an update an epoch). */
  batch: string;
  shuffle: boolean;
}

/** English interface text. Functions fill in numbers and names. */
export const en = {
  trainingOutcome,
  trainingRefused,
  trainedWith: (settings: TrainedSettings) =>
    `Trained with the ${settings.rule} rule, learning rate ` +
    `${settings.learningRate}, seed ${settings.seed}, init ${settings.init}, ` +
    `${settings.lossFunction === 'squared' ? 'squared error' : 'cross-entropy'}, ` +
    `${settings.batch === 'full' ? 'full batch' : 'online'}` +
    `${settings.shuffle ? ', rows shuffled' : ''}:`,
  trainedTo: (epochs: number, loss: string, percentRight: number) =>
    `${counted(epochs, 'epoch')}, loss ${loss}, ${percentRight}% of rows right.`,
  inputLayer: (n: number, activation: string, sums: string, outputs: string) =>
    `layer ${n} (${activation}): sums ${sums}; outputs ${outputs}`,
  inputOutputs: (outputs: string) => `outputs: ${outputs}`,
  target: 'target',
  ok: 'ok',
  wrong: 'X',
  sumOf: (name: string) => `sum ${name}`,
  onBoundary: (rule: string) =>
    `on the boundary: the weighted sum is 0, where a step neuron gives ` +
    `${rule === '>=' ? 1 : 0} (it fires when z ${rule} 0)`,
  sumIsZero: 'sum is 0',
  gridLegendStep: '# 1   . 0',
  gridLegendSmooth: (ramp: string, low: string, high: string) =>
    `${ramp} from ${low} to ${high}`,
  gridLegendPoints: '0/1 right  X wrong',
  gridLegendPlain: '0/1 the output at a truth-table point',
  gridNotFinite: '? not a number',
  gridOf: (neuron: string, held: string) =>
    `Decision grid: ${neuron}${held ? ` (${held})` : ''}`,
  heldAt: (names: string) => `${names} held at 0`,
  boundaryLine: (equation: string) => `boundary: ${equation}`,
  boundaryNone: (x: string, y: string) =>
    `no line: the sum has weight 0 on ${x} and on ${y}, so it is the same everywhere`,
  boundaryNoneShort: (x: string, y: string) =>
    `no line: ${x} and ${y} have weight 0`,
  boundaryNotStraight: (layer: number, activation: string) =>
    `boundary: in general not one straight line (layer ${layer} is ${activation})`,
  boundaryNotStraightShort: 'boundary: in general not one line',
  boundaryPoint: (equation: string) => `boundary: ${equation}`,
  boundaryPointNone: (x: string) =>
    `no boundary: the sum has weight 0 on ${x}, so it is the same everywhere`,
  boundaryPointNoneShort: (x: string) => `no boundary: ${x} has weight 0`,
  boundaryNotPoint: (layer: number, activation: string) =>
    `boundary: in general not one point (layer ${layer} is ${activation})`,
  boundaryNotPointShort: 'boundary: in general not one point',
  gridLegendLine: (mark: string) => `${mark} boundary`,
  whyIntro: (fires: string) =>
    `Each row asks something of w1, w2 and b (the neuron fires when the sum ${fires} 0):`,
  whyNow: (sum: string, holds: boolean) =>
    `now ${sum}: ${holds ? 'holds' : 'fails'}`,
  whyMiddle: (sum: string) => `Adding the two middle rows: ${sum}.`,
  whyEnds: (sum: string) => `Adding the first and the last: ${sum}.`,
  whyImpossible:
    'Both cannot be true, so no weights and bias do it: one straight line cannot split these points. Two layers can (see the xor lesson).',
  whyPossible:
    'These can all hold at once: some straight line splits the 1s from the 0s.',
  whyNotApplicable:
    'Why works on one step neuron with two inputs and targets, such as the xor-single lesson.',
  layer: (n: number, activation: string) => `Layer ${n} (${activation})`,
  bias: 'b',
  biasLong: 'bias',
  network: 'Network',
  truthTable: 'Truth table',
  rowsRight: (right: number, total: number) => `${right}/${total} right`,
  // Training on the screen: the panel, its messages and its keys.
  trainingTitle: 'Training',
  trainingRule: (rule: 'perceptron' | 'backprop'): string =>
    rule === 'perceptron' ? 'perceptron rule' : 'backprop',
  trainingRate: 'rate',
  trainingRunning: 'running',
  trainingProgress: (epoch: number, loss: string, rows: string) =>
    `epoch ${epoch}  loss ${loss}  ${rows}`,
  trainingLoss: 'loss',
  trainingRow: (
    inputs: string,
    outputs: string,
    targets: string,
    errors: string,
  ) => `row (${inputs}): output ${outputs}, target ${targets}, error ${errors}`,
  trainingBatch: (count: number, errors: string) =>
    `all ${count} rows at once: errors ${errors}`,
  trainingChange: (neuron: string, changes: string) =>
    `change ${neuron}: ${changes}`,
  trainingNoChange: 'no change: the output was right',
  trainingEditedSince: (epoch: number, isNewProblem: boolean) =>
    isNewProblem
      ? `Changed after epoch ${epoch}: the next t, . or space starts again at epoch 0.`
      : `Edited after epoch ${epoch}: the next t, . or space trains the network as it is now.`,
  trainingNoTargets:
    'This network has no targets to learn from: set them with m first.',
  trainingStarted: 'Training live: space pauses, and u undoes the whole run.',
  trainingStartZero:
    'Starting weights all 0 (init zero): t trains from them, u undoes.',
  trainingStartRandom: (seed: number) =>
    `Random starting weights (init random, seed ${seed}): t trains, u undoes.`,
  trainingPaused: (epoch: number) => `Paused at epoch ${epoch}.`,
  trainingAlreadyConverged: (epoch: number) =>
    `Converged at epoch ${epoch} already: t trains one more epoch, r starts again.`,
  trainingReset: "Back to the preset's weights (u undoes it).",
  trainingAlreadyReset: "The weights are the preset's already.",
  rateSelected: (rate: string) =>
    `Learning rate ${rate}: + and - change it, Esc goes back.`,
  rateNow: (rate: string) => `Learning rate ${rate}.`,
  rateLimit: (rate: string) =>
    `The learning rate goes from 0.001 to 100; it is ${rate}.`,
  helpRateTitle: 'Learning rate (R)',
  keyTrain: 'train: one epoch, one update (one row), live on/off, reset',
  keyRate: 'select the learning rate (+ / - then change it)',
  keyRateChange: 'raise / lower it: 0.001 0.002 0.005 0.01 ... 100',
  keyRateDone: 'back to the weights',
  hintTrain: 'train',
  hintRate: 'rate',
  // The interactive screen.
  headerLesson: (index: number, count: number) => `lesson ${index}/${count}`,
  headerFile: (name: string) => `file ${name}`,
  headerRule: (rule: string) => `fires when z ${rule} 0`,
  headerStep: (size: string) => `nudge ${size}`,
  windowTooSmall: (columns: number, rows: number, now: string) =>
    `Please make the window at least ${columns}x${rows} (now ${now}).`,
  moreRows: (count: number) => `... ${count} more rows`,
  rowsAround: (above: number, below: number) =>
    `... ${above} rows above, ${below} below`,
  notesNeedRows: (rows: number) =>
    `This lesson has notes: a window ${rows} rows tall shows them.`,
  moreAbove: (count: number) => `... ${count} more above`,
  moreBelow: (count: number) => `... ${count} more below`,
  gridFor: (neuron: string) => `grid: ${neuron}`,
  editTargetsTitle: 'editing targets',
  editValueOf: (value: string, neuron: string) => `${value} of ${neuron}:`,
  weightFrom: (input: string) => `weight from ${input}`,
  biasName: 'bias',
  fieldHint: 'Enter sets, Esc cancels',
  savePrompt: 'Save to:',
  saveHint: 'Enter saves, Esc cancels',
  helpTitle: 'Keys',
  helpTargetsTitle: 'Targets (m)',
  helpListTitle: 'Preset list (o)',
  helpMore: 'up/down scrolls, any other key closes',
  presetListTitle: 'Presets in lesson order',
  internalError: (message: string) =>
    `nn-tui stopped on an internal error: ${message}`,
  internalErrorHint:
    'The terminal has been restored. Please report this with the steps that led to it.',
  targetsDropped:
    'The targets no longer fit the truth table (its rows or outputs ' +
    'changed) and were dropped; m sets new ones (u brings them back).',
  numberUseDot: (text: string) => `'${text}': use a dot for decimals`,
  numberTooLarge: (text: string) => `'${text}' is too large`,
  numberNotANumber: (text: string) => `'${text}' is not a number`,
  numberEmpty: 'type a number',
  stepSizeNow: (size: string) => `Nudges now change the value by ${size}.`,
  activationNow: (layer: number, activation: string) =>
    `Layer ${layer} now uses ${activation}.`,
  layerAdded: (layer: number) =>
    `Layer ${layer} added: it passes its inputs on unchanged (linear, weight 1) until you edit it.`,
  layerDeleted: (layer: number, inputs: string) =>
    `Layer ${layer} deleted: the layer after it now reads ${inputs}, each ` +
    'weight kept in its place and any new one 0.',
  outputLayerDeleted: (layer: number) =>
    `Layer ${layer} deleted: the layer before it is the output now.`,
  inputAdded: (name: string) =>
    `Input ${name} added, with weight 0 in each neuron of layer 1.`,
  inputRemoved: (name: string) =>
    `Input ${name} removed (I takes the last input), with its weights.`,
  neuronLimit: (count: number) =>
    `A layer holds at most ${count} neurons; this one is full.`,
  layerLimit: (count: number) => `A network holds at most ${count} layers.`,
  inputLimit: (count: number) => `A network takes at most ${count} inputs.`,
  lastNeuron:
    'A layer needs at least one neuron: delete the layer with X instead.',
  lastLayer: 'A network needs at least one layer, so the last one stays.',
  lastInput: 'A network needs at least one input, so the last one stays.',
  axesNeedThree:
    'The grid already shows every input; x and y choose its axes from three inputs on.',
  nothingToUndo: 'Nothing to undo.',
  nothingToRedo: 'Nothing to redo.',
  undone: (left: number) => `Undone (${left} more to undo).`,
  redone: (left: number) => `Redone (${left} more to redo).`,
  typePath: 'type a file name',
  confirmQuit: (names: readonly string[]) =>
    `Unsaved changes in ${names.join(', ')}: q or y quits without saving, ` +
    'any other key goes back.',
  confirmOverwrite: (path: string) =>
    `${path} already exists: y replaces it, any other key keeps it.`,
  notOverwritten: 'The file was kept; type another name, or Esc.',
  savedTo: (path: string) => `Saved to ${path}`,
  keyNameUpDown: 'up/down',
  keyNameLeftRight: 'left/right',
  keyNameArrows: 'arrows',
  keyNameAnyKey: 'any key',
  keyNameSpace: 'space',
  keySelectNeuron: 'select a neuron (all layers, top to bottom)',
  keySelectValue: 'select a weight or the bias',
  keyNudge: 'raise / lower the selected value by the step',
  keyStepSize: 'step size 0.01, 0.1, 1',
  keyTypeValue: 'type an exact value',
  keyZero: 'set the selected value to 0',
  keyPreset: 'next / previous preset',
  keyPresetList: 'list of all presets',
  keyActivation: "cycle the layer's activation",
  keyNeuron: 'add / delete a neuron in this layer',
  keyLayer: 'add a layer after this one / delete it',
  keyInput: 'add / remove an input',
  keyGrid: 'grid: each output, then each hidden neuron',
  keyAxes: "grid's axes (three or more inputs)",
  keyTargets: 'edit the targets',
  keyUndo: 'undo / redo',
  keySave: 'save to a file',
  keyHelp: 'this help',
  keyQuit: 'quit (asks first if unsaved)',
  keyTargetRow: 'choose a row',
  keyTargetOutput: 'choose an output',
  keyTargetSet: 'set the target to 0 or 1, or flip it',
  keyTargetsDone: 'back to the weights',
  keyListMove: 'choose a preset',
  keyListPick: 'open it',
  keyListClose: 'close the list',
  keyHelpScroll: 'scroll',
  keyHelpClose: 'close help',
  keyFieldCommit: 'set the typed value',
  keySaveCommit: 'save',
  keyFieldCancel: 'cancel',
  keyOverwrite: 'replace the file',
  keyKeep: 'keep the file',
  keyStay: 'stay',
  hintSelect: 'select',
  hintNudge: 'nudge',
  hintTypeValue: 'type',
  hintPreset: 'preset',
  hintActivation: 'activation',
  hintNeuron: 'neuron',
  hintLayer: 'layer',
  hintInput: 'input',
  hintGrid: 'grid',
  hintTargets: 'targets',
  hintUndo: 'undo',
  hintSave: 'save',
  hintHelp: 'help',
  hintQuit: 'quit',
  hintTargetRow: 'row',
  hintTargetSet: 'set target',
  hintBack: 'back',
  hintListMove: 'choose',
  hintListPick: 'open',
  hintClose: 'close',
  hintScroll: 'scroll',
  hintFieldCommit: 'set',
  hintSaveCommit: 'save',
  hintFieldCancel: 'cancel',
  hintOverwrite: 'replace',
  hintKeep: 'keep',
  hintStay: 'stay',
  // Teaching: notes, the maths on screen, hidden grids, languages, export.
  gridLegendLineOf: (mark: string, neuron: string) =>
    `${mark} boundary of ${neuron}`,
  hiddenGridsMore: (count: number) => `+${count} more`,
  notesMore: (from: number, to: number, total: number, hasMore: boolean) =>
    hasMore
      ? `-- PgDn: more (lines ${from}-${to} of ${total}) --`
      : `-- PgUp: back (lines ${from}-${to} of ${total}) --`,
  stepRuleNow: (rule: string) =>
    `Step neurons now fire when the sum ${rule} 0 (S switches back).`,
  languageNow: 'English now; J switches to Japanese.',
  whyTitle: 'Why: what the targets ask of one step neuron',
  lockedStructure:
    'Locked (--locked): the shape of the network stays; change weights and biases only.',
  exportedTo: (path: string) => `NumPy program written to ${path}`,
  exportKept: 'The file was kept; nothing was written.',
  keyStepRule: 'step rule: fire when the sum > 0 or >= 0',
  keyWhy: 'why: the inequalities behind the table (one neuron)',
  keyLanguage: 'English / Japanese',
  keyReveal: 'show the panels hidden with --hide',
  whyTableHidden:
    'The table is hidden (--hide), and why would tell its rows: v shows it first.',
  panelsRevealed: 'Every panel is shown.',
  nothingHidden: 'No panel is hidden (v shows those hidden with --hide).',
  keyExport: 'write the network as NumPy code (NAME.py)',
  keyNotes: 'scroll the lesson notes',
  hintStepRule: 'rule',
  hintWhy: 'why',
  hintLanguage: '日本語',
  hintExport: 'export',
};
