// In-process runs of the numbers command for what a child process cannot be: a terminal.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/numbers';
import type { CommandWorld, Prompter } from '../../src/cli/world';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';
import { credentialsOf, tempProject } from '../helpers/numbers-cli';

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
