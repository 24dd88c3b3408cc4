// `npm run stand-in [-- --api-port 4010 --serverless-port 4011 --sendgrid-port 4012 --slack-port 4013]`:
// stand-ins of Twilio's REST API (numbers, Messaging Services) and Serverless API (deploys) on
// 127.0.0.1, with a seeded account, so deploy, numbers status, attach and restore can be tried with
// no Twilio account; and of SendGrid and a Slack webhook, which print what the functions send them.
import { InvalidArgumentError } from 'commander';
import { ServerlessApiStandIn } from '../stand-in/serverless-api';
import { seedAccount, STAND_IN_ACCOUNT, type SeededNumber } from '../stand-in/seed';
import { TwilioApiStandIn } from '../stand-in/twilio-api';
import { parseOrExitCode, program, type Output } from './parse';
import { deliveryLines, startDeliveryStandIns, type DeliveryStandIns } from './stand-in-deliveries';
import { table } from './table';
import { lines, processWorld, type CommandWorld } from './world';
import { EXIT, runMain } from './exit';

export const DEFAULT_PORTS = { api: 4010, serverless: 4011, sendgrid: 4012, slack: 4013 } as const;

type Ports = { -readonly [Name in keyof typeof DEFAULT_PORTS]: number };

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('give a port number from 1 to 65535.');
  return n;
}

function parse(argv: readonly string[], output: Output): Ports | number {
  const what =
    "Runs stand-ins of Twilio's REST and Serverless APIs on 127.0.0.1 with a seeded account, " +
    'and of SendGrid and a Slack webhook, and prints the variables that point the commands and ' +
    'the functions at them.';
  const standIn = program('npm run stand-in --', what, output)
    .option('--api-port <port>', 'port of the REST API stand-in (numbers, Messaging Services)', port, DEFAULT_PORTS.api)
    .option('--serverless-port <port>', 'port of the Serverless API stand-in (deploys)', port, DEFAULT_PORTS.serverless)
    .option('--sendgrid-port <port>', 'port of the SendGrid stand-in (email forwards)', port, DEFAULT_PORTS.sendgrid)
    .option('--slack-port <port>', 'port of the Slack webhook stand-in (Slack forwards)', port, DEFAULT_PORTS.slack)
    .addHelpText('after', '\nExit codes: 0 stopped with Ctrl-C; 2 a port is taken or a flag is wrong.');
  const code = parseOrExitCode(standIn, argv);
  if (code !== undefined) return code;
  const options = standIn.opts<{ apiPort: number; serverlessPort: number; sendgridPort: number; slackPort: number }>();
  return {
    api: options.apiPort,
    serverless: options.serverlessPort,
    sendgrid: options.sendgridPort,
    slack: options.slackPort,
  };
}

const busy = (port: number, flag: string): string =>
  `Port ${port} is already in use (another npm run stand-in?): stop what is using it, or choose another with ${flag}.`;

const isBusy = (cause: unknown): boolean =>
  typeof cause === 'object' && cause !== null && Reflect.get(cause, 'code') === 'EADDRINUSE';

export function instructions(api: string, serverless: string, numbers: readonly SeededNumber[]): string[] {
  return [
    `Twilio stand-ins on 127.0.0.1 (Ctrl-C stops them; what they hold is forgotten then):`,
    `  REST API (numbers, Messaging Services): ${api}`,
    `  Serverless API (deploys):               ${serverless}`,
    '',
    'Paste these lines into the terminal where you run the commands:',
    `export TWILIO_ACCOUNT_SID=${STAND_IN_ACCOUNT.accountSid}`,
    `export TWILIO_AUTH_TOKEN=${STAND_IN_ACCOUNT.authToken}`,
    `export TWILIO_API_BASE_URL=${api}`,
    `export TWILIO_SERVERLESS_BASE_URL=${serverless}`,
    '',
    "The stand-in account's numbers:",
    ...table(numbers.map((n) => [n.phoneNumber, n.sid, n.note])).map((line) => `  ${line}`),
    '',
    'Then try:',
    '  npm run numbers -- status',
    `  npm run deploy -- --attach ${numbers[3]?.phoneNumber ?? '+12025550103'}`,
    '  npm run numbers -- restore latest',
  ];
}

/** Exit codes: 0 stopped (Ctrl-C or SIGTERM); 2 a port is taken or a flag is wrong. */
export async function main(argv: readonly string[], world: CommandWorld = processWorld()): Promise<number> {
  const output = { out: lines(world.stdout), err: lines(world.stderr) };
  const ports = parse(argv, output);
  if (typeof ports === 'number') return ports;
  let api: TwilioApiStandIn;
  try {
    api = await TwilioApiStandIn.start({ ...STAND_IN_ACCOUNT, port: ports.api });
  } catch (cause) {
    if (!isBusy(cause)) throw cause;
    output.err(`error: ${busy(ports.api, '--api-port <port>')}`);
    return EXIT.invalidInput;
  }
  const serverless = new ServerlessApiStandIn({ accounts: [STAND_IN_ACCOUNT] });
  let serverlessUrl: string;
  try {
    serverlessUrl = await serverless.start(ports.serverless);
  } catch (cause) {
    await api.close();
    if (!isBusy(cause)) throw cause;
    output.err(`error: ${busy(ports.serverless, '--serverless-port <port>')}`);
    return EXIT.invalidInput;
  }
  let deliveries: DeliveryStandIns;
  try {
    deliveries = await startDeliveryStandIns(ports, output.out);
  } catch (cause) {
    await Promise.all([api.close(), serverless.stop()]);
    if (!isBusy(cause)) throw cause;
    const taken = Reflect.get(cause as object, 'port') === ports.slack ? 'slack' : 'sendgrid';
    output.err(`error: ${busy(ports[taken], `--${taken}-port <port>`)}`);
    return EXIT.invalidInput;
  }
  for (const line of instructions(api.url, serverlessUrl, seedAccount(api))) output.out(line);
  for (const line of deliveryLines(deliveries)) output.out(line);
  await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await Promise.all([api.close(), serverless.stop(), deliveries.close()]);
  return EXIT.ok;
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
