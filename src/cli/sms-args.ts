import { InvalidArgumentError, type Command } from 'commander';
import { parseOrExitCode, program, type Output } from './parse';
import type { SimulatedMessage } from '../simulator/inbound-request';
import { EXIT } from './exit';

export interface SmsArgs {
  readonly url: URL;
  readonly message: SimulatedMessage;
  readonly raw: boolean;
}

export type ParsedArgs =
  { readonly kind: 'run'; readonly args: SmsArgs } | { readonly kind: 'exit'; readonly code: number };

// Twilio's limits on what arrives: at most 10 media, a body of at most 1600 characters.
const MAX_MEDIA = 10;
const MAX_BODY = 1600;
// E.164, optionally behind a channel prefix as Twilio writes other channels (`whatsapp:+1...`).
const ADDRESS = /^(?:[a-z]+:)?\+[1-9]\d{1,14}$/;

function address(value: string): string {
  if (!ADDRESS.test(value))
    throw new InvalidArgumentError('Give a phone number in E.164 form: + and the country code, e.g. +15551230000.');
  return value;
}

function httpUrl(value: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidArgumentError(`"${value}" is not an http(s) URL.`);
  }
  return url;
}

const collectMedia = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  httpUrl(value).href,
];

function smsProgram(defaultUrl: string, output: Output): Command {
  const what =
    'Sends one message to the functions exactly as Twilio would ' +
    '(a signed webhook) and shows the answer. No SMS is sent.';
  return program('npm run sms --', what, output)
    .argument('[text...]', 'the message text (several words are joined with spaces)')
    .option('--url <url>', 'where to send it: the local server, or a deployed function', httpUrl, new URL(defaultUrl))
    .option('--from <number>', 'who texts', address, '+15551230000')
    .option('--to <number>', 'the Twilio number that receives it', address, '+15005550006')
    .option('--media <url>', 'a picture (or other media) URL; repeat for more, at most 10', collectMedia)
    .option('--raw', 'print the TwiML answer instead of the conversation');
}

interface Options {
  readonly url: URL;
  readonly from: string;
  readonly to: string;
  readonly media?: string[];
  readonly raw?: boolean;
}

/** Commander's parse, with every failure turned into exit code 2 and a message (help: 0). */
export function parseSmsArgs(argv: readonly string[], defaultUrl: string, output: Output): ParsedArgs {
  const command = smsProgram(defaultUrl, output);
  const code = parseOrExitCode(command, argv);
  if (code !== undefined) return { kind: 'exit', code };
  const options = command.opts<Options>();
  const media = options.media ?? [];
  const body = (command.args as string[]).join(' ');
  const problem =
    body === '' && media.length === 0
      ? 'Say what to send: npm run sms -- "Hello" (or --media URL for a picture).'
      : media.length > MAX_MEDIA
        ? `${media.length} --media: Twilio delivers at most ${MAX_MEDIA} per message.`
        : body.length > MAX_BODY
          ? `The text has ${body.length} characters: an incoming message has at most ${MAX_BODY}.`
          : undefined;
  if (problem !== undefined) {
    output.err(`error: ${problem}`);
    return { kind: 'exit', code: EXIT.invalidInput };
  }
  return {
    kind: 'run',
    args: { url: options.url, raw: options.raw === true, message: { from: options.from, to: options.to, body, media } },
  };
}
