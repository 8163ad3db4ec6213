import {
  type JSONPath,
  parseTree,
  type ParseError,
  printParseErrorCode,
  visit,
} from 'jsonc-parser';
import type { LocalText, Lesson } from '../core/lesson.js';
import { inputCountOf, type Network } from '../core/network.js';
import { outputCount } from '../core/network.js';
import { variableName } from '../render/formula.js';
import { printable } from '../render/printable.js';
import { presetFileSchema, type PresetFile } from './schema.js';

/**
 * A preset that cannot be used. The message reads `SOURCE: PLACE: WHAT`,
 * for example `my.json: layers[0].bias: must be a finite number`, on one
 * line: control characters from the file are shown as escapes.
 */
export class PresetError extends Error {
  /** The file name, or another word for where the text came from. */
  readonly source: string;
  /** Where in the file, such as `layers[1].neurons[0]`; empty for all. */
  readonly place: string;
  /** What is wrong, as a sentence fragment. */
  readonly problem: string;

  constructor(source: string, place: string, problem: string) {
    const parts = [printable(source), printable(place), printable(problem)];
    super(parts.filter(Boolean).join(': '));
    this.name = 'PresetError';
    this.source = printable(source);
    this.place = printable(place);
    this.problem = printable(problem);
  }
}

/** `["layers", 1, "bias"]` as `layers[1].bias`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number'
        ? `[${key}]`
        : `${index > 0 ? '.' : ''}${String(key)}`,
    )
    .join('');
}

/** The line and column (both from 1) of an offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Parses JSON, reporting the first syntax error with its line and column. */
function parseJson(source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; this parser does.
    const errors: ParseError[] = [];
    try {
      parseTree(text, errors, {
        allowTrailingComma: false,
        disallowComments: true,
      });
    } catch {
      // Nested too deeply for this parser's recursion: use JSON.parse's
      // position, or the end of the text when it gives none.
    }
    const first = errors[0];
    const position = /at position (\d+)/.exec(String(error))?.[1];
    const where = first
      ? `${lineAndColumn(text, first.offset)}: ${describeError(first)}`
      : lineAndColumn(text, position ? Number(position) : text.length);
    throw new PresetError(source, '', `not valid JSON at ${where}`);
  }
}

/**
 * Throws when an object in the text gives a key twice: JSON.parse would
 * keep the last silently, and the file would not say what it means.
 */
function checkDuplicateKeys(source: string, text: string): void {
  const keysOfOpenObjects: Set<string>[] = [];
  let twice: { path: JSONPath; offset: number } | undefined;
  visit(text, {
    onObjectBegin: () => {
      keysOfOpenObjects.push(new Set());
    },
    onObjectEnd: () => {
      keysOfOpenObjects.pop();
    },
    onObjectProperty: (key, offset, _length, _line, _column, pathOf) => {
      const keys = keysOfOpenObjects.at(-1);
      if (!keys || twice) return;
      if (keys.has(key)) twice = { path: [...pathOf(), key], offset };
      keys.add(key);
    },
  });
  if (twice) {
    throw new PresetError(
      source,
      formatPath(twice.path),
      `is given twice (again at ${lineAndColumn(text, twice.offset)})`,
    );
  }
}

function describeError(error: ParseError): string {
  const words = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words;
}

// Control characters in text from a file could move the cursor or change
// colours; tabs become spaces, and only notes keep their line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Whole escape sequences go first, so that none of their printable tail
// (such as "[31m") is left behind: CSI, OSC (ended by BEL or ESC \\) and
// two-character escapes.
const ESCAPE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]', // CSI, such as ESC [ 3 1 m
    '\\u009b[0-?]*[ -/]*[@-~]', // CSI in one byte
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?', // OSC
    '\\u001b[@-~]', // two characters, such as ESC c
  ].join('|'),
  'g',
);

// Invisible format characters (zero-width space, direction marks, soft
// hyphen, line and paragraph separators, ...) take no column in most
// terminals but a cell in Ink's layout, and would push the panels beside
// them out of line. The zero-width joiner and tag characters stay: emoji
// sequences (families, flags of regions) are made with them.
const INVISIBLE = /(?![\u200d\u{e0020}-\u{e007f}])[\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Text from a file with control and invisible format characters removed. */
export function cleanText(text: string, keepNewlines = false): string {
  const spaced = text
    .replace(ESCAPE, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '');
  return keepNewlines ? spaced.replace(/\r/g, '') : spaced.replace(/\n/g, ' ');
}

/**
 * A title (one line) or notes (`keepNewlines`), cleaned. Text in Japanese
 * alone is shown in the English interface too.
 */
function cleanLocal(
  text: PresetFile['title'],
  fallback: string,
  keepNewlines: boolean,
): LocalText {
  if (text === undefined) return { en: fallback };
  if (typeof text === 'string') return { en: cleanText(text, keepNewlines) };
  const en = cleanText(text.en ?? text.ja ?? '', keepNewlines);
  return text.ja === undefined
    ? { en }
    : { en, ja: cleanText(text.ja, keepNewlines) };
}

/** `1 row`, `3 rows`. */
function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The checks that span fields: weight counts, names and targets. */
function checkShape(source: string, network: Network, file: PresetFile): void {
  const seen = new Set<string>();
  network.inputs.forEach((name, index) => {
    if (name.trim() === '') {
      // Only spaces or control characters: nothing would show on screen.
      throw new PresetError(source, `inputs[${index}]`, 'must not be empty');
    }
    const problem = nameProblem(name);
    if (problem) throw new PresetError(source, `inputs[${index}]`, problem);
    if (seen.has(name)) {
      throw new PresetError(
        source,
        `inputs[${index}]`,
        `'${name}' is named twice`,
      );
    }
    seen.add(name);
  });
  network.layers.forEach((layer, layerIndex) => {
    const expected = inputCountOf(network, layerIndex);
    const from =
      layerIndex === 0
        ? `the network has ${expected} input${expected === 1 ? '' : 's'}`
        : `the previous layer has ${expected} neuron${expected === 1 ? '' : 's'}`;
    layer.neurons.forEach((neuron, neuronIndex) => {
      const count = neuron.weights.length;
      if (count !== expected) {
        throw new PresetError(
          source,
          `layers[${layerIndex}].neurons[${neuronIndex}].weights`,
          `${count} number${count === 1 ? '' : 's'} where ${from}`,
        );
      }
    });
  });
  checkNames(source, network);
  checkTargets(source, network, file.targets);
}

/** What formulas write around names: a name holding one would misread. */
const OPERATORS = /[\s+\-\u2212*/=|,]/u;

/** The names nn-tui gives neurons without a label: `h1.2`. */
const PLACE_NAME = /^h\d+\.\d+$/;

/** What the table writes for values that are not finite numbers. */
const NOT_NUMBERS = /^(inf|nan)$/i;

/**
 * Why a name (an input's, or a label's first word) cannot stand in a
 * formula such as `0.50*x1 - 0.50*x2`, or '' when it can: it does not
 * start like a number (a digit or a dot, so `1` and `.5` are not names)
 * and holds no space or operator (so `-1` and `a-b` are not either), and
 * is not `inf` or `NaN`, which the table shows for numbers.
 * `z1(1)`, `h1.2`, `入力` and emoji are names.
 */
function nameProblem(name: string): string {
  if (PLACE_NAME.test(name)) {
    return (
      `'${name}' is how nn-tui names a neuron by its place (layer.neuron), ` +
      'which can change as neurons are added'
    );
  }
  if (NOT_NUMBERS.test(name)) {
    return `'${name}' is how the table shows a number that is not finite`;
  }
  if (/^[\p{Nd}.]/u.test(name) || OPERATORS.test(name)) {
    return (
      `'${name}' must not start with a digit or a dot, or hold spaces or ` +
      `+ - * / = | , so that formulas can tell it from numbers and sums`
    );
  }
  return '';
}

/**
 * Throws when a label would give a neuron the name (the label's first
 * word) of an input or of another neuron: formulas and tables could not
 * tell them apart. Neurons without a label get names that do not clash.
 */
function checkNames(source: string, network: Network): void {
  const owners = new Map<string, string>(
    network.inputs.map((name) => [name, 'an input']),
  );
  const labelled: { name: string; place: string }[] = [];
  network.layers.forEach((layer, layerIndex) => {
    layer.neurons.forEach((neuron, neuronIndex) => {
      const address = { layer: layerIndex, neuron: neuronIndex };
      const name = variableName(network, address);
      const place = `layers[${layerIndex}].neurons[${neuronIndex}]`;
      if (neuron.label?.trim()) {
        labelled.push({ name, place });
      } else if (owners.has(name)) {
        // A name nn-tui gives (`y`, `out`, `h1.2`) that an input has.
        throw new PresetError(
          source,
          place,
          `has no label, and the name it would get, '${name}', is an ` +
            "input's; give it a label",
        );
      } else {
        owners.set(name, place);
      }
    });
  });
  for (const { name, place } of labelled) {
    const problem = nameProblem(name);
    if (problem) {
      throw new PresetError(
        source,
        `${place}.label`,
        `its first word ${problem}`,
      );
    }
    const owner = owners.get(name);
    if (owner !== undefined) {
      throw new PresetError(
        source,
        `${place}.label`,
        `'${name}' is also the name of ${owner}; formulas would not tell ` +
          'them apart',
      );
    }
    owners.set(name, place);
  }
}

function checkTargets(
  source: string,
  network: Network,
  targets: PresetFile['targets'],
): void {
  if (!targets) return;
  const rows = 2 ** network.inputs.length;
  const inputs = network.inputs.length;
  if (targets.length !== rows) {
    throw new PresetError(
      source,
      'targets',
      `${count(targets.length, 'row')} where ${count(inputs, 'input')} ` +
        `make${inputs === 1 ? 's' : ''} ${rows}`,
    );
  }
  const outputs = outputCount(network);
  targets.forEach((row, index) => {
    if (row.length !== outputs) {
      throw new PresetError(
        source,
        `targets[${index}]`,
        `${count(row.length, 'value')} where the network has ` +
          count(outputs, 'output'),
      );
    }
  });
}

/**
 * Reads a preset from its JSON text and checks everything about it.
 * `source` names it in errors; `fallbackName` is used when it has no name.
 */
export function parsePreset(
  source: string,
  text: string,
  fallbackName: string,
): Lesson {
  const json = text.replace(/^\uFEFF/, '');
  const data = parseJson(source, json);
  const lesson = lessonFromData(source, data, fallbackName);
  // After the schema, which refuses JSON nested deeper than a preset is:
  // the check recurses once for every level.
  checkDuplicateKeys(source, json);
  return lesson;
}

/** Checks data already parsed from JSON and makes a lesson of it. */
export function lessonFromData(
  source: string,
  data: unknown,
  fallbackName: string,
): Lesson {
  const result = presetFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PresetError(
      source,
      formatPath(issue?.path ?? []),
      issue?.message ?? 'is not a preset',
    );
  }
  const file = result.data;
  const network: Network = {
    // One way to write each name: é composed, not e and an accent.
    inputs: file.inputs.map((name) => cleanText(name).trim().normalize('NFC')),
    stepRule: file.stepRule ?? '>',
    layers: file.layers.map((layer) => ({
      activation: layer.activation,
      neurons: layer.neurons.map((neuron) => ({
        ...(neuron.label === undefined
          ? {}
          : { label: cleanText(neuron.label) }),
        weights: neuron.weights.map((w) => (w === 0 ? 0 : w)),
        bias: neuron.bias === 0 ? 0 : neuron.bias,
      })),
    })),
  };
  checkShape(source, network, file);
  checkTraining(source, file.training);
  const name = cleanText(file.name ?? fallbackName);
  if (file.name !== undefined && name.trim() === '') {
    throw new PresetError(source, 'name', 'must not be empty');
  }
  if (/[/\\]/.test(name)) {
    throw new PresetError(
      source,
      'name',
      'must be a file name without / or \\ (a save suggests ./NAME.json)',
    );
  }
  return {
    name,
    ...(file.order === undefined ? {} : { order: file.order }),
    title: cleanLocal(file.title, name, false),
    notes: cleanLocal(file.notes, '', true),
    network,
    targets: file.targets ?? null,
    ...(file.training ? { training: file.training } : {}),
  };
}

/**
 * Throws when the training settings ask the perceptron rule for what only
 * backprop does: it updates after each row it gets wrong and reports
 * squared error, so full batch and cross-entropy would be ignored.
 */
function checkTraining(source: string, training: PresetFile['training']): void {
  if (training?.rule !== 'perceptron') return;
  if (training.batch === 'full') {
    throw new PresetError(
      source,
      'training.batch',
      "'full' is for backprop: the perceptron rule updates after each row",
    );
  }
  if (training.loss === 'cross-entropy') {
    throw new PresetError(
      source,
      'training.loss',
      "'cross-entropy' is for backprop: the perceptron rule reports squared error",
    );
  }
}

/** A lesson as the JSON text of a preset file, ready to save. */
export function presetText(lesson: Lesson): string {
  const { network } = lesson;
  const file = {
    name: lesson.name,
    ...(lesson.order === undefined ? {} : { order: lesson.order }),
    title: lesson.title,
    notes: lesson.notes,
    inputs: network.inputs,
    ...(network.stepRule === '>' ? {} : { stepRule: network.stepRule }),
    layers: network.layers,
    ...(lesson.targets ? { targets: lesson.targets } : {}),
    ...(lesson.training ? { training: lesson.training } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
