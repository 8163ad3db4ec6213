import { readFileSync } from 'node:fs';

/** Reads a JSON file from ../shared/cases, the team's reference numbers. */
export function readCase<T = unknown>(name: string): T {
  const url = new URL(`../../shared/cases/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
