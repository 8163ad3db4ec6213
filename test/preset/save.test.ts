import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/core/activation.js';
import type { Lesson, LocalText } from '../../src/core/lesson.js';
import { LIMITS, type Layer, type Network } from '../../src/core/network.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import {
  FileExistsError,
  loadPresetFile,
  MAX_FILE_BYTES,
  savePresetFile,
  type SaveSteps,
} from '../../src/preset/files.js';
import { PresetError, presetText } from '../../src/preset/parse.js';

let root: string;
let count = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nn-tui-save-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A new empty folder for one test. */
function freshFolder(): string {
  return mkdtempSync(join(root, `t${count++}-`));
}

function lesson(name: string): Lesson {
  const found = findLesson(name);
  if (!found) throw new Error(`no built-in lesson ${name}`);
  return found;
}

/** The real file operations, as the saver uses them. */
const REAL: SaveSteps = {
  open: openSync,
  write: (fd, text) => {
    writeSync(fd, text);
  },
  sync: fsyncSync,
  close: closeSync,
  rename: renameSync,
};

class Interrupted extends Error {
  constructor(step: string) {
    super(`interrupted at ${step}`);
  }
}

/** The real steps with one of them failing, as a crash or a full disk. */
const INTERRUPTIONS: [string, SaveSteps][] = [
  [
    'open',
    {
      ...REAL,
      open: () => {
        throw new Interrupted('open');
      },
    },
  ],
  [
    'write',
    {
      ...REAL,
      write: () => {
        throw new Interrupted('write');
      },
    },
  ],
  [
    'half a write',
    {
      ...REAL,
      write: (fd, text) => {
        writeSync(fd, text.slice(0, Math.floor(text.length / 2)));
        throw new Interrupted('half a write');
      },
    },
  ],
  [
    'sync',
    {
      ...REAL,
      sync: () => {
        throw new Interrupted('sync');
      },
    },
  ],
  [
    'close',
    {
      ...REAL,
      close: (fd) => {
        closeSync(fd);
        throw new Interrupted('close');
      },
    },
  ],
  [
    'rename',
    {
      ...REAL,
      rename: () => {
        throw new Interrupted('rename');
      },
    },
  ],
];

/** Calls `save`, which must fail with a one-line PresetError. */
function expectNotSaved(save: () => void, file: string): PresetError {
  let caught: unknown;
  try {
    save();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PresetError);
  const error = caught as PresetError;
  expect(error.message.startsWith(`${file}: `)).toBe(true);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('saving and loading again', () => {
  it.each(builtInLessons().map((l) => l.name))(
    '%s comes back equal',
    (name) => {
      const folder = freshFolder();
      const path = join(folder, `copy of ${name}.json`);
      const original = lesson(name);
      savePresetFile(path, original);
      const loaded = loadPresetFile(path);
      expect(loaded).toEqual(original);
      expect(loaded.network).toEqual(original.network);
      expect(loaded.targets).toEqual(original.targets);
      expect(loaded.title).toEqual(original.title);
      expect(loaded.notes).toEqual(original.notes);
      expect(loaded.training).toEqual(original.training);
      // Exactly the text presetText makes, and only the file in the folder.
      expect(readFileSync(path, 'utf8')).toBe(presetText(original));
      expect(readdirSync(folder)).toEqual([`copy of ${name}.json`]);
    },
  );

  it('writes a stepRule of >= and reads it back', () => {
    const path = join(freshFolder(), 'ge.json');
    const original: Lesson = {
      ...lesson('blank'),
      network: { ...lesson('blank').network, stepRule: '>=' },
    };
    savePresetFile(path, original);
    expect(readFileSync(path, 'utf8')).toContain('"stepRule": ">="');
    expect(loadPresetFile(path)).toEqual(original);
  });

  it('uses the real steps in order, through a temporary file beside it', () => {
    const folder = freshFolder();
    const path = join(folder, 'and.json');
    const calls: string[] = [];
    let temporary = '';
    const steps: SaveSteps = {
      open: (file, flags, mode) => {
        calls.push('open');
        temporary = String(file);
        expect(flags).toBe('wx');
        return openSync(file, flags, mode);
      },
      write: (fd, text) => {
        calls.push('write');
        REAL.write(fd, text);
      },
      sync: (fd) => {
        calls.push('sync');
        fsyncSync(fd);
      },
      close: (fd) => {
        calls.push('close');
        closeSync(fd);
      },
      rename: (from, to) => {
        calls.push('rename');
        expect(from).toBe(temporary);
        expect(to).toBe(path);
        renameSync(from, to);
      },
    };
    savePresetFile(path, lesson('and'), { steps });
    expect(calls).toEqual(['open', 'write', 'sync', 'close', 'rename']);
    expect(dirname(temporary)).toBe(folder);
    expect(temporary).not.toBe(path);
    expect(existsSync(temporary)).toBe(false);
    expect(loadPresetFile(path)).toEqual(lesson('and'));
  });
});

describe('overwriting', () => {
  it('refuses to replace a file without { overwrite: true }', () => {
    const folder = freshFolder();
    const path = join(folder, 'mine.json');
    const old = Buffer.from('{"my": "precious work"}\n');
    writeFileSync(path, old);
    for (const options of [undefined, {}, { overwrite: false }]) {
      expect(() => savePresetFile(path, lesson('xor'), options)).toThrow(
        FileExistsError,
      );
      expect(readFileSync(path).equals(old)).toBe(true);
    }
    expect(readdirSync(folder)).toEqual(['mine.json']);
    let caught: unknown;
    try {
      savePresetFile(path, lesson('xor'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FileExistsError);
    expect((caught as FileExistsError).path).toBe(path);
    expect((caught as Error).message).toBe(`${path} already exists`);
  });

  it('replaces it with { overwrite: true }', () => {
    const folder = freshFolder();
    const path = join(folder, 'mine.json');
    savePresetFile(path, lesson('and'));
    savePresetFile(path, lesson('xor'), { overwrite: true });
    expect(loadPresetFile(path)).toEqual(lesson('xor'));
    expect(readdirSync(folder)).toEqual(['mine.json']);
  });
});

describe('an interrupted save', () => {
  it.each(INTERRUPTIONS)(
    'at %s leaves the old file byte for byte',
    (step, steps) => {
      const folder = freshFolder();
      const path = join(folder, 'work.json');
      savePresetFile(path, lesson('and'));
      const old = readFileSync(path);
      const error = expectNotSaved(
        () => savePresetFile(path, lesson('xor'), { overwrite: true, steps }),
        'work.json',
      );
      expect(error.message).toBe(
        `work.json: not saved: interrupted at ${step}`,
      );
      expect(readFileSync(path).equals(old)).toBe(true);
      expect(readdirSync(folder)).toEqual(['work.json']);
      // The next save goes through.
      savePresetFile(path, lesson('xor'), { overwrite: true });
      expect(loadPresetFile(path)).toEqual(lesson('xor'));
      expect(readdirSync(folder)).toEqual(['work.json']);
    },
  );

  it.each(INTERRUPTIONS)(
    'at %s leaves no file when there was none',
    (_, steps) => {
      const folder = freshFolder();
      const path = join(folder, 'new.json');
      expectNotSaved(
        () => savePresetFile(path, lesson('xor'), { steps }),
        'new.json',
      );
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(folder)).toEqual([]);
    },
  );

  it('into a missing folder says so and writes nothing', () => {
    const folder = freshFolder();
    const error = expectNotSaved(
      () => savePresetFile(join(folder, 'no', 'x.json'), lesson('and')),
      'x.json',
    );
    expect(error.message).toBe('x.json: not saved: no such folder (no)');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a lesson whose file would be too big to open again', () => {
    const folder = freshFolder();
    const long = {
      ...lesson('and'),
      notes: { en: 'a'.repeat(MAX_FILE_BYTES) },
    };
    const error = expectNotSaved(
      () => savePresetFile(join(folder, 'long.json'), long),
      'long.json',
    );
    const size = Buffer.byteLength(presetText(long));
    expect(error.message).toBe(
      `long.json: not saved: ${size} bytes would be over the limit of 1 MiB ` +
        'for a preset, so it could not be opened again (shorten the notes)',
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});

/** A copy of a built-in lesson with one value of its network replaced. */
function withValue(value: number, where: 'weight' | 'bias'): Lesson {
  const original = lesson('xor');
  const layers = original.network.layers.map((layer, l) => ({
    ...layer,
    neurons: layer.neurons.map((neuron, n) =>
      l === 1 && n === 0
        ? where === 'weight'
          ? { ...neuron, weights: [neuron.weights[0] ?? 0, value] }
          : { ...neuron, bias: value }
        : neuron,
    ),
  }));
  return { ...original, network: { ...original.network, layers } };
}

describe('non-finite values', () => {
  const cases: [string, Lesson][] = [
    ['a NaN weight', withValue(NaN, 'weight')],
    ['an infinite weight', withValue(Infinity, 'weight')],
    ['a NaN bias', withValue(NaN, 'bias')],
    ['a -Infinity bias', withValue(-Infinity, 'bias')],
  ];

  it.each(cases)('%s is never written', (_, bad) => {
    const folder = freshFolder();
    const path = join(folder, 'bad.json');
    const calls: string[] = [];
    const spy = Object.fromEntries(
      Object.entries(REAL).map(([name, step]) => [
        name,
        (...args: unknown[]) => {
          calls.push(name);
          return (step as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as unknown as SaveSteps;
    const error = expectNotSaved(
      () => savePresetFile(path, bad, { steps: spy }),
      'bad.json',
    );
    expect(error.message).toBe(
      'bad.json: not saved: Layer 2 neuron 1 has a value that is not a finite number.',
    );
    expect(calls).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
    // Nor does it replace a good file.
    savePresetFile(path, lesson('xor'));
    const old = readFileSync(path);
    expectNotSaved(
      () => savePresetFile(path, bad, { overwrite: true }),
      'bad.json',
    );
    expect(readFileSync(path).equals(old)).toBe(true);
    expect(readdirSync(folder)).toEqual(['bad.json']);
  });

  it('a non-finite learning rate is never written', () => {
    const folder = freshFolder();
    const path = join(folder, 'rate.json');
    const original = lesson('xor-sigmoid');
    const training = original.training;
    if (!training) throw new Error('xor-sigmoid has no training settings');
    expectNotSaved(
      () =>
        savePresetFile(path, {
          ...original,
          training: { ...training, learningRate: Infinity },
        }),
      'rate.json',
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});

// Random valid lessons, for the save-and-load property.

const tricky = fc.constantFrom(
  -0,
  0,
  1e-300,
  -1e-300,
  1e300,
  -1e300,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  0.1 + 0.2,
  1 / 3,
);
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  tricky,
  fc.integer({ min: -1000, max: 1000 }),
);

// Text that loads unchanged: no control characters (and no line breaks
// outside notes), but anything else, lone surrogates included.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const line = fc
  .string({ unit: 'binary', maxLength: 30 })
  .map((text) => text.replace(CONTROL, ''));
const lines = fc.array(line, { maxLength: 3 }).map((parts) => parts.join('\n'));
const local = (text: fc.Arbitrary<string>): fc.Arbitrary<LocalText> =>
  fc.record({ en: text, ja: text }, { requiredKeys: ['en'] });

const network: fc.Arbitrary<Network> = fc
  .record({
    inputCount: fc.integer({ min: 1, max: LIMITS.inputs }),
    sizes: fc.array(fc.integer({ min: 1, max: 5 }), {
      minLength: 1,
      maxLength: 4,
    }),
    stepRule: fc.constantFrom('>' as const, '>=' as const),
  })
  .chain(({ inputCount, sizes, stepRule }) =>
    fc
      .tuple(
        ...sizes.map((size, l) =>
          fc.record({
            activation: fc.constantFrom(...ACTIVATION_NAMES),
            neurons: fc.array(
              fc.record(
                {
                  label: line,
                  weights: fc.array(finite, {
                    minLength: l === 0 ? inputCount : (sizes[l - 1] ?? 0),
                    maxLength: l === 0 ? inputCount : (sizes[l - 1] ?? 0),
                  }),
                  bias: finite,
                },
                { requiredKeys: ['weights', 'bias'] },
              ),
              { minLength: size, maxLength: size },
            ),
          }),
        ),
      )
      .map((layers): Network => ({
        inputs: Array.from({ length: inputCount }, (_, i) => `x${i + 1}`),
        // A label's first word is a name: one of its own, before any text.
        layers: (layers as Layer[]).map((layer, l) => ({
          ...layer,
          neurons: layer.neurons.map((neuron, n) =>
            neuron.label === undefined
              ? neuron
              : { ...neuron, label: `n${l}_${n} ${neuron.label}` },
          ),
        })),
        stepRule,
      })),
  );

const randomLesson: fc.Arbitrary<Lesson> = network.chain((net) =>
  fc.record(
    {
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      order: fc.integer({ min: -5, max: 1000 }),
      title: local(line),
      notes: local(lines),
      network: fc.constant(net),
      targets: fc.option(
        fc.array(
          fc.array(fc.constantFrom(0, 1), {
            minLength: net.layers.at(-1)?.neurons.length ?? 0,
            maxLength: net.layers.at(-1)?.neurons.length ?? 0,
          }),
          {
            minLength: 2 ** net.inputs.length,
            maxLength: 2 ** net.inputs.length,
          },
        ),
      ),
      training: fc
        .record(
          {
            rule: fc.constantFrom('perceptron' as const, 'backprop' as const),
            learningRate: fc.double({
              min: Number.MIN_VALUE,
              max: 1e300,
              noNaN: true,
            }),
            seed: fc.integer({ min: 0, max: 65535 }),
            epochs: fc.integer({ min: 1, max: 1_000_000 }),
            loss: fc.constantFrom('squared' as const, 'cross-entropy' as const),
            batch: fc.constantFrom('online' as const, 'full' as const),
            init: fc.constantFrom(
              'preset' as const,
              'zero' as const,
              'random' as const,
            ),
            shuffle: fc.boolean(),
          },
          { requiredKeys: ['rule', 'learningRate', 'seed'] },
        )
        // Full batch and cross-entropy are backprop's alone.
        .filter(
          ({ rule, loss, batch }) =>
            rule === 'backprop' ||
            (loss !== 'cross-entropy' && batch !== 'full'),
        ),
    },
    { requiredKeys: ['name', 'title', 'notes', 'network', 'targets'] },
  ),
);

/** Every number of a network, in order. */
function numbers(net: Network): number[] {
  return net.layers.flatMap((layer) =>
    layer.neurons.flatMap((neuron) => [...neuron.weights, neuron.bias]),
  );
}

/** What loading gives back: -0 is written as 0. */
function expectedBack(original: Lesson): Lesson {
  return {
    ...original,
    network: {
      ...original.network,
      layers: original.network.layers.map((layer) => ({
        ...layer,
        neurons: layer.neurons.map((neuron) => ({
          ...neuron,
          weights: neuron.weights.map((w) => (w === 0 ? 0 : w)),
          bias: neuron.bias === 0 ? 0 : neuron.bias,
        })),
      })),
    },
  };
}

describe('the save-and-load property', () => {
  it('random valid lessons come back value for value', () => {
    const folder = freshFolder();
    let run = 0;
    fc.assert(
      fc.property(randomLesson, (original) => {
        const path = join(folder, `random-${run++}.json`);
        savePresetFile(path, original);
        const loaded = loadPresetFile(path);
        const expected = expectedBack(original);
        expect(loaded).toEqual(expected);
        const got = numbers(loaded.network);
        const want = numbers(expected.network);
        expect(got).toHaveLength(want.length);
        got.forEach((value, i) => {
          // Object.is tells 0 from -0, which toEqual also does.
          expect(Object.is(value, want[i])).toBe(true);
          expect(Object.is(value, -0)).toBe(false);
        });
        rmSync(path);
      }),
      { numRuns: 300, seed: 20_240_601 },
    );
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);
});
