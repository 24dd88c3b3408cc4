/**
 * What the Functions runtime gives a handler, for running one in-process: the `Twilio` global
 * (the real helper library, as the runtime sets it), `Runtime.getAssets()` backed by real files,
 * a `context` holding the environment, and a callback that captures the answer.
 */
import type {
  AssetResourceMap,
  Context,
  ServerlessEventObject,
  ServerlessFunctionSignature,
  TwilioResponse,
} from '@twilio-labs/serverless-runtime-types/types';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import type { WebhookParams } from '../fixtures';
import { parseTwiml, type ParsedTwiml } from './twiml';

/** Twilio.Response: not used by these handlers, present because the runtime always sets it. */
class StandInResponse implements TwilioResponse {
  setStatusCode(): TwilioResponse {
    return this;
  }
  setBody(): TwilioResponse {
    return this;
  }
  appendHeader(): TwilioResponse {
    return this;
  }
  setHeaders(): TwilioResponse {
    return this;
  }
  setCookie(): TwilioResponse {
    return this;
  }
  removeCookie(): TwilioResponse {
    return this;
  }
}

/** Sets `Twilio` as the runtime does: `{ ...require('twilio'), Response }`. */
export function installTwilio(): void {
  // Object.assign, not `globalThis.Twilio =`: the runtime types describe the older twilio they
  // bundle, while the runtime (and this project) hands functions the project's own twilio 6.
  Object.assign(globalThis, { Twilio: { ...twilio, Response: StandInResponse } });
}

/** Asset name (e.g. `/routing.json`) -> file on disk, read by `open()` the way the runtime does. */
export function assetsFrom(files: Readonly<Record<string, string>>): AssetResourceMap {
  const map: AssetResourceMap = {};
  for (const [name, path] of Object.entries(files)) map[name] = { path, open: () => readFileSync(path, 'utf8') };
  return map;
}

/** Sets `Runtime` with the given `getAssets` (functions and Sync are not used here). */
export function installRuntime(getAssets: () => AssetResourceMap): void {
  globalThis.Runtime = {
    getAssets,
    getFunctions: () => ({}),
    getSync: () => {
      throw new Error('Runtime.getSync is not available in these tests');
    },
  };
}

/**
 * A routing file on disk under a fresh name. Fresh because the runtime adapter caches the parsed
 * file by its asset path (deployed assets never change under one path).
 */
export async function routingFile(content: string | object): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-switchboard-routing-'));
  const path = join(dir, 'routing.private.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The `context` a deployed function receives: the service's variables plus the runtime's own. */
export function contextWith(env: Readonly<Record<string, string>> = {}, path = '/sms'): Context {
  return {
    getTwilioClient: () => {
      throw new Error('these handlers must not call the REST API');
    },
    DOMAIN_NAME: 'switchboard-1234-dev.twil.io',
    PATH: path,
    SERVICE_SID: 'ZS0123456789abcdef0123456789abcdef',
    ENVIRONMENT_SID: 'ZE0123456789abcdef0123456789abcdef',
    ...env,
  };
}

export interface Invocation {
  readonly error: unknown;
  /** The answer as the runtime would send it (MessagingResponse#toString). */
  readonly twiml: string;
  /** How many times the handler called back: exactly once, always. */
  readonly calls: number;
}

/**
 * Runs a handler as the runtime does and returns what it called back with (now, or once its
 * work is done). Rejects if the handler throws or rejects, or answers with something the runtime
 * would not send as TwiML; a handler that never calls back leaves the test to time out.
 */
export async function invoke(
  handler: ServerlessFunctionSignature,
  params: WebhookParams,
  context: Context = contextWith(),
): Promise<Invocation> {
  const event: ServerlessEventObject = { ...params, request: { headers: {}, cookies: {} } };
  let calls = 0;
  const answered = new Promise<{ error: unknown; payload: unknown }>((resolve, reject) => {
    // A synchronous throw rejects this promise; an async one is caught below.
    const returned = handler(context, event, (error, payload) => {
      calls++;
      resolve({ error, payload });
    });
    if (returned instanceof Promise) returned.catch(reject);
  });
  const { error, payload } = await answered;
  // One more turn of the event loop, so a second callback would be counted.
  await new Promise((resolve) => setImmediate(resolve));
  // The runtime sends text/xml only for a TwiML object; a string would go out as text/html.
  if (!(payload instanceof Twilio.twiml.MessagingResponse))
    throw new Error(`the handler answered ${String(payload)}, not a MessagingResponse`);
  return { error, twiml: payload.toString(), calls };
}

/**
 * The meaning of a handler's answer, after checking what every answer must be: one callback,
 * no error (the runtime would turn it into a 500), well-formed TwiML.
 */
export async function answerOf(
  handler: ServerlessFunctionSignature,
  params: WebhookParams,
  env: Readonly<Record<string, string>> = {},
): Promise<ParsedTwiml> {
  const { error, twiml, calls } = await invoke(handler, params, contextWith(env));
  if (error !== null) throw new Error(`the handler called back with an error: ${String(error)}`);
  if (calls !== 1) throw new Error(`the handler called back ${calls} times`);
  return parseTwiml(twiml);
}
