// Bundles src/cli.tsx into the one file dist/cli.js, the `nn-tui` command.
// Production React and no devtools: this is what keeps start-up fast.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile('package.json', 'utf8'));

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    NN_TUI_VERSION: JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': './scripts/empty-module.js' },
  banner: {
    // Some bundled CommonJS modules call require(); give them one.
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __nnCreateRequire } from 'node:module';",
      'const require = __nnCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  // jsonc-parser's main file is a UMD build that esbuild cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});

await chmod('dist/cli.js', 0o755);
