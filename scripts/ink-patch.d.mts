export function patchInk(source: string, path: string): string;
export const INK_PATCHED_FILE: RegExp;
