/**
 * Sends a message's email and Slack deliveries, in parallel, each under one deadline that covers a
 * retry too; a delivery that fails or is late is a warning, and the answer stays what it was.
 */
import type { DeliverySettings } from '../config/delivery-env';
import type { Delivery } from '../routing/delivery';
import { log } from './log';
import { requestFor, type Request } from './providers';
import { networkCode } from '../twilio/errors';
import { maskEmails, redact } from './redact';

/** What one try came to: accepted, refused with a status, or no answer (a network error, the deadline). */
type Attempt =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly status: number; readonly refusal?: string }
  | { readonly kind: 'failed'; readonly code: string }
  | { readonly kind: 'late' };

export interface Sending {
  /** The inbound MessageSid, for the log. */
  readonly sid: string;
  /** The inbound text: a provider's error could quote it, and the log must not. */
  readonly body: string;
  /** How long every delivery may take, retry included. */
  readonly deadlineMs: number;
  /** Values the log never shows (src/runtime/secrets.ts). */
  readonly secrets: readonly string[];
  readonly fetch: typeof fetch;
}

const who = (delivery: Delivery): string =>
  delivery.kind === 'email' ? `email to ${maskEmails(delivery.to)}` : 'slack';

async function attempt(request: Request, signal: AbortSignal, send: typeof fetch): Promise<Attempt> {
  try {
    const response = await send(request.url, { ...request.init, signal });
    const text = await response.text();
    if (response.status === request.accepted) return { kind: 'accepted' };
    return { kind: 'refused', status: response.status, refusal: request.refusalOf(text) };
  } catch (cause) {
    return signal.aborted ? { kind: 'late' } : { kind: 'failed', code: networkCode(cause) };
  }
}

/** A server error or no answer at all may pass; a 4xx (429 included) will not, and is not retried. */
const retryable = (result: Attempt): boolean =>
  result.kind === 'failed' || (result.kind === 'refused' && result.status >= 500);

function reason(
  result: Exclude<Attempt, { kind: 'accepted' }>,
  request: Request,
  sending: Sending,
  retried: boolean,
): string {
  const again = retried ? ' (after a retry)' : '';
  switch (result.kind) {
    case 'late':
      return `${request.provider} did not answer within ${sending.deadlineMs} ms${again}`;
    case 'failed':
      return `network error ${result.code} reaching ${request.provider}${again}`;
    case 'refused': {
      // The provider's words may quote anything: no secret, number, address or piece of the text gets out.
      const words = result.refusal === undefined ? '' : redact(result.refusal, sending.body, sending.secrets);
      const code = words === '' ? '' : `, ${request.provider} error "${words}"`;
      const limited = result.status === 429 ? ' (rate limited: not retried)' : again;
      return `HTTP ${result.status}${code}${limited}`;
    }
  }
}

async function deliverOne(delivery: Delivery, settings: DeliverySettings, sending: Sending): Promise<void> {
  const request = requestFor(delivery, settings);
  if (typeof request === 'string') return log.warn(sending.sid, `${who(delivery)} not sent: ${request}`);
  const signal = AbortSignal.timeout(sending.deadlineMs);
  let result = await attempt(request, signal, sending.fetch);
  const retried = retryable(result) && !signal.aborted;
  if (retried) result = await attempt(request, signal, sending.fetch);
  if (result.kind === 'accepted') return;
  log.warn(sending.sid, `${who(delivery)} not delivered: ${reason(result, request, sending, retried)}`);
}

/** Every delivery at once; resolves when each is delivered, refused or late: it never rejects. */
export async function deliver(
  deliveries: readonly Delivery[],
  settings: DeliverySettings,
  sending: Sending,
): Promise<void> {
  if (sending.deadlineMs <= 0) {
    for (const delivery of deliveries)
      log.warn(sending.sid, `${who(delivery)} not sent: no time left before the function must answer`);
    return;
  }
  await Promise.all(
    deliveries.map((delivery) =>
      deliverOne(delivery, settings, sending).catch((cause: unknown) =>
        log.error(sending.sid, `${who(delivery)} failed`, cause, sending),
      ),
    ),
  );
}
