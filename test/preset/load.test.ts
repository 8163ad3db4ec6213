import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import {
  loadPresetFile,
  MAX_FILE_BYTES,
  resolvePreset,
} from '../../src/preset/files.js';
import { lessonFromData, PresetError } from '../../src/preset/parse.js';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/good/', import.meta.url));
const SHARED = fileURLToPath(
  new URL('../fixtures/reference/bad-presets/', import.meta.url),
);

/** Any character a terminal could act on, and the Unicode line breaks. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Loads a file that must be refused, checks the error, and returns it. */
function refusal(path: string): PresetError {
  let caught: unknown;
  try {
    loadPresetFile(path);
  } catch (error) {
    caught = error;
  }
  expect(caught, `${path} was accepted`).toBeInstanceOf(PresetError);
  const error = caught as PresetError;
  // The path as given, with any control characters shown as escapes.
  const name = path.replace(
    new RegExp(UNSAFE.source, 'g'),
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  expect(error.source).toBe(name);
  expect(error.message.startsWith(`${name}: `)).toBe(true);
  expect(error.message).toBe(
    [error.source, error.place, error.problem].filter(Boolean).join(': '),
  );
  expect(error.problem).not.toBe('');
  // One line, with nothing a terminal would act on, and no stack trace.
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toMatch(UNSAFE);
  expect(error.message).not.toMatch(/\bat .*:\d+:\d+/);
  return error;
}

/** The message of a refused file after the path, which `refusal` checks. */
function refusedFor(path: string): string {
  return refusal(path).message.slice(path.length + 2);
}

function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name !== 'expected.json')
    .sort();
}

/** Every committed malformed fixture, with its place and its problem. */
const EXPECTED: Record<string, [place: string, problem: string]> = {
  'activation-number.json': [
    'layers[0].activation',
    'must be one of step, sigmoid, tanh, relu, linear, not a number',
  ],
  'binary.json': ['', 'is not UTF-8 text'],
  'boolean-weight.json': [
    'layers[0].neurons[0].weights[0]',
    'must be a number, not a boolean',
  ],
  'comment.json': [
    '',
    'not valid JSON at line 1, column 1: invalid comment token',
  ],
  'constructor-key.json': ['', "unknown key 'constructor'"],
  'duplicate-inputs.json': ['inputs[2]', "'x' is named twice"],
  'duplicate-key.json': [
    'inputs',
    'is given twice (again at line 3, column 3)',
  ],
  'duplicate-key-nested.json': [
    'layers[0].neurons[0].bias',
    'is given twice (again at line 6, column 50)',
  ],
  'label-twice.json': [
    'layers[0].neurons[1].label',
    "'h' is also the name of layers[0].neurons[0]; formulas would not tell them apart",
  ],
  'label-input-name.json': [
    'layers[0].neurons[0].label',
    "'x1' is also the name of an input; formulas would not tell them apart",
  ],
  'input-name-space.json': [
    'inputs[0]',
    "'x 1' must not start with a digit or a dot, or hold spaces or + - * / = | , so that formulas can tell it from numbers and sums",
  ],
  'input-name-digits.json': [
    'inputs[0]',
    "'1' must not start with a digit or a dot, or hold spaces or + - * / = | , so that formulas can tell it from numbers and sums",
  ],
  'label-minus-one.json': [
    'layers[0].neurons[0].label',
    "its first word '-1' must not start with a digit or a dot, or hold spaces or + - * / = | , so that formulas can tell it from numbers and sums",
  ],
  'name-path.json': [
    'name',
    'must be a file name without / or \\ (a save suggests ./NAME.json)',
  ],
  'perceptron-full-batch.json': [
    'training.batch',
    "'full' is for backprop: the perceptron rule updates after each row",
  ],
  'perceptron-cross-entropy.json': [
    'training.loss',
    "'cross-entropy' is for backprop: the perceptron rule reports squared error",
  ],
  'input-names-same-look.json': ['inputs[1]', "'é' is named twice"],
  'name-empty.json': ['name', 'must not be empty'],
  'input-place-name.json': [
    'inputs[0]',
    "'h1.2' is how nn-tui names a neuron by its place (layer.neuron), which can change as neurons are added",
  ],
  'input-name-inf.json': [
    'inputs[0]',
    "'inf' is how the table shows a number that is not finite",
  ],
  'auto-name-input.json': [
    'layers[0].neurons[0]',
    "has no label, and the name it would get, 'out', is an input's; give it a label",
  ],
  'empty-input-name.json': ['inputs[1]', 'must not be empty'],
  'empty-inputs.json': ['inputs', 'must hold at least one input'],
  'empty-layers.json': ['layers', 'must hold at least one layer'],
  'empty-neurons.json': ['layers[1].neurons', 'must hold at least one neuron'],
  'empty-object.json': ['inputs', 'is missing (must be a list of inputs)'],
  'empty.json': ['', 'is empty'],
  'escape-in-activation.json': [
    'layers[0].activation',
    "'\\u001b[31mstep\\u000asigmoid' is not one of step, sigmoid, tanh, relu, linear",
  ],
  'escape-in-key.json': [
    '',
    "unknown key '\\u001b]0;pwned\\u0007\\u000d\\u000a'",
  ],
  'fraction-order.json': ['order', 'must be a whole number'],
  'fraction-seed.json': [
    'training.seed',
    'must be a whole number from 0 to 65535',
  ],
  'huge-1e400.json': [
    'layers[0].neurons[0].weights[1]',
    'must be a finite number',
  ],
  'huge-negative-1e400.json': [
    'layers[0].neurons[0].bias',
    'must be a finite number',
  ],
  'infinity.json': ['', 'not valid JSON at line 2, column 61: invalid symbol'],
  'input-name-number.json': ['inputs[1]', 'must be text, not a number'],
  'invisible-input-name.json': ['inputs[1]', 'must not be empty'],
  'label-number.json': [
    'layers[0].neurons[0].label',
    'must be text, not a number',
  ],
  'latin1.json': ['', 'is not UTF-8 text'],
  'long-key.json': ['', `unknown key '${'k'.repeat(40)}...'`],
  'missing-activation.json': [
    'layers[0].activation',
    'is missing (must be one of step, sigmoid, tanh, relu, linear)',
  ],
  'missing-bias.json': [
    'layers[0].neurons[0].bias',
    'is missing (must be a number)',
  ],
  'missing-inputs.json': ['inputs', 'is missing (must be a list of inputs)'],
  'missing-layers.json': ['layers', 'is missing (must be a list of layers)'],
  'missing-weights.json': [
    'layers[0].neurons[0].weights',
    'is missing (must be a list of numbers)',
  ],
  'nan.json': ['', 'not valid JSON at line 2, column 80: invalid symbol'],
  'negative-rate.json': ['training.learningRate', 'must be above 0'],
  'null-bias-layer2.json': [
    'layers[1].neurons[0].bias',
    'must be a finite number',
  ],
  'null-weight.json': [
    'layers[0].neurons[0].weights[1]',
    'must be a finite number',
  ],
  'proto-layer.json': ['layers[0]', "unknown key '__proto__'"],
  'proto-neuron.json': ['layers[0].neurons[0]', "unknown key '__proto__'"],
  'proto-top.json': ['', "unknown key '__proto__'"],
  'prototype-key.json': ['layers[0]', "unknown key 'prototype'"],
  'seven-inputs.json': ['inputs', '7 inputs where at most 6 are allowed'],
  'seven-layers.json': ['layers', '7 layers where at most 6 are allowed'],
  'seventeen-neurons.json': [
    'layers[0].neurons',
    '17 neurons where at most 16 are allowed',
  ],
  'single-quotes.json': [
    '',
    'not valid JSON at line 1, column 2: invalid symbol',
  ],
  'step-rule.json': ['stepRule', "must be '>' or '>='"],
  'string-bias.json': [
    'layers[0].neurons[0].bias',
    "must be a number, not the string '-0.7'",
  ],
  'string-weight.json': [
    'layers[0].neurons[0].weights[1]',
    "must be a number, not the string '0.5'",
  ],
  'target-half.json': ['targets[1][0]', 'must be 0 or 1, not 0.5'],
  'target-row-length.json': [
    'targets[2]',
    '1 value where the network has 2 outputs',
  ],
  'target-row-not-list.json': [
    'targets[0]',
    'must be a list of 0s and 1s, not a number',
  ],
  'target-string.json': ['targets[1][0]', "must be 0 or 1, not the string '1'"],
  'target-two.json': ['targets[3][0]', 'must be 0 or 1, not 2'],
  'targets-not-list.json': [
    'targets',
    "must be a list of rows, not the string '0001'",
  ],
  'targets-one-input.json': ['targets', '4 rows where 1 input makes 2'],
  'targets-three-rows.json': ['targets', '3 rows where 2 inputs make 4'],
  'title-number.json': [
    'title',
    'must be text, or {"en": text, "ja": text} with either or both',
  ],
  'top-array.json': ['', 'must be a preset object, not a list'],
  'top-null.json': ['', 'must be a preset object, not null'],
  'top-number.json': ['', 'must be a preset object, not a number'],
  'top-string.json': ['', "must be a preset object, not the string 'and'"],
  'top-true.json': ['', 'must be a preset object, not a boolean'],
  'trailing-comma-object.json': [
    '',
    'not valid JSON at line 4, column 1: property name expected',
  ],
  'trailing-comma.json': [
    '',
    'not valid JSON at line 4, column 62: value expected',
  ],
  'training-rule.json': ['training.rule', "must be 'perceptron' or 'backprop'"],
  'truncated.json': [
    '',
    'not valid JSON at line 2, column 69: close bracket expected',
  ],
  'two-documents.json': [
    '',
    'not valid JSON at line 21, column 1: end of file expected',
  ],
  'unknown-activation.json': [
    'layers[0].activation',
    "'softmax' is not one of step, sigmoid, tanh, relu, linear",
  ],
  'unknown-key-layer.json': ['layers[1]', "unknown key 'name'"],
  'unknown-key-neuron.json': ['layers[0].neurons[1]', "unknown key 'weight'"],
  'unknown-key-title.json': ['title', "unknown key 'fr'"],
  'unknown-key-top.json': ['', "unknown key 'author'"],
  'unknown-key-training.json': ['training', "unknown key 'momentum'"],
  'utf16.json': ['', 'is not UTF-8 text'],
  'weights-count-layer1.json': [
    'layers[0].neurons[0].weights',
    '3 numbers where the network has 2 inputs',
  ],
  'weights-count-layer3.json': [
    'layers[2].neurons[0].weights',
    '2 numbers where the previous layer has 3 neurons',
  ],
  'weights-not-list.json': [
    'layers[0].neurons[0].weights',
    'must be a list of numbers, not a number',
  ],
  'whitespace.json': ['', 'is empty'],
  'zero-epochs.json': ['training.epochs', 'must be at least 1'],
  'zero-rate.json': ['training.learningRate', 'must be above 0'],
};

describe('malformed fixtures in test/fixtures/bad', () => {
  const files = filesIn(BAD);

  it('holds at least 30 files, each with its expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('refuses %s with its place and problem', (file) => {
    const path = join(BAD, file);
    const error = refusal(path);
    const [place, problem] = EXPECTED[file] ?? ['?', '?'];
    expect({ place: error.place, problem: error.problem }).toEqual({
      place,
      problem,
    });
    // The file is named by the path it was given.
    expect(error.message).toBe(
      place ? `${path}: ${place}: ${problem}` : `${path}: ${problem}`,
    );
  });

  it('lets no __proto__ or constructor key reach an object', () => {
    for (const file of [
      'proto-top.json',
      'proto-neuron.json',
      'proto-layer.json',
      'constructor-key.json',
      'prototype-key.json',
    ]) {
      refusal(join(BAD, file));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('bias');
  });
});

describe('the shared bad presets', () => {
  const files = filesIn(SHARED);
  const expected = JSON.parse(
    readFileSync(join(SHARED, 'expected.json'), 'utf8'),
  ) as Record<string, string>;

  /** Words each message must contain, read off expected.json by hand. */
  const KEY_WORDS: Record<string, (string | RegExp)[]> = {
    'truncated.json': ['not valid JSON', /line 1, column 57\b/],
    'shape-mismatch.json': ['3 numbers', '2 neurons'],
    'unknown-activation.json': [
      "'softplus'",
      'step, sigmoid, tanh, relu, linear',
    ],
    'null-bias.json': ['must be a finite number'],
    'string-weight.json': ['must be a number'],
    'targets-rows.json': ['3 rows', '2 inputs', 'make 4'],
  };

  it('has an expectation for every file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(expected).sort());
    expect(Object.keys(KEY_WORDS).sort()).toEqual(files);
  });

  it.each(files)('refuses %s as expected.json says', (file) => {
    const path = join(SHARED, file);
    const error = refusal(path);
    const text = expected[file] ?? '';
    // "PLACE: WHAT" names a place; a sentence without one (truncated)
    // is about the file as a whole.
    const match = /^([A-Za-z]+(?:\[\d+\]|\.[A-Za-z]+)*): (.*)$/.exec(text);
    const place = match?.[1] ?? '';
    const what = match?.[2] ?? text;
    expect(error.place).toBe(place);
    expect(error.message.startsWith(`${path}: ${place}`)).toBe(true);
    // Every number and quoted word of the expectation is in the message.
    for (const word of what.match(/'[^']*'|\d+/g) ?? []) {
      expect(error.problem).toContain(word);
    }
    for (const word of KEY_WORDS[file] ?? []) {
      if (typeof word === 'string') expect(error.problem).toContain(word);
      else expect(error.problem).toMatch(word);
    }
  });

  it('says where truncated JSON stops, by line and column', () => {
    expect(refusal(join(SHARED, 'truncated.json')).problem).toMatch(
      /^not valid JSON at line \d+, column \d+/,
    );
  });

  it('gives the exact messages of the shape cases', () => {
    expect(refusedFor(join(SHARED, 'shape-mismatch.json'))).toBe(
      'layers[1].neurons[0].weights: 3 numbers where the previous layer has 2 neurons',
    );
    expect(refusedFor(join(SHARED, 'targets-rows.json'))).toBe(
      'targets: 3 rows where 2 inputs make 4',
    );
  });
});

describe('malformed files made by the test', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'nn-tui-bad-'));
    const preset = {
      inputs: ['x1', 'x2'],
      layers: [
        { activation: 'step', neurons: [{ weights: [0.5, 0.5], bias: -0.7 }] },
      ],
    };
    const json = JSON.stringify(preset);
    // Valid JSON padded with spaces to exactly the limit, and one byte more.
    const pad = (size: number) =>
      `${json.slice(0, -1)}${' '.repeat(size - json.length)}}`;
    writeFileSync(join(folder, 'limit.json'), pad(MAX_FILE_BYTES));
    writeFileSync(join(folder, 'over-limit.json'), pad(MAX_FILE_BYTES + 1));
    // A 3 GiB sparse file: readFileSync would fail on it with another
    // message, so refusing it by size shows the size is checked first.
    const fd = openSync(join(folder, 'sparse.json'), 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    writeFileSync(join(folder, 'deep.json'), '['.repeat(300_000));
    writeFileSync(
      join(folder, 'deep-valid.json'),
      `${'['.repeat(300_000)}${']'.repeat(300_000)}`,
    );
    writeFileSync(
      join(folder, 'deep-inputs.json'),
      `{"inputs": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    );
    mkdirSync(join(folder, 'folder.json'));
    writeFileSync(join(folder, 'locked.json'), json);
    chmodSync(join(folder, 'locked.json'), 0o000);
    writeFileSync(join(folder, 'a-file'), json);
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('accepts a file of exactly 1 MiB', () => {
    expect(loadPresetFile(join(folder, 'limit.json')).name).toBe('limit');
  });

  it('refuses a file over 1 MiB', () => {
    expect(refusedFor(join(folder, 'over-limit.json'))).toBe(
      '1048577 bytes is over the limit of 1 MiB for a preset',
    );
  });

  it('refuses a huge file by its size, before reading it', () => {
    expect(refusedFor(join(folder, 'sparse.json'))).toBe(
      '3221225472 bytes is over the limit of 1 MiB for a preset',
    );
  });

  it.skipIf(process.platform !== 'linux')(
    'reads a device only up to the limit, and refuses what is past it',
    () => {
      expect(refusal('/dev/zero').message).toBe(
        '/dev/zero: is over the limit of 1 MiB for a preset',
      );
    },
  );

  it.skipIf(process.platform === 'win32')(
    'reads a pipe only up to the limit, and refuses what is past it',
    () => {
      const pipe = join(folder, 'pipe.json');
      execFileSync('mkfifo', [pipe]);
      // A writer with more than the limit to give, that stops when the
      // reader has gone.
      const writer = spawn('sh', ['-c', `yes '[' > '${pipe}'`], {
        stdio: 'ignore',
      });
      try {
        expect(refusedFor(pipe)).toBe(
          'is over the limit of 1 MiB for a preset',
        );
      } finally {
        writer.kill();
      }
    },
  );

  it('refuses JSON nested too deeply for a recursive parser', () => {
    expect(refusedFor(join(folder, 'deep.json'))).toBe(
      'not valid JSON at line 1, column 300001',
    );
    expect(refusedFor(join(folder, 'deep-valid.json'))).toBe(
      'must be a preset object, not a list',
    );
    expect(refusedFor(join(folder, 'deep-inputs.json'))).toBe(
      'inputs[0]: must be text, not a list',
    );
  });

  it('refuses a folder', () => {
    expect(refusedFor(join(folder, 'folder.json'))).toBe(
      'is a folder, not a preset file',
    );
  });

  it('refuses a missing file', () => {
    expect(refusedFor(join(folder, 'missing.json'))).toBe('no such file');
  });

  it('refuses a name too long for the system in words, not in its code', () => {
    const path = join(folder, `${'a'.repeat(300)}.json`);
    expect(refusedFor(path)).toBe('the name is too long for this system');
  });

  it('refuses a path through a file', () => {
    expect(refusedFor(join(folder, 'a-file', 'x.json'))).toBe(
      'a part of the path is not a folder',
    );
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read', () => {
    expect(refusedFor(join(folder, 'locked.json'))).toBe('permission denied');
  });

  it('refuses a file name with control characters on one line', () => {
    const name = 'bad\nname\u001b[2J.json';
    writeFileSync(join(folder, name), '[]');
    const error = refusal(join(folder, name));
    expect(error.message).toBe(
      `${folder}/bad\\u000aname\\u001b[2J.json: must be a preset object, not a list`,
    );
  });
});

describe('resolvePreset', () => {
  it('gives a built-in lesson by name', () => {
    expect(resolvePreset('xor').name).toBe('xor');
  });

  it('refuses a name that is neither a preset nor a file', () => {
    expect(() => resolvePreset('no-such-lesson')).toThrow(
      new PresetError(
        'no-such-lesson',
        '',
        'no such preset or file (nn-tui --list shows the presets)',
      ),
    );
  });

  it('loads a path and refuses a bad one as loadPresetFile does', () => {
    expect(resolvePreset(join(GOOD, 'minimal.json')).name).toBe('minimal');
    expect(() => resolvePreset(join(BAD, 'nan.json'))).toThrow(
      'nan.json: not valid JSON at line 2, column 80: invalid symbol',
    );
  });
});

/** Every piece of text a lesson shows, with where it comes from. */
function shownText(lesson: Lesson): [string, string, boolean][] {
  const texts: [string, string, boolean][] = [
    ['name', lesson.name, false],
    ['title.en', lesson.title.en, false],
    ['notes.en', lesson.notes.en, true],
    ...lesson.network.inputs.map((name, i): [string, string, boolean] => [
      `inputs[${i}]`,
      name,
      false,
    ]),
  ];
  if (lesson.title.ja !== undefined) {
    texts.push(['title.ja', lesson.title.ja, false]);
  }
  if (lesson.notes.ja !== undefined) {
    texts.push(['notes.ja', lesson.notes.ja, true]);
  }
  lesson.network.layers.forEach((layer, l) =>
    layer.neurons.forEach((neuron, n) => {
      if (neuron.label !== undefined) {
        texts.push([`layers[${l}].neurons[${n}].label`, neuron.label, false]);
      }
    }),
  );
  return texts;
}

describe('good fixtures', () => {
  it('accepts a UTF-8 byte order mark', () => {
    const lesson = loadPresetFile(join(GOOD, 'bom.json'));
    expect(lesson).toEqual({
      name: 'bom-and',
      title: { en: 'AND with a BOM', ja: 'BOM付きAND' },
      notes: { en: 'Saved by an editor that writes a byte order mark.' },
      network: {
        inputs: ['x1', 'x2'],
        stepRule: '>',
        layers: [
          {
            activation: 'step',
            neurons: [{ label: 'y', weights: [0.5, 0.5], bias: -0.7 }],
          },
        ],
      },
      targets: [[0], [0], [0], [1]],
    });
  });

  it('names a minimal file after the file', () => {
    const lesson = loadPresetFile(join(GOOD, 'minimal.json'));
    expect(lesson).toEqual({
      name: 'minimal',
      title: { en: 'minimal' },
      notes: { en: '' },
      network: {
        inputs: ['x1', 'x2'],
        stepRule: '>',
        layers: [
          {
            activation: 'step',
            neurons: [{ weights: [0.5, 0.5], bias: -0.2 }],
          },
        ],
      },
      targets: null,
    });
  });

  it('removes invisible format characters, and keeps emoji joiners', () => {
    const preset = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../presets/and.json', import.meta.url)),
        'utf8',
      ),
    ) as { title: unknown; inputs: string[]; notes?: unknown };
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    const england =
      '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}';
    preset.title = `A\u200bN\u00adD\u2028 \u202e${family}${england}`;
    preset.inputs = ['x\u200b1', '\ufeffx2\u2060'];
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-invisible-'));
    try {
      const path = join(folder, 'invisible.json');
      writeFileSync(path, JSON.stringify(preset));
      const lesson = loadPresetFile(path);

      expect(lesson.title.en).toBe(`AND ${family}${england}`);
      expect(lesson.network.inputs).toEqual(['x1', 'x2']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('removes control characters from every text it shows', () => {
    const raw = readFileSync(join(GOOD, 'ansi-title.json'), 'utf8');
    // The fixture really holds them, escaped and raw.
    expect(raw).toContain('\\u001b[31m');
    expect(raw).toContain('\u007f');
    expect(raw).toContain('\u009b');
    const lesson = loadPresetFile(join(GOOD, 'ansi-title.json'));
    const texts = shownText(lesson);
    expect(texts.length).toBe(8);
    for (const [where, text, multiline] of texts) {
      for (const char of text) {
        const code = char.charCodeAt(0);
        const allowed = multiline && char === '\n';
        expect(
          (code < 0x20 && !allowed) || (code >= 0x7f && code <= 0x9f),
          `${where} holds U+${code.toString(16).padStart(4, '0')}`,
        ).toBe(false);
      }
    }
    // The words survive; titles are one line, notes keep their lines.
    expect(lesson.title.en).toMatch(/Red.* title second line/);
    expect(lesson.title.ja).toContain('タイトル');
    expect(lesson.notes.en).toMatch(/^First line\nSecond line\n.*bold.* end$/);
    expect(lesson.notes.ja).toBe('一行目\n二行目');
    expect(lesson.network.inputs[1]).toMatch(/^x2 ?$/);
    expect(lesson.network.layers[0]?.neurons[0]?.label).toContain('AND');
    expect(lesson.targets).toEqual([[0], [0], [0], [1]]);
  });
});

describe("the README's preset example", () => {
  const readme = readFileSync(
    fileURLToPath(new URL('../../README.md', import.meta.url)),
    'utf8',
  );
  const section = readme.slice(readme.indexOf('## Preset format'));
  const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

  it('is a preset nn-tui reads, the same network as the xor lesson', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nn-tui-readme-'));
    try {
      const path = join(folder, 'example.json');
      writeFileSync(path, example);
      const lesson = loadPresetFile(path);
      const xor = resolvePreset('xor');

      expect(lesson.network).toEqual(xor.network);
      expect(lesson.targets).toEqual(xor.targets);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('titles, notes and seeds', () => {
  const network = {
    inputs: ['x1', 'x2'],
    layers: [
      { activation: 'step', neurons: [{ weights: [0.5, 0.5], bias: -0.7 }] },
    ],
  };

  it('reads Japanese alone, shown in the English interface too', () => {
    const lesson = lessonFromData(
      'ja.json',
      { ...network, title: { ja: '日本語だけ' }, notes: { ja: '説明' } },
      'ja',
    );

    expect(lesson.title).toEqual({ en: '日本語だけ', ja: '日本語だけ' });
    expect(lesson.notes).toEqual({ en: '説明', ja: '説明' });
  });

  it('says a missing or too large seed is one', () => {
    const training = { rule: 'backprop', learningRate: 0.5 };
    expect(() =>
      lessonFromData('s.json', { ...network, training }, 's'),
    ).toThrow(
      's.json: training.seed: is missing (must be a whole number from 0 to 65535)',
    );
    expect(() =>
      lessonFromData(
        's.json',
        { ...network, training: { ...training, seed: 1e20 } },
        's',
      ),
    ).toThrow('s.json: training.seed: must be a whole number from 0 to 65535');
  });

  it('refuses an object with neither, saying what it needs', () => {
    expect(() =>
      lessonFromData('empty.json', { ...network, title: {} }, 'empty'),
    ).toThrow('empty.json: title: needs "en", "ja" or both');
  });
});
