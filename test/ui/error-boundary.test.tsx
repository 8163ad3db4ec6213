import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ErrorBoundary } from '../../src/ui/error-boundary.js';

/** A panel whose drawing fails, as a bug in a renderer would. */
function Broken(): never {
  throw new Error('the grid has no rows');
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a crash while drawing', () => {
  it('shows a readable sentence, not a stack trace, and ends the app', async () => {
    const original = console.error;
    // React reports a caught error on the console; keep the test output clean.
    console.error = () => {};
    try {
      const { frames, unmount } = render(
        <ErrorBoundary messages={en}>
          <Broken />
        </ErrorBoundary>,
      );
      await sleep(50);
      // Every frame drawn: the app ends itself once the message is shown.
      const frame = frames.join('\n');
      expect(frame).toContain(en.internalError('the grid has no rows'));
      expect(frame).toContain(en.internalErrorHint);
      expect(frame).not.toMatch(/\n\s+at /);
      unmount();
    } finally {
      console.error = original;
    }
  });
});
