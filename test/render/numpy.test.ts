import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/number.js';
import { truthTable } from '../../src/core/truth-table.js';
import { findLesson } from '../../src/preset/catalog.js';
import { numpyProgram } from '../../src/render/numpy.js';

/** Whether python3 with NumPy can run here, and why not when it cannot. */
function pythonWithNumpy(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], {
    encoding: 'utf8',
  });
  if (probe.error) return 'python3 is not installed';
  if (probe.status !== 0) return 'python3 has no NumPy';
  return null;
}

const missing = pythonWithNumpy();

/** nn-tui's own truth table in the form the exported program prints. */
function expectedTable(name: string): string {
  const lesson = findLesson(name);
  if (!lesson) throw new Error(`no lesson ${name}`);
  const { network } = lesson;
  const isBinary = network.layers.at(-1)?.activation === 'step';
  const rows = truthTable(network).map(
    (row) =>
      `${row.inputs.join(' ')} | ${row.outputs
        .map((v) => (isBinary ? String(v) : formatNumber(v)))
        .join(' ')}`,
  );
  return [`${network.inputs.join(' ')} | y`, ...rows].join('\n') + '\n';
}

describe('the NumPy export', () => {
  it('writes the book-style arrays, input index by neuron index', () => {
    const program = numpyProgram(findLesson('xor')!);
    expect(program).toContain('W1 = np.array([[-0.5, 0.5], [-0.5, 0.5]])');
    expect(program).toContain('b1 = np.array([0.7, -0.2])');
    expect(program).toContain('def step_function(x):');
    expect(program).not.toContain('def sigmoid');
  });

  it.skipIf(missing !== null)(
    'sigmoid far below 0 gives 0 without a warning from NumPy',
    () => {
      const and = findLesson('and')!;
      const steep = {
        ...and,
        network: {
          ...and.network,
          layers: [
            {
              activation: 'sigmoid' as const,
              neurons: [{ weights: [1000, 1000], bias: -1500 }],
            },
          ],
        },
      };
      const run = spawnSync('python3', ['-'], {
        input: numpyProgram(steep),
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('0 0 | 0.00');
      expect(run.stdout).toContain('1 1 | 1.00');
    },
  );

  for (const name of ['and', 'xor', 'three-layer', 'majority', 'not']) {
    it.skipIf(missing !== null)(
      `${name}: python3 prints nn-tui's truth table${missing ? ` (skipped: ${missing})` : ''}`,
      () => {
        const run = spawnSync('python3', ['-'], {
          input: numpyProgram(findLesson(name)!),
          encoding: 'utf8',
        });
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(expectedTable(name));
      },
    );
  }
});
