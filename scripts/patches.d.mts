export function patchPackage(source: string, path: string): string;
export const PATCHED_FILE: RegExp;
