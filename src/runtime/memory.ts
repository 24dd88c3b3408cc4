import type { Twilio as TwilioClient, ClientOpts } from 'twilio';
import type { EnvConfig, Environment } from '../config/env';
import { MemoryStore, type Store } from '../routing/store';
import { DeadlinePassed, withDeadline } from './deadline';
import { log } from './log';
import { credentialForms } from './redact';
import { secretsIn } from './secrets';
import { SyncStore } from './sync-store';

/** What a function's context offers for Sync: the account's client, which takes the SDK's client options. */
export type SyncContext = Environment & { readonly getTwilioClient?: (options?: ClientOpts) => TwilioClient };

/** One message's memory: where to read and write, and what to do when that fails. */
export interface Memory {
  readonly store: Store;
  /** Called for each failed read or write; the message is routed without what it would have read. */
  readonly onError: (cause: unknown) => void;
}

/** A client's username or password; none for a client without them (one with an OAuth credential provider). */
// Stryker disable next-line StringLiteral: for a missing credential, any text only adds a "secret" no error quotes
const text = (value: string | undefined): string => value ?? '';

/** The credentials in play, in every form a log line could quote them. */
function secretsOf(context: SyncContext, client?: TwilioClient): string[] {
  const own = secretsIn(context);
  return client === undefined ? own : [...own, ...credentialForms(text(client.username), text(client.password))];
}

/**
 * The local runtime's memory (SWITCHBOARD_LOCAL_MEMORY=1, which `npm start` and `npm run dev` set):
 * kept in this process, shared by every request of this function, for as long as the server runs.
 * Locally the functions never touch Sync: a local server would otherwise write into the production
 * Sync service for anyone who can reach its port.
 */
const local = new MemoryStore();

/**
 * The SDK's own timeout (30 s by default) only frees a connection the deadline gave up on: a little
 * later than the deadline, so that the deadline decides, and the log says so.
 */
const SDK_GRACE_MS = 1000;

/**
 * The message's memory, where Sync is configured (SYNC_SERVICE_SID): in-process when the local
 * runtime says so (SWITCHBOARD_LOCAL_MEMORY), otherwise Twilio Sync, if the function has the
 * account's credentials (`context.getTwilioClient`); without either, none, and routing goes without.
 * All the message's Sync calls together get SYNC_TIMEOUT_MS: past it, the message is routed
 * without memory and one warning is logged.
 */
export function memoryFor(context: SyncContext, env: EnvConfig, sid: string): Memory | undefined {
  if (env.syncServiceSid === undefined) return undefined;
  // Stryker disable next-line ArrowFunction,StringLiteral: never called: the in-process store (a Map) never fails
  if (env.localMemory) return { store: local, onError: (cause) => log.error(sid, 'memory failed', cause) };
  if (context.getTwilioClient === undefined) return undefined;
  let client: TwilioClient;
  try {
    client = context.getTwilioClient({ timeout: env.syncTimeoutMs + SDK_GRACE_MS });
  } catch (cause) {
    const why = 'Twilio Sync is not available (are the account credentials enabled for this service?)';
    log.error(sid, why, cause, { secrets: secretsOf(context) });
    return undefined;
  }
  const secrets = secretsOf(context, client);
  return {
    store: withDeadline(new SyncStore(client, env.syncServiceSid), env.syncTimeoutMs),
    // Called once per message at most: the routing's memory stops asking after the first failure.
    onError: (cause) => {
      if (cause instanceof DeadlinePassed)
        log.warn(sid, `Twilio Sync did not answer within ${cause.ms} ms: routed without memory`);
      else log.error(sid, 'Twilio Sync failed; routed without memory', cause, { secrets });
    },
  };
}
