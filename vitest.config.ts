import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { patchInk } from './scripts/ink-patch.mjs';

/** Files of Ink and its helpers, which Vite loads itself (see below). */
const INK_FILE =
  /node_modules[\\/](ink|ink-testing-library|ink-text-input)[\\/]build[\\/].*\.js$/;

export default defineConfig({
  plugins: [
    {
      name: 'patch-ink',
      enforce: 'pre',
      load(id) {
        if (!INK_FILE.test(id)) return null;
        // Their source maps point at files the packages leave out: drop
        // them rather than print a warning for every file.
        const code = readFileSync(id, 'utf8').replace(
          /\/\/# sourceMappingURL=\S+\s*$/,
          '',
        );
        return {
          code: patchInk(code, id),
          map: null,
        };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    // Ink goes through Vite, so that the patch above reaches it.
    server: { deps: { inline: ['ink'] } },
  },
});
