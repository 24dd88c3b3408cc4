// `npm run sms -- [--url URL] [--from N] [--to N] [--media URL ...] [--raw] "text"`:
// sends one inbound message the way Twilio does (signed webhook) and shows what would happen.
// Nothing is sent to a phone and nothing costs money.
import { randomBytes } from 'node:crypto';
import { readDotenv } from '../build/dotenv';
import { judgeAnswer } from '../simulator/answer';
import { renderConversation } from '../simulator/conversation';
import { readSigningKey } from '../simulator/credentials';
import { inboundParams, messageSid, signedRequest } from '../simulator/inbound-request';
import { readDeliveries } from '../simulator/deliveries';
import { postWebhook, type PostResult } from '../simulator/post';
import { badPortMessage, readPort } from './serve';
import { parseSmsArgs, type SmsArgs } from './sms-args';
import { EXIT, runMain } from './exit';
import { lines, processWorld, type CommandWorld } from './world';

async function send(args: SmsArgs, world: CommandWorld): Promise<{ url: URL; result: PostResult }> {
  const key = readSigningKey(world.env, await readDotenv(world.root));
  lines(world.stderr)(
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
export async function main(argv: readonly string[], world: CommandWorld = processWorld()): Promise<number> {
  const [out, err] = [lines(world.stdout), lines(world.stderr)];
  const port = readPort(world.env.PORT);
  if (port === undefined) {
    err(badPortMessage(world.env.PORT));
    return EXIT.invalidInput;
  }
  const parsed = parseSmsArgs(argv, `http://localhost:${port}/sms`, { out, err });
  if (parsed.kind === 'exit') return parsed.code;
  const { url, result } = await send(parsed.args, world);
  const verdict = judgeAnswer(url, result);
  if (!verdict.ok) {
    err(`Error: ${verdict.reason}`);
    return EXIT.failed;
  }
  if (parsed.args.raw && result.kind === 'answer') out(result.text);
  else {
    const deliveries = readDeliveries(result.kind === 'answer' ? result.deliveries : undefined);
    for (const line of renderConversation(parsed.args.message, verdict.actions, deliveries)) out(line);
  }
  for (const warning of verdict.warnings) err(`Warning: ${warning}`);
  return EXIT.ok;
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
