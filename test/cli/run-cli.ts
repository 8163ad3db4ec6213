import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built program, as `npm test` builds it before the tests run. */
export const CLI = fileURLToPath(
  new URL('../../dist/cli.cjs', import.meta.url),
);

/** What one run of the built program printed and returned. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `nn-tui ARGS` with piped streams (so never as a terminal). */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env },
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
