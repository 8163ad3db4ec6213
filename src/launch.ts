import { join } from 'node:path';
import { cacheFolder, loadProgram } from './code-cache.js';

// The `nn-tui` command (dist/cli.cjs): loads the program, dist/nn-tui.cjs,
// with the code V8 compiled for it on an earlier start (src/code-cache.ts),
// and runs it. The first start that shows the playground keeps that code
// for the next one.

/** What dist/nn-tui.cjs exports: src/cli.tsx. */
type Program = typeof import('./cli.js');

function launch(): void {
  const program = loadProgram(
    join(__dirname, 'nn-tui.cjs'),
    cacheFolder(process.env),
  );
  const { runCommand } = program.exports as Program;

  // Kept at exit rather than at once: by then V8 has compiled everything
  // the first frame needed, and the write does not delay the first key.
  const whenShown = () => process.once('exit', () => program.saveCache());
  const needsSaving =
    program.cache === 'missing' || program.cache === 'rejected';
  runCommand(needsSaving ? whenShown : undefined).catch(fail);
}

/** An error outside what the program reports itself: one line, exit 1. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`nn-tui: internal error: ${message}\n`);
  process.exitCode = 1;
}

try {
  launch();
} catch (error) {
  fail(error);
}
