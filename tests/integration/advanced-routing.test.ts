/**
 * Block lists, keyword answers, business hours and two-way relay, served by the real local
 * runtime from a built project, answering signed webhooks.
 */
import { fixtures, params, RECEIVER, SENDER } from '../fixtures';
import { buildOnce, servedProject, type TempProject } from '../helpers/project';
import { startRuntime, type LocalRuntime } from '../helpers/runtime';
import { parseTwiml } from '../helpers/twiml';
import { postWebhook } from '../helpers/webhook';

const OWNER = '+15551230000';
const ALWAYS_CLOSED = '+15005550007';
const PARTNER = '+15551239999';
const HELPDESK = '+15005550008';

/** Yesterday, today and tomorrow in UTC, closed: whenever the test runs, the shop is shut. */
const aroundToday = (): string[] =>
  [-1, 0, 1].map((days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10));

const routing = {
  block: ['+1900*'],
  keywords: { HOURS: 'Open every day, {To}.' },
  numbers: {
    [RECEIVER]: { mode: 'forward', to: [OWNER, PARTNER] },
    [HELPDESK]: { mode: 'auto-reply', message: 'Thanks, we will call you back.' },
    [ALWAYS_CLOSED]: {
      mode: 'forward',
      to: [OWNER],
      hours: {
        timeZone: 'UTC',
        open: ['Daily 00:00-24:00'],
        closed: aroundToday(),
        outside: { mode: 'auto-reply', message: 'Closed, we open {opens}.' },
      },
    },
  },
};

describe('advanced routing through the local runtime', () => {
  let built: TempProject;
  let served: TempProject;
  let runtime: LocalRuntime;
  const sms = async (changes: Record<string, string>) => {
    const answer = await postWebhook(runtime.url('/sms'), params(fixtures.sms, changes));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    return parseTwiml(answer.body).messages;
  };

  beforeAll(async () => {
    built = await buildOnce();
    served = await servedProject(built, { routing });
    runtime = await startRuntime(served.dir);
  });
  afterAll(async () => {
    await runtime?.stop();
    await served?.remove();
    await built?.remove();
  });

  it('forwards an ordinary message, starting with the sender in the relay form', async () => {
    expect(await sms({})).toEqual([
      { to: OWNER, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] },
      { to: PARTNER, body: `${SENDER}: ${fixtures.sms.Body}`, media: [] },
    ]);
  });

  it("relays the owner's answer to the sender, forwarding nothing", async () => {
    expect(await sms({ From: OWNER, Body: `${SENDER}: Yes, 10 to 2` })).toEqual([
      { to: SENDER, body: 'Yes, 10 to 2', media: [] },
    ]);
  });

  it('hints the owner how to answer when the text has no number', async () => {
    const [hint, ...rest] = await sms({ From: OWNER, Body: 'Yes, 10 to 2' });
    expect(rest).toEqual([]);
    expect(hint.to).toBeUndefined();
    expect(hint.body).toMatch(/start with their number/);
  });

  // No Sync here: the relay's refusals and hint are answered every time.
  it.each([
    ['+1555', 'Not sent: +1555 is not a possible phone number.'],
    [RECEIVER, `Not sent: ${RECEIVER} is this Twilio number.`],
    [HELPDESK, `Not sent: ${HELPDESK} is another number of this service.`],
    [PARTNER, `Not sent: ${PARTNER} is a forwarding target of this number.`],
    ['+19005550123', 'Not sent: +19005550123 is on the block list.'],
  ])("refuses the owner's relay to %s, saying why, every time", async (to, reason) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await sms({ From: OWNER, Body: `${to}: hello` })).toEqual([{ body: reason, media: [] }]);
    }
  });

  it("never answers another number of this service: no auto-reply to the forwarding number's text", async () => {
    expect(await sms({ From: RECEIVER, To: HELPDESK, Body: 'hello' })).toEqual([]);
    expect(await sms({ From: SENDER, To: HELPDESK, Body: 'hello' })).toEqual([
      { body: 'Thanks, we will call you back.', media: [] },
    ]);
  });

  it('ignores a blocked sender', async () => {
    expect(await sms({ From: '+19005550100' })).toEqual([]);
  });

  it('answers a keyword instead of forwarding', async () => {
    expect(await sms({ Body: 'hours?' })).toEqual([{ body: `Open every day, ${RECEIVER}.`, media: [] }]);
  });

  it('answers outside business hours with the next opening in the zone', async () => {
    const [reply, ...rest] = await sms({ To: ALWAYS_CLOSED });
    expect(rest).toEqual([]);
    expect(reply.to).toBeUndefined();
    expect(reply.body).toMatch(/^Closed, we open (Mon|Tue|Wed|Thu|Fri|Sat|Sun) 00:00\.$/);
  });
});
