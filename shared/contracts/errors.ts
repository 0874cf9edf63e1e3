import { z } from 'zod';

/**
 * Error codes that cross the boundary. They are what the renderer branches on; messages are for people.
 */
export const ErrorCode = z.enum([
  'VALIDATION', // the payload did not match the contract (fieldErrors names the fields)
  'UNKNOWN_CHANNEL', // no such call
  'FORBIDDEN_SENDER', // the caller is not the app's own main frame
  'UNAUTHORIZED', // the identity platform refused the credentials (401)
  'FORBIDDEN', // the credentials lack a permission (403)
  'NOT_FOUND', // 404
  'CONFLICT', // 409
  'RATE_LIMITED', // 429, with retryAfter in seconds
  'UNAVAILABLE', // the platform is unreachable or answered 5xx
  'TIMEOUT', // no answer in time
  'BAD_RESPONSE', // the platform answered something that does not match the API
  'OFFLINE', // the action needs the platform and Deskside is serving cached data
  'CANCELLED',
  'INTERNAL', // a bug on the main side; details stay in the main side's log
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z.object({
  code: ErrorCode,
  message: z.string(),
  status: z.number().int().optional(),
  retryAfter: z.number().nonnegative().optional(),
  /** Field path (dot separated) to the messages for that field. */
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** What every call answers on the wire: errors are values, never thrown strings or stack traces. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

/** An error that carries its envelope; main-side code throws it, the renderer's client rethrows it. */
export class DesksideError extends Error {
  readonly envelope: ErrorEnvelope;

  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'DesksideError';
    this.envelope = envelope;
  }

  get code(): ErrorCode {
    return this.envelope.code;
  }
}

/** Turns zod issues into `{ 'a.b': ['message'] }`, the shape forms show on their fields. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.length > 0 ? path.map(String).join('.') : '(root)';
    (fields[key] ??= []).push(message);
  };
  for (const issue of error.issues) {
    // An unexpected key is reported on the object; name the key itself so the agent sees which field.
    if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => add([...issue.path, key], 'Unexpected field'));
    else add(issue.path, issue.message);
  }
  return fields;
}

export function validationEnvelope(error: z.ZodError, what = 'The request'): ErrorEnvelope {
  const fieldErrors = fieldErrorsFromZod(error);
  const fields = Object.keys(fieldErrors).join(', ');
  return { code: 'VALIDATION', message: `${what} is invalid: ${fields}`, fieldErrors };
}
