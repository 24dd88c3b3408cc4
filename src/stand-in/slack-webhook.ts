/**
 * A stand-in of one Slack incoming webhook on 127.0.0.1, shaped as Slack documents it: `POST` JSON
 * to the webhook's URL, `200` with the body `ok`; errors as a 4xx whose body is a bare code
 * (`invalid_payload`, `no_text`, `no_service`...).
 * https://api.slack.com/messaging/webhooks#handling_errors
 * It records each accepted message and can be scripted to fail (./scripted-http.ts).
 */
import { ScriptedServer, type Answer, type Received } from './scripted-http';

/** Slack's error answer: a status and a bare code, as text. */
export const slackError = (status: number, code: string): Answer => ({
  status,
  headers: { 'Content-Type': 'text/plain' },
  body: code,
});

/** The webhook's path as Slack shapes it: /services/<team>/<bot>/<secret>. */
export const STAND_IN_WEBHOOK_PATH = '/services/T0STANDIN/B0STANDIN/standinwebhooksecret0000';

export interface SlackStandInOptions {
  readonly path?: string;
  readonly port?: number;
  /** Called with each message it accepts (npm run stand-in prints them). */
  readonly onMessage?: (payload: Record<string, unknown>) => void;
}

export interface SlackStandIn {
  readonly server: ScriptedServer;
  /** The payloads accepted, in order. */
  readonly messages: Record<string, unknown>[];
  /** What SLACK_WEBHOOK_URL is set to. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const path = options.path ?? STAND_IN_WEBHOOK_PATH;
  const messages: Record<string, unknown>[] = [];
  const handle = (request: Received): Answer => {
    if (request.path !== path) return slackError(404, 'no_service');
    if (request.method !== 'POST') return slackError(405, 'invalid_method');
    let payload: unknown;
    try {
      payload = JSON.parse(request.body);
    } catch {
      return slackError(400, 'invalid_payload');
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      return slackError(400, 'invalid_payload');
    const message = payload as Record<string, unknown>;
    if (typeof message.text !== 'string' || message.text.trim() === '') return slackError(400, 'no_text');
    messages.push(message);
    options.onMessage?.(message);
    return { status: 200, headers: { 'Content-Type': 'text/html' }, body: 'ok' };
  };
  const server = await ScriptedServer.start(handle, options.port);
  return { server, messages, url: `${server.origin}${path}`, close: () => server.close() };
}
