// `npm run deploy` refusing what it was given: exit 2 and nothing sent to Twilio. Run in-process
// through main() (the child-process runs are in deploy.test.ts): same code, no process start-up.
import { Writable } from 'node:stream';
import { main } from '../../src/cli/deploy';
import { ServerlessApiStandIn, sid } from '../../src/stand-in/serverless-api';
import type { TempProject } from '../helpers/project';
import { deployProject } from './deploy-project';

const AC = `AC${'e'.repeat(32)}`;
const TOKEN = 'input-token-2b8e';

let fake: ServerlessApiStandIn;
let origin: string;
let project: TempProject | undefined;
beforeAll(async () => {
  fake = new ServerlessApiStandIn({ accounts: [{ accountSid: AC, authToken: TOKEN }] });
  origin = await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => fake.requests.splice(0));
afterEach(() => project?.remove());

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write: (chunk: Buffer | string, _encoding, done) => {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function deployIn(dir: string, args: string[], env: Record<string, string>) {
  const [stdout, stderr] = [capture(), capture()];
  const code = await main(args, {
    root: dir,
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
    now: () => new Date(),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('npm run deploy: invalid input exits 2 and sends nothing', () => {
  it.each([
    ['an invalid .env value', { env: { FORWARD_TO: '12345' } }, /FORWARD_TO/],
    ['a runtime that no longer deploys', { rc: '{ "runtime": "node18" }' }, /"runtime": "node22"/],
    ['a service name that cannot be a domain', { rc: '{ serviceName: "my service" }' }, /serviceName/],
    ['an rc that does not parse', { rc: '{ "runtime": ' }, /\.twilioserverlessrc: cannot be parsed/],
    ['an environment that cannot be a domain suffix', { args: ['--environment', 'no/slash'] }, /--environment/],
    ['an unknown flag', { args: ['--prod'] }, /unknown option/],
    ['an argument where none is taken', { args: ['dev'] }, /too many arguments|unknown command|excess/i],
    ['a malformed --service-sid', { args: ['--service-sid', 'ZS123'] }, /not a service SID/],
    ['--function without --attach', { args: ['--function', '/forward'] }, /--attach/],
    ['--country without --attach', { args: ['--country', 'GB'] }, /--country goes with --attach/],
    [
      '--messaging-service without --attach',
      { args: ['--messaging-service', 'defer'] },
      /--messaging-service goes with --attach/,
    ],
    [
      'an unknown --messaging-service',
      { args: ['--attach', '+15005550006', '--messaging-service', 'always'] },
      /always/,
    ],
    [
      '--fallback-url without --attach',
      { args: ['--fallback-url', 'https://example.com/f'] },
      /--fallback-url goes with --attach/,
    ],
    [
      '--attach to a function that is not built',
      { args: ['--attach', '+15005550006', '--function', '/nope'] },
      /\/nope is not one of the functions/,
    ],
    ['a base URL with a path', { base: 'http://127.0.0.1:1/v1' }, /TWILIO_SERVERLESS_BASE_URL/],
    // Only Twilio can say a SID does not exist: read calls, still no write.
    [
      'a --service-sid that does not exist',
      { args: ['--service-sid', sid('ZS')], reads: true },
      /does not exist in this account/,
    ],
  ])(
    '%s',
    async (
      _name,
      setup: { env?: Record<string, string>; rc?: string; args?: string[]; base?: string; reads?: boolean },
      message,
    ) => {
      project = await deployProject({ AUTO_REPLY_MESSAGE: 'Hi', ...setup.env }, setup.rc);
      const env = {
        TWILIO_ACCOUNT_SID: AC,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_SERVERLESS_BASE_URL: setup.base ?? origin,
      };
      const run = await deployIn(project.dir, setup.args ?? [], env);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(2);
      expect(fake.writes()).toEqual([]);
      if (setup.reads !== true) expect(fake.requests).toEqual([]);
    },
  );
});
