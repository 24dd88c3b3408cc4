// In-process runs of the numbers command for what a child process cannot be: a terminal.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/numbers';
import type { CommandWorld, Prompter } from '../../src/cli/world';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { credentialsOf, tempProject } from '../helpers/numbers-cli';
import { domainOf, recordDeploy } from '../helpers/numbers-deploys';

const URL_ = 'https://switchboard-1234-dev.twil.io/sms';

function terminal(api: TwilioApiStandIn, cwd: string, answer: boolean) {
  const questions: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  const io: Partial<CommandWorld & Prompter> = {
    env: credentialsOf(api),
    root: cwd,
    stdout,
    stderr,
    stdin: Object.assign(Readable.from([]), { isTTY: true }),
    confirm: async (question) => (questions.push(question), answer),
  };
  return { io, questions, output: () => text };
}

describe('numbers attach --all on a terminal', () => {
  let api: TwilioApiStandIn;
  beforeEach(async () => {
    api = await TwilioApiStandIn.start();
    api.addNumbers(3);
  });
  afterEach(() => api.close());

  it('asks first, saying how many numbers of which account; "no" writes nothing (exit 2)', async () => {
    const t = terminal(api, await tempProject(), false);
    expect(await main(['attach', '--url', URL_, '--all'], t.io)).toBe(2);
    expect(t.questions).toEqual([`Attach ${URL_} to 3 of the 3 numbers of account ${api.accountSid}?`]);
    expect(t.output()).toContain('Cancelled: nothing was written.');
    expect(api.writes()).toBe(0);
  });

  it('"yes" proceeds; --yes does not ask; nothing to change asks nothing', async () => {
    const yes = terminal(api, await tempProject(), true);
    expect(await main(['attach', '--url', URL_, '--all'], yes.io)).toBe(0);
    expect(api.writes()).toBe(3);
    const skip = terminal(api, await tempProject(), false);
    expect(await main(['attach', '--url', 'https://other.example/sms', '--all', '--yes'], skip.io)).toBe(0);
    expect(skip.questions).toEqual([]);
    expect(api.writes()).toBe(6);
    const noop = terminal(api, await tempProject(), false);
    expect(await main(['attach', '--url', 'https://other.example/sms', '--all'], noop.io)).toBe(0);
    expect(noop.questions).toEqual([]);
  });
});

describe("this project's numbers in several environments", () => {
  let api: TwilioApiStandIn;
  afterEach(() => api.close());

  it('status and the attach plan name the environment of each, table and --json', async () => {
    api = await TwilioApiStandIn.start();
    const cwd = await tempProject();
    await recordDeploy(cwd, api.accountSid, 'dev', '2026-01-01T00:00:00.000Z');
    await recordDeploy(cwd, api.accountSid, 'production', '2026-01-02T00:00:00.000Z');
    const onDev = api.addNumber('+12025550001', { sms_url: `https://${domainOf('dev')}/sms` });
    api.addNumber('+12025550002', { sms_url: `https://${domainOf('production')}/sms` });

    const table = terminal(api, cwd, true);
    expect(await main(['status'], table.io)).toBe(0);
    const routings = table
      .output()
      .split('\n')
      .filter((line) => line.startsWith('+1'))
      .map((line) => line.split(/\s{2,}/)[2]);
    expect(routings).toEqual(['this-project /sms (dev)', 'this-project /sms (production)']);

    const json = terminal(api, cwd, true);
    expect(await main(['status', '--json'], json.io)).toBe(0);
    const rows = (JSON.parse(json.output()) as { numbers: Array<Record<string, unknown>> }).numbers;
    expect(rows.map((r) => [r.routing, r.path, r.environment])).toEqual([
      ['this-project', '/sms', 'dev'],
      ['this-project', '/sms', 'production'],
    ]);

    const production = `https://${domainOf('production')}/sms`;
    const plan = terminal(api, cwd, true);
    expect(await main(['attach', '--url', production, '--dry-run', onDev.phone_number], plan.io)).toBe(0);
    expect(plan.output()).toContain(
      `+12025550001: this-project (dev) https://${domainOf('dev')}/sms (POST) -> ` +
        `this-project (production) ${production} (POST)`,
    );
  });
  it("status says when a Messaging Service answers with this project's URL (--messaging-service url)", async () => {
    api = await TwilioApiStandIn.start();
    const cwd = await tempProject();
    await recordDeploy(cwd, api.accountSid, 'production', '2026-01-02T00:00:00.000Z');
    const inService = api.addNumber('+12025550003');
    const service = api.addService('Acme Support', false, [inService.sid], {
      inbound_request_url: `https://${domainOf('production')}/sms`,
    });

    const table = terminal(api, cwd, true);
    expect(await main(['status'], table.io)).toBe(0);
    const row = table
      .output()
      .split('\n')
      .find((line) => line.startsWith('+12025550003'));
    expect(row?.split(/\s{2,}/)[2]).toBe('messaging-service -> this-project /sms (production)');
    expect(table.output()).toContain(
      `+12025550003: Messaging Service ${service.sid} answers its messages with this project's /sms (production)`,
    );
    expect(table.output()).not.toContain('--messaging-service defer` makes');

    const json = terminal(api, cwd, true);
    expect(await main(['status', '--json'], json.io)).toBe(0);
    const [only] = (JSON.parse(json.output()) as { numbers: Array<Record<string, unknown>> }).numbers;
    expect([only?.routing, only?.overriddenBy, only?.path, only?.environment]).toEqual([
      'messaging-service',
      service.sid,
      '/sms',
      'production',
    ]);
  });
});
