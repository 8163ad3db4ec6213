import { parseArgs } from 'node:util';
import { type Language, languageFromEnvironment } from '../i18n/messages.js';
import { parseNumber } from '../core/number.js';
import { MAX_SEED } from '../core/random.js';
import { printable, quote } from '../render/printable.js';

/** A mistake on the command line: `nn-tui: PLACE: PROBLEM`, exit code 2. */
export class UsageError extends Error {
  readonly place: string;
  readonly problem: string;

  /** Control characters in either part are shown as escapes. */
  constructor(place: string, problem: string) {
    super(`${printable(place)}: ${printable(problem)}`);
    this.name = 'UsageError';
    this.place = printable(place);
    this.problem = printable(problem);
  }
}

/** The panels `--hide` can hide. */
export const PANELS = ['network', 'formula', 'table', 'grid', 'notes'] as const;

/** One of `PANELS`. */
export type Panel = (typeof PANELS)[number];

/** What the command line asks for, checked as far as it can be alone. */
export interface CommandOptions {
  action: 'help' | 'version' | 'list' | 'print' | 'export' | 'play';
  /** A preset name or file; none means the first lesson. */
  preset: string | undefined;
  isJson: boolean;
  /** One input vector to evaluate. */
  input: number[] | undefined;
  grid: { width: number; height: number };
  range: [number, number];
  /** Input names or numbers (from 1) for the grid's x and y. */
  axes: [string, string] | undefined;
  /** The neuron the grid shows, layer and index from 1. */
  neuron: { layer: number; neuron: number } | undefined;
  /**
   * The options given that shape the printed grid (`--grid`, `--range`,
   * `--axes`, `--neuron`), which the playground has keys for instead.
   */
  gridOptions: string[];
  isColor: boolean;
  language: Language;
  /** Lesson K (from 1) instead of a preset name. */
  lesson: number | undefined;
  /** A teacher's mode: values only, no structure editing. */
  isLocked: boolean;
  /** Panels hidden to pose a question. */
  hidden: Panel[];
  /** Train this many epochs before printing. */
  train: number | undefined;
  /** Overrides of the lesson's training settings. */
  training: {
    rule?: 'perceptron' | 'backprop';
    learningRate?: number;
    seed?: number;
    init?: 'preset' | 'zero' | 'random';
  };
}

const OPTIONS = {
  list: { type: 'boolean' },
  print: { type: 'boolean' },
  json: { type: 'boolean' },
  input: { type: 'string' },
  grid: { type: 'string' },
  range: { type: 'string' },
  axes: { type: 'string' },
  neuron: { type: 'string' },
  lang: { type: 'string' },
  export: { type: 'string' },
  train: { type: 'string' },
  lesson: { type: 'string' },
  locked: { type: 'boolean' },
  hide: { type: 'string', multiple: true },
  rate: { type: 'string' },
  seed: { type: 'string' },
  init: { type: 'string' },
  rule: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * A number from the command line, read as a typed value is (`parseNumber`),
 * or a usage error naming the flag. `text` is one part of `whole` (the
 * option's value) when the value holds several numbers.
 */
function numberArgument(flag: string, text: string, whole = text): number {
  const parsed = parseNumber(text);
  if (parsed.ok) return parsed.value;
  if (text.trim() === '' && whole !== text) {
    throw new UsageError(flag, `${quote(whole)} lacks a number`);
  }
  // The reason quotes the text whole: a long one is cut.
  const reason = parsed.reason.replace(/^'(.*)'/s, (_, typed: string) =>
    quote(typed),
  );
  throw new UsageError(flag, reason);
}

function parseSize(text: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 2 || height < 2 || width > 200 || height > 100) {
    throw new UsageError(
      '--grid',
      `${quote(text)} is not WIDTHxHEIGHT from 2x2 to 200x100 (for example 33x17)`,
    );
  }
  return { width, height };
}

function parseRange(text: string): [number, number] {
  const parts = text.split(':');
  if (parts.length !== 2) {
    throw new UsageError(
      '--range',
      `${quote(text)} is not LOW:HIGH (for example -0.5:1.5)`,
    );
  }
  const low = numberArgument('--range', parts[0] ?? '', text);
  const high = numberArgument('--range', parts[1] ?? '', text);
  if (!(low < high)) {
    throw new UsageError(
      '--range',
      `the low end ${low} must be below the high end ${high}`,
    );
  }
  // Beyond these the grid's steps and labels lose their digits.
  if (Math.max(-low, high) > MAX_RANGE || high - low < MIN_SPAN) {
    throw new UsageError(
      '--range',
      `${quote(text)} must lie within -${MAX_RANGE}:${MAX_RANGE} and span at ` +
        `least ${MIN_SPAN}`,
    );
  }
  return [low, high];
}

/** How far from 0 `--range` may reach. */
const MAX_RANGE = 1e6;

/** The narrowest `--range`. */
const MIN_SPAN = 1e-6;

function parseAxes(text: string): [string, string] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts.some((part) => part === '')) {
    throw new UsageError(
      '--axes',
      `${quote(text)} is not two inputs such as x1,x2`,
    );
  }
  return [parts[0] ?? '', parts[1] ?? ''];
}

function parseNeuron(text: string): { layer: number; neuron: number } {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new UsageError(
      '--neuron',
      `${quote(text)} is not LAYER:INDEX counted from 1 (for example 2:1)`,
    );
  }
  return { layer: Number(match[1]), neuron: Number(match[2]) };
}

/** The panels of every `--hide` given, each once. */
function parseHidden(texts: string[] | undefined): Panel[] {
  const panels = (texts ?? []).flatMap((text) =>
    text.split(',').map((part) => oneOf('--hide', part.trim(), PANELS)),
  );
  return [...new Set(panels)];
}

function parseLanguage(
  text: string | undefined,
  environment: Record<string, string | undefined>,
): Language {
  if (text === undefined) return languageFromEnvironment(environment);
  if (text === 'en' || text === 'ja') return text;
  throw new UsageError('--lang', `${quote(text)} is not en or ja`);
}

/**
 * A whole number written in digits (`12`, not `1e1` or `12.0`) from `min`
 * to `max`; with no `max`, any of `min` or more, which the caller checks
 * further (`--lesson` against the lessons there are).
 */
function wholeNumber(
  flag: string,
  text: string,
  min: number,
  max?: number,
): number {
  const value = /^\s*\+?\d+\s*$/.test(text) ? Number(text) : NaN;
  const limit = max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < min || value > limit) {
    const range =
      max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new UsageError(flag, `${quote(text)} is not a whole number ${range}`);
  }
  return value;
}

function oneOf<const T extends string>(
  flag: string,
  text: string,
  choices: readonly T[],
): T {
  const choice = choices.find((c) => c === text);
  if (!choice) {
    throw new UsageError(
      flag,
      `${quote(text)} is not one of ${choices.join(', ')}`,
    );
  }
  return choice;
}

function parseTraining(values: {
  rate?: string;
  seed?: string;
  init?: string;
  rule?: string;
}): CommandOptions['training'] {
  const training: CommandOptions['training'] = {};
  if (values.rate !== undefined) {
    training.learningRate = numberArgument('--rate', values.rate);
    if (!(training.learningRate > 0)) {
      throw new UsageError('--rate', `${quote(values.rate)} must be above 0`);
    }
  }
  if (values.seed !== undefined) {
    training.seed = wholeNumber('--seed', values.seed, 0, MAX_SEED);
  }
  if (values.init !== undefined) {
    training.init = oneOf('--init', values.init, ['preset', 'zero', 'random']);
  }
  if (values.rule !== undefined) {
    training.rule = oneOf('--rule', values.rule, ['perceptron', 'backprop']);
  }
  return training;
}

/**
 * `--range -0.5:1.5` as `--range=-0.5:1.5`: parseArgs would take a value
 * that starts with a dash for an option of its own, but what follows an
 * option that takes a value is that option's value (`-Infinity` too, so
 * that it is refused for what it is), unless it is another option.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    const next = argv[i + 1];
    const name = argument.startsWith('--') ? argument.slice(2) : '';
    const takesValue =
      name in OPTIONS &&
      OPTIONS[name as keyof typeof OPTIONS].type === 'string';
    // -0.5, -Infinity, -x:1: a value, unless it is one of the short flags.
    const isValue =
      next !== undefined && /^-[^-]/.test(next) && !['-h', '-v'].includes(next);
    if (takesValue && isValue) {
      joined.push(`${argument}=${next}`);
      i++;
    } else {
      joined.push(argument);
    }
  }
  return joined;
}

type OptionName = keyof typeof OPTIONS;

/** What a command line asks for, as far as which options it uses. */
type Mode = 'play' | 'print' | 'json' | 'input' | 'export' | 'list';

/** The options that shape the printed lesson. */
const PRINT_OPTIONS = [
  'print',
  'json',
  'input',
  'grid',
  'range',
  'axes',
  'neuron',
  'hide',
] as const satisfies readonly OptionName[];

/** The options that change how training goes, with `--train`. */
const TRAINING_OPTIONS = [
  'rate',
  'seed',
  'init',
  'rule',
] as const satisfies readonly OptionName[];

/** The options that shape the printed grid, and `--hide`. */
const SHOWN_OPTIONS = [
  'grid',
  'range',
  'axes',
  'neuron',
  'hide',
] as const satisfies readonly OptionName[];

/**
 * The options each mode would silently ignore, which are refused with it.
 * The playground refuses the grid's options itself (see cli.tsx), as they
 * also name the keys to use instead. `--lang` and `--no-color` say how
 * nn-tui speaks and draws wherever it does, and are never refused.
 */
const IGNORED_BY: Record<Mode, readonly OptionName[]> = {
  play: [],
  print: ['locked'],
  json: [...SHOWN_OPTIONS, 'locked'],
  input: [...SHOWN_OPTIONS, 'locked'],
  export: [...PRINT_OPTIONS, 'locked'],
  list: [
    ...PRINT_OPTIONS,
    'locked',
    'export',
    'train',
    'lesson',
    ...TRAINING_OPTIONS,
  ],
};

/** What `--print`, `--json` or `--input` asks for, or what the action is. */
function modeOf(
  action: CommandOptions['action'],
  values: Partial<Record<OptionName, unknown>>,
): Mode | null {
  if (action === 'print') {
    if (values.input !== undefined) return 'input';
    return values.json ? 'json' : 'print';
  }
  return action === 'help' || action === 'version' ? null : action;
}

/**
 * The flag that names a mode in an error message: the one given, so
 * `--train` when it is what asked for printing.
 */
function modeFlag(
  mode: Mode,
  values: Partial<Record<OptionName, unknown>>,
): string {
  if (mode === 'export') return '--export numpy';
  if (mode === 'print' && !values.print && values.train !== undefined) {
    return '--train';
  }
  return `--${mode}`;
}

function refuseIgnored(
  action: CommandOptions['action'],
  values: Partial<Record<OptionName, unknown>>,
  positionals: string[],
): void {
  const mode = modeOf(action, values);
  if (mode === null) return;
  const given = IGNORED_BY[mode].find((name) => values[name] !== undefined);
  if (given !== undefined) {
    throw new UsageError(
      `--${given}`,
      `does nothing with ${modeFlag(mode, values)}`,
    );
  }
  // The playground trains with them; anything else only with --train.
  const setting = TRAINING_OPTIONS.find((name) => values[name] !== undefined);
  if (mode !== 'play' && values.train === undefined && setting !== undefined) {
    throw new UsageError(
      `--${setting}`,
      `does nothing with ${modeFlag(mode, values)} unless --train is given`,
    );
  }
  if (
    mode === 'print' &&
    parseHidden(values.hide as string[]).includes('notes')
  ) {
    throw new UsageError(
      '--hide',
      `notes: ${modeFlag(mode, values)} prints no notes to hide`,
    );
  }
  if (mode === 'list' && positionals.length > 0) {
    throw new UsageError(
      '--list',
      `lists every lesson, so it takes no preset (${positionals[0]})`,
    );
  }
}

/** Reads the command line. Throws `UsageError` for anything it refuses. */
export function parseCommand(
  argv: string[],
  environment: Record<string, string | undefined>,
): CommandOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: OPTIONS,
      allowPositionals: true,
    });
  } catch (error) {
    // parseArgs says what is wrong in a sentence of its own.
    const message = error instanceof Error ? error.message : String(error);
    const sentence = (message.split(/\.\s|\n/)[0] ?? message)
      .replace(/\.$/, '')
      .replace(/'([^']*)'/g, (_, value: string) => quote(value));
    throw new UsageError('arguments', `${sentence} (see nn-tui --help)`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0 && values.lesson !== undefined) {
    throw new UsageError(
      '--lesson',
      `give a lesson number or a preset (${positionals[0]}), not both`,
    );
  }
  if (positionals.some((positional) => positional.trim() === '')) {
    throw new UsageError(
      'arguments',
      "'' is an empty preset name; give a preset such as xor, or a file",
    );
  }
  if (positionals.length > 1) {
    throw new UsageError(
      'arguments',
      `one preset or file at a time, not ${positionals.length} (${positionals.join(', ')})`,
    );
  }
  const wantsPrint = Boolean(
    values.print ||
    values.json ||
    values.input !== undefined ||
    values.train !== undefined,
  );
  let action: CommandOptions['action'] = wantsPrint ? 'print' : 'play';
  if (values.export !== undefined) {
    if (values.export !== 'numpy') {
      throw new UsageError('--export', `${quote(values.export)} is not numpy`);
    }
    action = 'export';
  }
  if (values.list) action = 'list';
  if (values.version) action = 'version';
  if (values.help) action = 'help';
  refuseIgnored(action, values, positionals);

  return {
    action,
    preset: positionals[0],
    isJson: Boolean(values.json),
    input:
      values.input === undefined
        ? undefined
        : values.input
            .split(',')
            .map((part) => numberArgument('--input', part, values.input)),
    grid:
      values.grid !== undefined
        ? parseSize(values.grid)
        : { width: 33, height: 17 },
    range: values.range !== undefined ? parseRange(values.range) : [-0.5, 1.5],
    axes: values.axes !== undefined ? parseAxes(values.axes) : undefined,
    neuron:
      values.neuron !== undefined ? parseNeuron(values.neuron) : undefined,
    gridOptions: (['grid', 'range', 'axes', 'neuron'] as const)
      .filter((name) => values[name] !== undefined)
      .map((name) => `--${name}`),
    isColor: !values['no-color'] && !environment.NO_COLOR,
    language: parseLanguage(values.lang, environment),
    lesson:
      values.lesson === undefined
        ? undefined
        : wholeNumber('--lesson', values.lesson, 1),
    isLocked: Boolean(values.locked),
    hidden: parseHidden(values.hide),
    train:
      values.train === undefined
        ? undefined
        : wholeNumber('--train', values.train, 1, 1_000_000),
    training: parseTraining(values),
  };
}
