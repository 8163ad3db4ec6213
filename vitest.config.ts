import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { PATCHED_FILE, patchPackage } from './scripts/patches.mjs';

/**
 * Files of Ink and its helpers, which Vite loads itself (see below), and
 * whose source maps point at files their packages leave out.
 */
const INK_FILE =
  /node_modules[\\/](ink|ink-testing-library|ink-text-input|@alcalzone[\\/]ansi-tokenize)[\\/]build[\\/].*\.js$/;

export default defineConfig({
  plugins: [
    {
      name: 'patch-packages',
      enforce: 'pre',
      load(id) {
        if (!INK_FILE.test(id) && !PATCHED_FILE.test(id)) return null;
        // Ink's source maps point at files the package leaves out: drop
        // them rather than print a warning for every file.
        const code = readFileSync(id, 'utf8').replace(
          /\/\/# sourceMappingURL=\S+\s*$/,
          '',
        );
        return {
          code: patchPackage(code, id),
          map: null,
        };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    // Ink and the packages patched with it go through Vite, so that the
    // patches above reach them.
    server: {
      deps: {
        inline: [
          'ink',
          'yoga-layout',
          'string-width',
          'wrap-ansi',
          'slice-ansi',
          '@alcalzone/ansi-tokenize',
        ],
      },
    },
  },
});
