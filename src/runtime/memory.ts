import type { Twilio as TwilioClient, ClientOpts } from 'twilio';
import type { EnvConfig, Environment } from '../config/env';
import type { Store } from '../routing/store';
import { log } from './log';
import { credentialForms } from './redact';
import { SyncStore } from './sync-store';

/** What a function's context offers for Sync: the account's client, with options (runtime-handler 1.2+). */
export type SyncContext = Environment & { readonly getTwilioClient?: (options?: ClientOpts) => TwilioClient };

/** One message's memory: where to read and write, and what to do when that fails. */
export interface Memory {
  readonly store: Store;
  /** Called for each failed read or write; the message is routed without what it would have read. */
  readonly onError: (cause: unknown) => void;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The credentials in play, in every form a log line could quote them. */
function secretsOf(context: SyncContext, client?: TwilioClient): string[] {
  return [
    ...credentialForms(text(context.ACCOUNT_SID), text(context.AUTH_TOKEN)),
    ...(client === undefined ? [] : credentialForms(text(client.username), text(client.password))),
  ];
}

/**
 * Twilio Sync as the message's memory, when SYNC_SERVICE_SID is set and the function has the
 * account's credentials (`context.getTwilioClient`); otherwise none, and routing goes without.
 */
export function memoryFor(context: SyncContext, env: EnvConfig, sid: string): Memory | undefined {
  if (env.syncServiceSid === undefined || context.getTwilioClient === undefined) return undefined;
  let client: TwilioClient;
  try {
    client = context.getTwilioClient();
  } catch (cause) {
    const why = 'Twilio Sync is not available (are the account credentials enabled for this service?)';
    log.error(sid, why, cause, '', secretsOf(context));
    return undefined;
  }
  const secrets = secretsOf(context, client);
  return {
    store: new SyncStore(client, env.syncServiceSid),
    onError: (cause) => log.error(sid, 'Twilio Sync failed; routed without memory', cause, '', secrets),
  };
}
