import { readFileSync } from 'node:fs';

/**
 * Reads a JSON file of reference numbers: test/fixtures/reference holds an
 * unchanged copy of the team's ../shared/cases, so a clone tests alone.
 */
export function readCase<T = unknown>(name: string): T {
  const url = new URL(`./fixtures/reference/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
