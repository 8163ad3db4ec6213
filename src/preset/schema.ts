import { z } from 'zod';
import { ACTIVATION_NAMES } from '../core/activation.js';
import { LIMITS } from '../core/network.js';

// The preset file format of DESIGN.md. Every message here completes the
// sentence "the value at PLACE ...", and the loader puts the place first.

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `the string '${input.slice(0, 20)}'`;
  return `a ${typeof input}`;
}

/** A strict object whose errors name unknown keys, or what it must be. */
function object<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
            .map((key) => `'${key}'`)
            .join(', ')}`
        : `must be ${what}, not ${describe(issue.input)}`,
  });
}

const finiteNumber = z.number({
  error: (issue) =>
    issue.input === null || typeof issue.input === 'number'
      ? 'must be a finite number'
      : `must be a number, not ${describe(issue.input)}`,
});

const text = (what: string) =>
  z.string({ error: (issue) => `${what}, not ${describe(issue.input)}` });

/** A string, or an object with `en` and optionally `ja`. */
const localText = z.union(
  [
    text('must be text'),
    object(
      { en: text('must be text'), ja: text('must be text').optional() },
      'text',
    ),
  ],
  { error: () => 'must be text, or {"en": ..., "ja": ...}' },
);

const list = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z
    .array(item, {
      error: (issue) =>
        `must be a list of ${what}, not ${describe(issue.input)}`,
    })
    .min(1, { error: `must hold at least one ${what.replace(/s$/, '')}` })
    .max(max, {
      error: (issue) =>
        `${(issue.input as unknown[]).length} ${what} where at most ${max} are allowed`,
    });

const neuron = object(
  {
    label: text('must be text').optional(),
    weights: z.array(finiteNumber, {
      error: (issue) =>
        `must be a list of numbers, not ${describe(issue.input)}`,
    }),
    bias: finiteNumber,
  },
  'a neuron object',
);

const layer = object(
  {
    activation: z.enum(ACTIVATION_NAMES, {
      error: (issue) =>
        `'${String(issue.input)}' is not one of ${ACTIVATION_NAMES.join(', ')}`,
    }),
    neurons: list(neuron, 'neurons', LIMITS.neurons),
  },
  'a layer object',
);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: () => `must be ${values.map((value) => `'${value}'`).join(' or ')}`,
  });

const wholeNumber = z.int({ error: 'must be a whole number' });

const training = object(
  {
    rule: oneOf(['perceptron', 'backprop']),
    learningRate: finiteNumber.positive({ error: 'must be above 0' }),
    seed: wholeNumber,
    epochs: wholeNumber
      .min(1, { error: 'must be at least 1' })
      .max(1_000_000, { error: 'must be at most 1000000' })
      .optional(),
    loss: oneOf(['squared', 'cross-entropy']).optional(),
    batch: oneOf(['online', 'full']).optional(),
    init: oneOf(['preset', 'zero', 'random']).optional(),
    shuffle: z.boolean({ error: 'must be true or false' }).optional(),
  },
  'a training object',
);

const targetRow = z.array(
  z.union([z.literal(0), z.literal(1)], {
    error: (issue) => `must be 0 or 1, not ${String(issue.input)}`,
  }),
  {
    error: (issue) =>
      `must be a list of 0s and 1s, not ${describe(issue.input)}`,
  },
);

/** The shape of a preset file, before the checks that span fields. */
export const presetFileSchema = object(
  {
    name: text('must be text').optional(),
    order: wholeNumber.optional(),
    title: localText.optional(),
    notes: localText.optional(),
    inputs: list(
      text('must be text').min(1, { error: 'must not be empty' }),
      'inputs',
      LIMITS.inputs,
    ),
    layers: list(layer, 'layers', LIMITS.layers),
    stepRule: oneOf(['>', '>=']).optional(),
    targets: z
      .array(targetRow, {
        error: (issue) =>
          `must be a list of rows, not ${describe(issue.input)}`,
      })
      .optional(),
    training: training.optional(),
  },
  'a preset object',
);

/** A preset file as the schema reads it. */
export type PresetFile = z.infer<typeof presetFileSchema>;
