// `npm run sms -- [--url URL] [--from N] [--to N] [--media URL ...] [--raw] "text"`:
// sends one inbound message the way Twilio does (signed webhook) and shows what would happen.
// Nothing is sent to a phone and nothing costs money.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { judgeAnswer } from '../sms/answer';
import { renderConversation } from '../sms/conversation';
import { readDeliveries } from '../sms/deliveries';
import { readSigningKey } from '../sms/credentials';
import { inboundParams, messageSid, signedRequest } from '../sms/inbound-request';
import { postWebhook, type PostResult } from '../sms/post';
import { fail } from './exit';
import { badPortMessage, readPort } from './serve';
import { parseSmsArgs, type SmsArgs } from './sms-args';

export interface SmsWorld {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultWorld = (): SmsWorld => ({
  root: process.cwd(),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});

/** `.env` as the local runtime reads it (dotenv's parser); none is fine. */
const readDotenv = (root: string): Promise<Record<string, string>> =>
  readFile(join(root, '.env'), 'utf8').then(parseDotenv, () => ({}));

async function send(args: SmsArgs, world: SmsWorld): Promise<{ url: URL; result: PostResult }> {
  const key = readSigningKey(world.env, await readDotenv(world.root));
  world.err(
    key.source === undefined
      ? 'No AUTH_TOKEN or TWILIO_AUTH_TOKEN (environment or .env): signed with a placeholder token. ' +
          'The local runtime checks no signatures; a deployed protected function would refuse it.'
      : `Signed with ${key.source}.`,
  );
  const sid = messageSid(args.message.media.length > 0, () => randomBytes(16).toString('hex'));
  const params = inboundParams(args.message, key.accountSid, sid);
  return { url: args.url, result: await postWebhook(signedRequest(args.url.href, params, key.authToken)) };
}

/** Exit codes: 0 well-formed TwiML, 1 anything else from the server (or no server), 2 bad arguments. */
export async function main(argv: readonly string[], world: SmsWorld = defaultWorld()): Promise<number> {
  const port = readPort(world.env.PORT);
  if (port === undefined) {
    world.err(badPortMessage(world.env.PORT));
    return 2;
  }
  const parsed = parseSmsArgs(argv, `http://localhost:${port}/sms`, world);
  if (parsed.kind === 'exit') return parsed.code;
  const { url, result } = await send(parsed.args, world);
  const verdict = judgeAnswer(url, result);
  if (!verdict.ok) {
    world.err(`Error: ${verdict.reason}`);
    return 1;
  }
  if (parsed.args.raw && result.kind === 'answer') world.out(result.text);
  else {
    const deliveries = readDeliveries(result.kind === 'answer' ? result.deliveries : undefined);
    for (const line of renderConversation(parsed.args.message, verdict.actions, deliveries)) world.out(line);
  }
  for (const warning of verdict.warnings) world.err(`Warning: ${warning}`);
  return 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code), fail);
