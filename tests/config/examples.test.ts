/** The example routing files as a newcomer first meets them: copied, then tried with `npm run sms`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSmsArgs } from '../../src/cli/sms-args';
import { loadConfig } from '../../src/config/load';
import { policyForNumber } from '../../src/config/resolve';
import { readInbound } from '../../src/routing/inbound';
import { route } from '../../src/routing/route';
import { REPO } from '../helpers/project';

/** The message `npm run sms -- Hi` sends when no option is given. */
function defaultSimulatedMessage() {
  const parsed = parseSmsArgs(['Hi'], 'http://127.0.0.1:3000/sms', { out: () => {}, err: () => {} });
  if (parsed.kind !== 'run') throw new Error('npm run sms -- Hi did not parse');
  return parsed.args.message;
}

test("examples/routing.private.json: `npm run sms -- Hi` is forwarded, not taken for a target's relay", async () => {
  const { config, problems } = loadConfig({}, readFileSync(join(REPO, 'examples', 'routing.private.json'), 'utf8'));
  expect(problems).toEqual([]);
  const sent = defaultSimulatedMessage();
  const message = readInbound({ From: sent.from, To: sent.to, Body: sent.body });
  const decision = await route(message, policyForNumber(config, message.to), new Date());
  expect(decision.messages).toEqual([{ to: '+15557654321', body: `${sent.from} (sales line): Hi`, media: [] }]);
});
