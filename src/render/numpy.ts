import { BOUNDARY_TOLERANCE, type ActivationName } from '../core/activation.js';
import type { Lesson } from '../core/lesson.js';
import type { Layer } from '../core/network.js';

/** Python for each activation, in the book's style. */
function activationFunction(name: ActivationName, rule: '>' | '>='): string[] {
  switch (name) {
    case 'step':
      return [
        'def step_function(x):',
        `    # 1 when the weighted sum is ${rule} 0; a sum within`,
        `    # ${BOUNDARY_TOLERANCE} of 0 counts as exactly 0`,
        `    at_zero = ${rule === '>=' ? 1 : 0}`,
        `    on_boundary = np.abs(x) <= ${BOUNDARY_TOLERANCE}`,
        '    return np.where(on_boundary, at_zero, x > 0).astype(int)',
      ];
    case 'sigmoid':
      return [
        'def sigmoid(x):',
        '    # exp(-x) is inf below x = -709, and then the result is 0.',
        "    with np.errstate(over='ignore'):",
        '        return 1 / (1 + np.exp(-x))',
      ];
    case 'tanh':
      return ['def tanh(x):', '    return np.tanh(x)'];
    case 'relu':
      return ['def relu(x):', '    return np.maximum(0, x)'];
    case 'linear':
      return ['def identity_function(x):', '    return x'];
  }
}

const FUNCTION_NAMES: Record<ActivationName, string> = {
  step: 'step_function',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  linear: 'identity_function',
};

/** A number as Python reads it back exactly. */
function pythonNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** The layer's weights in the book's form: input index by neuron index. */
function weightMatrix(layer: Layer): string {
  const inputCount = layer.neurons[0]?.weights.length ?? 0;
  const rows = Array.from(
    { length: inputCount },
    (_, i) =>
      `[${layer.neurons.map((n) => pythonNumber(n.weights[i] ?? 0)).join(', ')}]`,
  );
  return `np.array([${rows.join(', ')}])`;
}

/**
 * The network as a short Python program in the style of "Deep Learning
 * from Scratch": NumPy arrays W1, b1, ..., the activation functions, a
 * forward function, and a loop that prints the truth table as nn-tui does
 * (0/1 for step outputs, two decimals otherwise). `comments` go under
 * the heading, one a line.
 */
export function numpyProgram(
  lesson: Lesson,
  comments: readonly string[] = [],
): string {
  const { network } = lesson;
  const used = [...new Set(network.layers.map((l) => l.activation))];
  const lines = [
    `# ${lesson.name}: ${lesson.title.en.replace(/\n/g, ' ')}`,
    '# Exported by nn-tui. Run with: python3 this-file.py',
    ...comments.map((comment) => `# ${comment}`),
    'import itertools',
    '',
    'import numpy as np',
    '',
    '',
  ];
  for (const name of used) {
    lines.push(...activationFunction(name, network.stepRule), '', '');
  }
  network.layers.forEach((layer, index) => {
    lines.push(`W${index + 1} = ${weightMatrix(layer)}`);
    lines.push(
      `b${index + 1} = np.array([${layer.neurons.map((n) => pythonNumber(n.bias)).join(', ')}])`,
    );
  });
  lines.push('', '', 'def forward(x):', '    z = x');
  network.layers.forEach((layer, index) => {
    const n = index + 1;
    lines.push(`    a${n} = np.dot(z, W${n}) + b${n}`);
    lines.push(`    z = ${FUNCTION_NAMES[layer.activation]}(a${n})`);
  });
  const isBinary = network.layers.at(-1)?.activation === 'step';
  const format = isBinary ? 'str(int(v))' : 'f"{v:.2f}"';
  lines.push(
    '    return z',
    '',
    '',
    `print(${JSON.stringify(`${network.inputs.join(' ')} | y`)})`,
    `for x in itertools.product([0, 1], repeat=${network.inputs.length}):`,
    '    y = forward(np.array(x))',
    `    print(" ".join(str(v) for v in x), "|", " ".join(${format} for v in y))`,
  );
  return `${lines.join('\n')}\n`;
}
