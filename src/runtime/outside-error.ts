/**
 * An error from outside our code (the Twilio SDK, its HTTP library, Sync, the network, the runtime)
 * said in one line: its name, code, HTTP status, Twilio error code and message, and nothing else.
 * The HTTP library's errors carry the whole request (the Authorization header, the form body with
 * phone numbers) and the SDK's keep the response: printing the object would print those, so only
 * these few fields are ever read, each only when it is a plain string or number.
 */

/** Enough for any error message Twilio or Node writes; a longer one is quoting something. */
const MAX_MESSAGE = 300;

/** One property, if it is a primitive; a getter that throws counts as absent. */
function field(from: object, key: string): string | number | undefined {
  try {
    const value: unknown = Reflect.get(from, key);
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One property, if it is an object or a function. */
function nested(from: object, key: string): object | undefined {
  try {
    const value: unknown = Reflect.get(from, key);
    return (typeof value === 'object' && value !== null) || typeof value === 'function' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Its class's name, when `name` is the generic `Error` (the SDK's RestException sets none). */
function nameOf(error: object): string {
  const name = field(error, 'name');
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name;
  const prototype = nested(error, '__proto__');
  const constructor = prototype && nested(prototype, 'constructor');
  const className = constructor && field(constructor, 'name');
  return typeof className === 'string' && className !== '' && className !== 'Object' ? className : 'Error';
}

/** An HTTP status: the SDK's `status`, got's `statusCode`, or axios' `response.status`. */
function statusOf(error: object): number | undefined {
  const response = nested(error, 'response');
  for (const value of [
    field(error, 'status'),
    field(error, 'statusCode'),
    response && field(response, 'status'),
    response && field(response, 'statusCode'),
  ])
    if (typeof value === 'number') return value;
  return undefined;
}

const clip = (text: string): string => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/**
 * `AxiosError ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`,
 * `RestException (HTTP 503, Twilio error 20500): Service Unavailable`. The text may still quote
 * anything the remote end said: it is redacted before it is printed (./redact.ts).
 */
export function describeError(cause: unknown): string {
  if (typeof cause === 'string') return clip(cause);
  if (typeof cause !== 'object' || cause === null) return `a thrown ${typeof cause}`;
  // A string code is the system's or the HTTP library's (ECONNRESET); a number is Twilio's (20404).
  const code = field(cause, 'code');
  const status = statusOf(cause);
  const where = [
    ...(status === undefined ? [] : [`HTTP ${status}`]),
    ...(typeof code === 'number' ? [`Twilio error ${code}`] : []),
  ];
  const message = field(cause, 'message');
  return (
    nameOf(cause) +
    (typeof code === 'string' ? ` ${code}` : '') +
    (where.length > 0 ? ` (${where.join(', ')})` : '') +
    `: ${message === undefined || message === '' ? '(no message)' : clip(String(message))}`
  );
}
