// The package as users get it: packed with `npm pack`, installed from the
// tarball into an empty folder without the network, and run with npx.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
) as { name: string; version: string };

/** npm with no CI or project settings leaking in from the test run. */
function npmEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(name)) environment[name] = value;
  }
  return { ...environment, NO_UPDATE_NOTIFIER: '1' };
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: npmEnvironment(),
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let folder = '';
let packed: PackResult;
let installed = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nn-tui-pack-'));

  // dist/ is built before the tests run (npm test builds first), so
  // the pack skips the prepare script: rebuilding dist here would rewrite
  // the file other tests are running.
  const pack = run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', folder],
    ROOT,
  );
  expect(pack.stderr).not.toMatch(/ERR!/);
  expect(pack.code).toBe(0);
  const results = JSON.parse(pack.stdout) as PackResult[];
  expect(results).toHaveLength(1);
  packed = results[0]!;

  // An empty project of a user's, with the tarball installed and no
  // network: the package needs nothing else.
  installed = join(folder, 'user-project');
  mkdirSync(installed);
  writeFileSync(
    join(installed, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true }),
  );
  const install = run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--offline',
      '--ignore-scripts',
      join(folder, packed.filename),
    ],
    installed,
  );
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('is named after the package and its version', () => {
    expect(packed.filename).toBe(`${PACKAGE.name}-${PACKAGE.version}.tgz`);
    expect(readdirSync(folder)).toContain(packed.filename);
  });

  it('holds only the command, the program, the presets, README, LICENSE and package.json', () => {
    const paths = packed.files.map((file) => file.path).sort();
    const unexpected = paths.filter(
      (path) =>
        ![
          'dist/cli.cjs',
          'dist/nn-tui.cjs',
          'README.md',
          'LICENSE',
          'package.json',
        ].includes(path) && !/^presets\/[a-z0-9-]+\.json$/.test(path),
    );

    expect(unexpected).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/cli.cjs',
        'dist/nn-tui.cjs',
        'README.md',
        'LICENSE',
        'package.json',
        'presets/and.json',
        'presets/xor.json',
      ]),
    );
    expect(paths.filter((path) => path.startsWith('presets/'))).toHaveLength(
      15,
    );
  });
});

describe('installed from the tarball', () => {
  it('has no dependencies to fetch: only nn-tui is in node_modules', () => {
    const modules = readdirSync(join(installed, 'node_modules')).filter(
      (name) => !name.startsWith('.'),
    );

    expect(modules).toEqual(['nn-tui']);
  });

  it('prints the XOR lesson with `npx --no-install nn-tui --print xor`', () => {
    const result = run(
      'npx',
      ['--no-install', 'nn-tui', '--print', 'xor'],
      installed,
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^xor \(7\/15\): XOR from NAND, OR and AND$/m,
    );
    expect(result.stdout).toContain('Truth table  4/4 right');
    expect(result.stdout).toMatch(/^ 0 {2}0 \| +1 +0 \| 0 \|/m);
    expect(result.stdout).toMatch(/^ +\+-{33}$/m);
  });

  it('lists the 15 lessons in order with `npx --no-install nn-tui --list`', () => {
    const result = run('npx', ['--no-install', 'nn-tui', '--list'], installed);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toMatch(/^ 1 {2}and +AND gate$/);
    expect(lines[6]).toMatch(/^ 7 {2}xor +XOR from NAND, OR and AND$/);
    expect(lines[14]).toMatch(/^15 {2}blank +Your own network$/);
  });

  it('reports the packed version with --version', () => {
    const result = run(
      'npx',
      ['--no-install', 'nn-tui', '--version'],
      installed,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`nn-tui ${PACKAGE.version}\n`);
  });
});
