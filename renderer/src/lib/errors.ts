import { DesksideError } from '@shared/contracts';

/** A message for the agent from whatever a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof DesksideError) {
    if (error.code === 'RATE_LIMITED' && error.envelope.retryAfter)
      return `${error.message} Try again in ${error.envelope.retryAfter} s.`;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
