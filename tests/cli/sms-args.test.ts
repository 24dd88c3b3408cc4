/**
 * `npm run sms` arguments, in-process: Twilio's limits on an incoming message, each at the limit
 * (sent) and just past it (exit 2 with why), and the addresses it takes.
 */
import { parseSmsArgs, type ParsedArgs } from '../../src/cli/sms-args';

const DEFAULT_URL = 'http://127.0.0.1:3000/sms';
const media = (count: number): string[] =>
  Array.from({ length: count }, (_, n) => ['--media', `https://x.test/${n}.png`]).flat();

function parse(argv: string[]): { parsed: ParsedArgs; errors: string[] } {
  const errors: string[] = [];
  const parsed = parseSmsArgs(argv, DEFAULT_URL, { out: () => undefined, err: (line) => errors.push(line) });
  return { parsed, errors };
}

function message(argv: string[]) {
  const { parsed, errors } = parse(argv);
  if (parsed.kind !== 'run') throw new Error(`refused: ${errors.join('\n')}`);
  return parsed.args.message;
}

test('a text of exactly 1600 characters is sent; 1601 exits 2, saying the limit', () => {
  expect(message(['a'.repeat(1600)]).body).toHaveLength(1600);
  // Several words are joined with one space: 800 + 1 + 800 = 1601.
  expect(parse(['a'.repeat(800), 'b'.repeat(800)])).toEqual({
    parsed: { kind: 'exit', code: 2 },
    errors: ['error: The text has 1601 characters: an incoming message has at most 1600.'],
  });
});

test('exactly 10 --media are sent; 11 exit 2', () => {
  expect(message(['Hi', ...media(10)]).media).toEqual(media(10).filter((_, i) => i % 2 === 1));
  expect(parse(['Hi', ...media(11)])).toEqual({
    parsed: { kind: 'exit', code: 2 },
    errors: ['error: 11 --media: Twilio delivers at most 10 per message.'],
  });
});

test('a picture alone is a message; no text and no picture exits 2', () => {
  expect(message(media(1))).toEqual({
    from: '+15551230000',
    to: '+15005550006',
    body: '',
    media: ['https://x.test/0.png'],
  });
  expect(parse([]).errors).toEqual(['error: Say what to send: npm run sms -- "Hello" (or --media URL for a picture).']);
});

test('whatsapp: senders and receivers are taken as Twilio writes them', () => {
  const whatsapp = message(['--from', 'whatsapp:+15551230000', '--to', 'whatsapp:+15005550006', 'Hi']);
  expect(whatsapp).toEqual({ from: 'whatsapp:+15551230000', to: 'whatsapp:+15005550006', body: 'Hi', media: [] });
  expect(parse(['--from', 'whatsapp:5551230000', 'Hi']).parsed).toEqual({ kind: 'exit', code: 2 });
  expect(parse(['--to', 'WhatsApp:+15005550006', 'Hi']).parsed).toEqual({ kind: 'exit', code: 2 });
});

test('--url and --raw', () => {
  const { parsed } = parse(['--url', 'https://switchboard-1234-dev.twil.io/sms', '--raw', 'Hi']);
  expect(parsed).toEqual({
    kind: 'run',
    args: {
      url: new URL('https://switchboard-1234-dev.twil.io/sms'),
      raw: true,
      message: { from: '+15551230000', to: '+15005550006', body: 'Hi', media: [] },
    },
  });
  expect(parse(['Hi']).parsed).toMatchObject({ kind: 'run', args: { url: new URL(DEFAULT_URL), raw: false } });
});
