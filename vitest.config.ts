import { defineConfig } from 'vitest/config';
import { INK_LOG_UPDATE, patchInkLogUpdate } from './scripts/ink-patch.mjs';

export default defineConfig({
  plugins: [
    {
      name: 'patch-ink-incremental-rendering',
      transform(source, id) {
        return INK_LOG_UPDATE.test(id) ? patchInkLogUpdate(source, id) : null;
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
