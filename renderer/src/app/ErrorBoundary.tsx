import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';

interface Props {
  children: ReactNode;
  /** What failed, for the message: "the account view", "Deskside". */
  area: string;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render error in its subtree and shows it in words with a way out, instead of a blank window.
 * "Try again" re-renders the subtree; "Reload" starts the renderer afresh.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Deskside: ${this.props.area} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box role="alert" sx={{ p: 3 }}>
        <Alert severity="error">
          <AlertTitle>Something went wrong in {this.props.area}</AlertTitle>
          {error.message || 'An unexpected error occurred.'}
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button variant="contained" color="error" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
            <Button onClick={() => window.location.reload()}>Reload</Button>
          </Stack>
        </Alert>
      </Box>
    );
  }
}
