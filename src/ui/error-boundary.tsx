import { Box, Text, useApp } from 'ink';
import { Component, type ReactNode, useEffect } from 'react';
import type { Messages } from '../i18n/messages.js';

/** Props of `ErrorBoundary`. */
export interface ErrorBoundaryProps {
  messages: Messages;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches an error thrown while drawing, shows it as a sentence instead
 * of a stack trace, and ends the app with that error (exit code 1).
 */
export class ErrorBoundary extends Component<
  ErrorBoundaryProps,
  ErrorBoundaryState
> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorScreen error={error} messages={this.props.messages} />;
  }
}

/** Props of `ErrorScreen`. */
interface ErrorScreenProps {
  error: Error;
  messages: Messages;
}

/** The message of an internal error; it ends the app once shown. */
function ErrorScreen({ error, messages }: ErrorScreenProps): ReactNode {
  const { exit } = useApp();
  useEffect(() => {
    exit(error);
  }, [error, exit]);
  return (
    <Box flexDirection="column">
      <Text color="red">{messages.internalError(error.message)}</Text>
      <Text>{messages.internalErrorHint}</Text>
    </Box>
  );
}
