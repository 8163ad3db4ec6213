// Builds the `nn-tui` command in two files:
// - dist/nn-tui.cjs, the program: src/cli.tsx and everything it uses in
//   one CommonJS file, production React and no devtools;
// - dist/cli.cjs, the command itself: src/launch.ts, which loads the
//   program with V8's code cache (src/code-cache.ts). CommonJS, because
//   Node 20 keeps compiled code only for scripts, not for ES modules.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';
import { PATCHED_FILE, patchPackage } from './patches.mjs';

const pkg = JSON.parse(await readFile('package.json', 'utf8'));

/** Applies scripts/patches.mjs as the packages go into the bundle. */
const patchPackagesPlugin = {
  name: 'patch-packages',
  setup(context) {
    context.onLoad({ filter: PATCHED_FILE }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: patchPackage(source, args.path), loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/nn-tui.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Node 20 has the regular expression flag v (string-width uses it), but
  // esbuild would turn each such literal into a `new RegExp` call, which
  // compiles at start-up what V8 otherwise compiles on first use.
  supported: { 'regexp-set-notation': true },
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    NN_TUI_VERSION: JSON.stringify(pkg.version),
    // yoga-layout reads its inline wasm through fetch() when it exists,
    // which loads Node's whole HTTP client first; without fetch it decodes
    // the same bytes directly. nn-tui itself never fetches anything.
    fetch: 'undefined',
    // Only yoga-layout reads it, to find its wasm beside itself when it is
    // not embedded; it is embedded.
    'import.meta.url': 'undefined',
  },
  alias: {
    // Used only by Ink's development tools, never in production.
    'react-devtools-core': './scripts/empty-module.js',
    ws: './scripts/empty-module.js',
  },
  plugins: [patchPackagesPlugin],
  // jsonc-parser's main file is a UMD build that esbuild cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/launch.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});

await chmod('dist/cli.cjs', 0o755);
