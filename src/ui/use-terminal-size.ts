import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The size of the terminal in columns and rows. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * The terminal's size, following every resize. `fixed` replaces it (tests
 * draw into a stream that has no size).
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => sizeOf(stdout));

  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  return fixed ?? size;
}

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}
