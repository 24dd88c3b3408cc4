// The service's Function logs, through @twilio-labs/serverless-api's log calls as `twilio-run logs` reads them.
import type { Readable } from 'node:stream';
import { api as calls, type LogApiResource, type TwilioServerlessApiClient } from '@twilio-labs/serverless-api';

/** Function SID -> its path (`/sms`): deployed functions are named by their path. */
export async function functionPaths(api: TwilioServerlessApiClient, serviceSid: string): Promise<Map<string, string>> {
  const functions = await calls.listFunctionResources(serviceSid, api);
  return new Map(functions.map((fn) => [fn.sid, fn.friendly_name]));
}

/** One log line: time, level, function, message. */
export function formatLog(log: LogApiResource, paths: ReadonlyMap<string, string>): string {
  const fn = paths.get(log.function_sid) ?? log.function_sid;
  return `${log.date_created}  ${log.level.toUpperCase().padEnd(5)}  ${fn}  ${log.message}`;
}

export interface LogsRequest {
  readonly serviceSid: string;
  readonly environmentSid: string;
  /** Keep polling for new lines until the stream is destroyed. */
  readonly tail: boolean;
  /** Only this function's lines: its SID (paths are mapped by the caller). */
  readonly functionSid?: string;
}

/**
 * The recent lines (one page, oldest first), and with `tail` every new one after them, polled
 * once a second as twilio-run does.
 */
export async function openLogs(api: TwilioServerlessApiClient, request: LogsRequest): Promise<Readable> {
  return api.getLogsStream({
    serviceSid: request.serviceSid,
    environment: request.environmentSid,
    tail: request.tail,
    limit: 50,
    ...(request.functionSid === undefined ? {} : { filterByFunction: request.functionSid }),
  });
}

/**
 * Hands each line of `stream` to `each` until the stream ends (the recent lines read) or `stop`
 * settles (Ctrl-C during --tail); resolves with how many there were, rejects with the stream's error.
 * Events, not `for await`: the Toolkit's LogsStream overrides `_destroy` without calling its callback,
 * so an iterator waiting for the stream to close never returns, and the command would end only when
 * the event loop runs dry, with whatever exit code was set by then.
 */
export function eachLog(
  stream: Readable,
  each: (log: LogApiResource) => void,
  stop: Promise<unknown>,
): Promise<number> {
  let count = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (log: LogApiResource) => {
      count += 1;
      each(log);
    });
    stream.once('end', () => resolve(count));
    stream.once('error', reject);
    void stop.then(() => {
      stream.destroy();
      resolve(count);
    });
  });
}
