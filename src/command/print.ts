import {
  defaultGridOptions,
  type GridOptions,
  sampleGrid,
} from '../core/grid.js';
import type { Lesson } from '../core/lesson.js';
import { forward, type Network, type NeuronAddress } from '../core/network.js';
import { formatNumber, significant } from '../core/number.js';
import { effectiveSettings, settingsFor, train } from '../core/train.js';
import { counted } from '../core/train/plan.js';
import { truthTable } from '../core/truth-table.js';
import type { TrainedSettings } from '../i18n/en.js';
import { errorText, type Messages, messagesFor } from '../i18n/messages.js';
import { lessonJson, rowsJson } from '../render/json.js';
import { renderPrint } from '../render/print.js';
import { quote } from '../render/printable.js';
import { type CommandOptions, UsageError } from './args.js';

/** An input given by name (`x1`) or by number from 1 (`1`). */
function inputIndex(network: Network, name: string): number {
  const byName = network.inputs.indexOf(name);
  if (byName >= 0) return byName;
  const number = Number(name);
  if (
    Number.isInteger(number) &&
    number >= 1 &&
    number <= network.inputs.length
  ) {
    return number - 1;
  }
  throw new UsageError(
    '--axes',
    `${quote(name)} is not an input of this network (${network.inputs.join(', ')})`,
  );
}

/** The neuron of `--neuron`, checked against the network. */
function neuronAddress(
  network: Network,
  neuron: CommandOptions['neuron'],
): NeuronAddress {
  if (!neuron) return { layer: network.layers.length - 1, neuron: 0 };
  const layer = network.layers[neuron.layer - 1];
  if (!layer) {
    throw new UsageError(
      '--neuron',
      `there is no layer ${neuron.layer}; the network has ${network.layers.length}`,
    );
  }
  if (neuron.neuron > layer.neurons.length) {
    throw new UsageError(
      '--neuron',
      `layer ${neuron.layer} has ${counted(layer.neurons.length, 'neuron')}, not ${neuron.neuron}`,
    );
  }
  return { layer: neuron.layer - 1, neuron: neuron.neuron - 1 };
}

/** The grid the command line asks for. */
export function gridOptionsFor(
  network: Network,
  options: CommandOptions,
): GridOptions {
  const defaults = defaultGridOptions(network);
  let { xAxis, yAxis } = defaults;
  if (options.axes) {
    xAxis = inputIndex(network, options.axes[0]);
    yAxis = inputIndex(network, options.axes[1]);
    if (xAxis === yAxis) {
      throw new UsageError('--axes', 'the two axes must be different inputs');
    }
  }
  return {
    ...defaults,
    xAxis,
    yAxis,
    neuron: neuronAddress(network, options.neuron),
    range: options.range,
    width: options.grid.width,
    height: yAxis === null ? 1 : options.grid.height,
  };
}

/** `--input`: one input vector through every layer. */
function printInput(
  lesson: Lesson,
  input: number[],
  options: CommandOptions,
  report: TrainingReport | undefined,
): string {
  const { network } = lesson;
  if (input.length !== network.inputs.length) {
    throw new UsageError(
      '--input',
      `${counted(input.length, 'number')} where the network has ` +
        `${counted(network.inputs.length, 'input')} ` +
        `(${network.inputs.join(', ')})`,
    );
  }
  const layers = forward(network, input);
  const outputs = layers.at(-1)?.outputs ?? [];
  if (options.isJson) {
    const json = {
      network: lessonJson(lesson),
      inputs: input,
      layers,
      outputs,
      ...(report ? { training: report } : {}),
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const messages = messagesFor(options.language);
  const numbers = (values: number[]) =>
    values.map((v) => formatNumber(v, 8)).join(' ');
  const named = network.inputs.map((name, i) => `${name} = ${input[i]}`);
  const lines = [
    ...(report ? [reportText(report, messages), ''] : []),
    `${lesson.name}: ${named.join(', ')}`,
  ];
  layers.forEach((values, index) => {
    const activation = network.layers[index]?.activation ?? '';
    lines.push(
      messages.inputLayer(
        index + 1,
        activation,
        numbers(values.sums),
        numbers(values.outputs),
      ),
    );
  });
  lines.push(messages.inputOutputs(numbers(outputs)));
  return `${lines.join('\n')}\n`;
}

/** The settings and outcome of `--train`, as `--json` reports them. */
export interface TrainingReport extends TrainedSettings {
  epochs: number;
  loss: number;
  accuracy: number;
  converged: boolean;
  message: string;
}

/**
 * `--train N`: the lesson after N epochs (fewer when it converges first)
 * with the lesson's training settings and the command line's overrides.
 */
export function trainLesson(
  lesson: Lesson,
  options: CommandOptions,
): { lesson: Lesson; report: TrainingReport } {
  if (!lesson.targets) {
    throw new UsageError(
      '--train',
      `${lesson.name} has no targets to learn; give it "targets" in a preset file`,
    );
  }
  const settings = {
    ...settingsFor(lesson.network, lesson.training),
    ...options.training,
  };
  const full = effectiveSettings(settings);
  let state;
  try {
    state = train(lesson.network, lesson.targets, settings, options.train);
  } catch (error) {
    const messages = messagesFor(options.language);
    throw new UsageError('--train', errorText(error, messages));
  }
  const report: TrainingReport = {
    rule: settings.rule,
    learningRate: settings.learningRate,
    seed: settings.seed,
    init: full.init,
    lossFunction: full.loss,
    batch: full.batch,
    shuffle: full.shuffle,
    epochs: state.epoch,
    loss: state.loss,
    accuracy: state.accuracy,
    converged: state.isConverged,
    message: state.outcome
      ? messagesFor(options.language).trainingOutcome(state.outcome)
      : '',
  };
  return { lesson: { ...lesson, network: state.network }, report };
}

/** The training report as lines of text, for `--print --train`. */
export function reportText(report: TrainingReport, messages: Messages): string {
  return [
    messages.trainedWith(report),
    messages.trainedTo(
      report.epochs,
      significant(report.loss),
      Math.round(report.accuracy * 100),
    ),
    report.message,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * What `--print` writes: the network, truth table and grid as text, or as
 * JSON with `--json`, or one input vector with `--input`.
 */
export function printLesson(
  given: Lesson,
  options: CommandOptions,
  position?: { index: number; count: number },
): string {
  const trained =
    options.train === undefined ? undefined : trainLesson(given, options);
  const lesson = trained?.lesson ?? given;
  if (options.input) {
    return printInput(lesson, options.input, options, trained?.report);
  }
  const { network, targets } = lesson;
  const gridOptions = gridOptionsFor(network, options);
  const rows = truthTable(network, targets);
  if (options.isJson) {
    const json = {
      ...lessonJson(lesson),
      rows: rowsJson(rows),
      ...(trained ? { training: trained.report } : {}),
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const text = renderPrint({
    lesson,
    rows,
    grid: sampleGrid(network, gridOptions),
    focus: gridOptions.neuron,
    language: options.language,
    messages: messagesFor(options.language),
    hidden: options.hidden,
    ...(position ? { position } : {}),
  });
  const report =
    trained && reportText(trained.report, messagesFor(options.language));
  return report ? `${report}\n\n${text}` : text;
}
