import type { $ZodLooseShape } from 'zod/v4/core';
import * as z from 'zod/mini';
import { ACTIVATION_NAMES } from '../core/activation.js';
import { LIMITS } from '../core/network.js';
import { MAX_SEED } from '../core/random.js';
import { quote } from '../render/printable.js';

// The preset file format of DESIGN.md. Every message here completes the
// sentence "the value at PLACE ...", and the loader puts the place first.

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `the string '${input.slice(0, 20)}'`;
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/** An error message: what the value must be, and what it was instead. */
function mustBe(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `is missing (must be ${what})`
      : `must be ${what}, not ${describe(issue.input)}`;
}

/** A strict object whose errors name unknown keys, or what it must be. */
function object<T extends $ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
            .map(quote)
            .join(', ')}`
        : mustBe(what)(issue),
  });
}

const finiteNumber = z.number({
  error: (issue) =>
    issue.input === null || typeof issue.input === 'number'
      ? 'must be a finite number'
      : mustBe('a number')(issue),
});

const text = (what: string) => z.string({ error: mustBe(what) });

/** A string, or an object with `en`, `ja` or both. */
const localText = z.union(
  [
    text('text'),
    object(
      { en: z.optional(text('text')), ja: z.optional(text('text')) },
      'text',
    ).check(
      z.refine((value) => value.en !== undefined || value.ja !== undefined, {
        error: 'needs "en", "ja" or both',
      }),
    ),
  ],
  {
    error: () =>
      'must be text, or {"en": text, "ja": text} with either or both',
  },
);

const list = <T extends z.ZodMiniType>(item: T, what: string, max: number) =>
  z
    .array(item, {
      error: mustBe(`a list of ${what}`),
    })
    .check(
      z.minLength(1, {
        error: `must hold at least one ${what.replace(/s$/, '')}`,
      }),
      z.maxLength(max, {
        error: (issue) =>
          `${(issue.input as unknown[]).length} ${what} where at most ${max} are allowed`,
      }),
    );

const neuron = object(
  {
    label: z.optional(text('text')),
    weights: z.array(finiteNumber, {
      error: mustBe(`a list of numbers`),
    }),
    bias: finiteNumber,
  },
  'a neuron object',
);

const layer = object(
  {
    activation: z.enum(ACTIVATION_NAMES, {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `${quote(issue.input)} is not one of ${ACTIVATION_NAMES.join(', ')}`
          : mustBe(`one of ${ACTIVATION_NAMES.join(', ')}`)(issue),
    }),
    neurons: list(neuron, 'neurons', LIMITS.neurons),
  },
  'a layer object',
);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: () => `must be ${values.map((value) => `'${value}'`).join(' or ')}`,
  });

const wholeNumber = z.int({
  error: (issue) => {
    if (issue.input === undefined) return 'is missing (must be a whole number)';
    const isBig =
      typeof issue.input === 'number' && Number.isInteger(issue.input);
    return isBig
      ? `must be a whole number from -${Number.MAX_SAFE_INTEGER} to ` +
          `${Number.MAX_SAFE_INTEGER}`
      : 'must be a whole number';
  },
});

/** A seed: a whole number from 0 to `MAX_SEED`. */
const seedRange = `a whole number from 0 to ${MAX_SEED}`;
const seed = z
  .int({
    error: (issue) =>
      issue.input === undefined
        ? `is missing (must be ${seedRange})`
        : `must be ${seedRange}`,
  })
  .check(
    z.gte(0, { error: `must be ${seedRange}` }),
    z.lte(MAX_SEED, { error: `must be ${seedRange}` }),
  );

const training = object(
  {
    rule: oneOf(['perceptron', 'backprop']),
    learningRate: finiteNumber.check(z.positive({ error: 'must be above 0' })),
    seed,
    epochs: z.optional(
      wholeNumber.check(
        z.gte(1, { error: 'must be at least 1' }),
        z.lte(1_000_000, { error: 'must be at most 1000000' }),
      ),
    ),
    loss: z.optional(oneOf(['squared', 'cross-entropy'])),
    batch: z.optional(oneOf(['online', 'full'])),
    init: z.optional(oneOf(['preset', 'zero', 'random'])),
    shuffle: z.optional(z.boolean({ error: 'must be true or false' })),
  },
  'a training object',
);

const targetRow = z.array(
  z.union([z.literal(0), z.literal(1)], {
    error: (issue) =>
      `must be 0 or 1, not ${
        typeof issue.input === 'number' ? issue.input : describe(issue.input)
      }`,
  }),
  {
    error: mustBe(`a list of 0s and 1s`),
  },
);

/** The shape of a preset file, before the checks that span fields. */
export const presetFileSchema = object(
  {
    name: z.optional(text('text')),
    order: z.optional(wholeNumber),
    title: z.optional(localText),
    notes: z.optional(localText),
    inputs: list(
      text('text').check(z.minLength(1, { error: 'must not be empty' })),
      'inputs',
      LIMITS.inputs,
    ),
    layers: list(layer, 'layers', LIMITS.layers),
    stepRule: z.optional(oneOf(['>', '>='])),
    targets: z.optional(
      z.array(targetRow, {
        error: mustBe(`a list of rows`),
      }),
    ),
    training: z.optional(training),
  },
  'a preset object',
);

/** A preset file as the schema reads it. */
export type PresetFile = z.infer<typeof presetFileSchema>;
