export function patchInkLogUpdate(source: string, path: string): string;
export const INK_LOG_UPDATE: RegExp;
