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

/** At most this many fields are reported, each name cut to this length: hostile input stays a short answer. */
const MAX_FIELDS = 50;
const MAX_FIELD_NAME = 120;

/**
 * Turns zod issues into `{ 'a.b': ['message'] }`, the shape forms show on their fields. Field names come from the
 * caller's input, so they are collected in a Map (a key such as `constructor` or `__proto__` is just a name).
 */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string[]> {
  const fields = new Map<string, string[]>();
  const add = (path: PropertyKey[], message: string) => {
    const key = (path.length > 0 ? path.map(String).join('.') : '(root)').slice(0, MAX_FIELD_NAME);
    const messages = fields.get(key);
    if (messages) messages.push(message);
    else if (fields.size < MAX_FIELDS) fields.set(key, [message]);
  };
  for (const issue of error.issues) {
    // An unexpected key is reported on the object; name the key itself so the agent sees which field.
    if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => add([...issue.path, key], 'Unexpected field'));
    else add(issue.path, issue.message);
  }
  return Object.fromEntries(fields);
}

export function validationEnvelope(error: z.ZodError, what = 'The request'): ErrorEnvelope {
  const fieldErrors = fieldErrorsFromZod(error);
  const names = Object.keys(fieldErrors);
  const fields = names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  return { code: 'VALIDATION', message: `${what} is invalid: ${fields}`, fieldErrors };
}
