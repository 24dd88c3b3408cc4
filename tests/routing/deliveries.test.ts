/**
 * Forwarding to email and Slack beside phones (issue 15): the core decides the TwiML for the phones
 * and writes each delivery whole (subject, plain text, HTML with every inbound value escaped, the
 * Slack payload). Relay stays phone-only.
 */
import { XMLParser } from 'fast-xml-parser';
import { decide, type Decision } from '../../src/routing/decide';
import { MAX_DELIVERED_TEXT, type EmailDelivery, type Facts, type SlackDelivery } from '../../src/routing/delivery';
import { emailTo } from '../../src/routing/email-content';
import { readInbound } from '../../src/routing/inbound';
import type { Policy } from '../../src/routing/policy';
import { route } from '../../src/routing/route';
import type { Rule } from '../../src/routing/rule';
import { MemoryStore } from '../../src/routing/store';
import { fixtures, params, RECEIVER, SENDER, type WebhookParams } from '../fixtures';

const PHONE = '+15551230001';
const OWNER = 'owner@example.com';
const NOW = new Date('2026-11-26T17:05:09.123Z');
const RECEIVED = '2026-11-26 17:05:09 UTC';
const PICTURES = [fixtures.mms.MediaUrl0, fixtures.mms.MediaUrl1];

const forwardTo = (to: readonly string[], template = '{From}: {Body}'): Rule => ({ mode: 'forward', to, template });
const decideFor = (webhook: WebhookParams, to: readonly string[]): Decision =>
  decide(readInbound(webhook), forwardTo(to), NOW);

function emailsOf(decision: Decision): EmailDelivery[] {
  return (decision.deliveries ?? []).filter((d): d is EmailDelivery => d.kind === 'email');
}
function slackOf(decision: Decision): SlackDelivery[] {
  return (decision.deliveries ?? []).filter((d): d is SlackDelivery => d.kind === 'slack');
}

/** The HTML part as a browser would take it: element texts and link targets, entities decoded. */
function readHtml(html: string): { texts: string[]; links: string[] } {
  const texts: string[] = [];
  const links: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '#text') texts.push(String(value));
      else if (key === ':@') {
        const href = (value as Record<string, string>)['@href'];
        if (href !== undefined) links.push(href);
      } else walk(value);
    }
  };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: true,
    unpairedTags: ['br'],
    parseTagValue: false,
    trimValues: false,
  });
  walk(parser.parse(html.replace(/^<!DOCTYPE html>\n/, '')));
  return { texts, links };
}

describe('one entry, phones, email addresses and Slack', () => {
  const decision = decideFor(params(fixtures.mms), [PHONE, OWNER, 'slack', 'second@example.org']);

  test('the phone gets the TwiML message with both pictures; the others are deliveries, not TwiML', () => {
    expect(decision.messages).toEqual([{ to: PHONE, body: `${SENDER}: ${fixtures.mms.Body}`, media: PICTURES }]);
    expect(decision.deliveries?.map((d) => (d.kind === 'email' ? d.to : d.kind))).toEqual([
      OWNER,
      'second@example.org',
      'slack',
    ]);
  });

  test('only phones become conversation partners: an email address or Slack cannot relay', () => {
    expect(decision.remember).toEqual({ forwardedTo: [PHONE] });
  });

  test('the email: MMS subject with both numbers in E.164, the text, the time, each picture', () => {
    const [email] = emailsOf(decision);
    expect(email.subject).toBe(`MMS from ${SENDER} to ${RECEIVER}`);
    expect(email.text).toBe(
      [
        `MMS from ${SENDER} to ${RECEIVER}`,
        `Received: ${RECEIVED}`,
        '',
        fixtures.mms.Body,
        '',
        'Pictures:',
        ...PICTURES,
        '',
      ].join('\n'),
    );
    const html = readHtml(email.html);
    expect(html.texts).toEqual(
      expect.arrayContaining([`MMS from ${SENDER} to ${RECEIVER}`, `Received: ${RECEIVED}`, fixtures.mms.Body]),
    );
    expect(html.links).toEqual(PICTURES);
  });

  test('Slack: one message with the same facts, the pictures as links on their own lines', () => {
    const [slack] = slackOf(decision);
    expect(slack.payload).toEqual({
      text: [`*MMS from ${SENDER} to ${RECEIVER}* (${RECEIVED})`, fixtures.mms.Body, 'Pictures:', ...PICTURES].join(
        '\n',
      ),
    });
  });

  test('an SMS is an SMS: no pictures section', () => {
    const sms = decideFor(params(fixtures.sms), [OWNER, 'slack']);
    const [email] = emailsOf(sms);
    expect(email.subject).toBe(`SMS from ${SENDER} to ${RECEIVER}`);
    expect(email.text).not.toContain('Pictures');
    expect(slackOf(sms)[0].payload.text).toBe(
      `*SMS from ${SENDER} to ${RECEIVER}* (${RECEIVED})\n${fixtures.sms.Body}`,
    );
    expect(sms.messages).toEqual([]);
  });
});

describe('the email, whole: every part in its order, the HTML as sent', () => {
  const facts: Facts = {
    title: 'MMS from +15551230000 to +15005550006',
    received: RECEIVED,
    keyword: 'The sender opted back in (START).',
    text: 'Line one\nline <two>',
    cut: '[cut: the message has 20001 characters; the first 20000 are shown]',
    pictures: ['https://example.com/a.jpg', 'https://example.com/b?x=1&y=2'],
  };

  test('with a keyword note, a cut and pictures', () => {
    const email = emailTo(OWNER, facts);
    expect(email).toEqual({
      kind: 'email',
      to: OWNER,
      subject: facts.title,
      text: [
        'MMS from +15551230000 to +15005550006',
        `Received: ${RECEIVED}`,
        'The sender opted back in (START).',
        '',
        'Line one\nline <two>',
        '',
        '[cut: the message has 20001 characters; the first 20000 are shown]',
        '',
        'Pictures:',
        'https://example.com/a.jpg',
        'https://example.com/b?x=1&y=2',
        '',
      ].join('\n'),
      html: [
        '<!DOCTYPE html>',
        '<html><body>',
        `<p><strong>MMS from +15551230000 to +15005550006</strong><br>Received: ${RECEIVED}</p>`,
        '<p>The sender opted back in (START).</p>',
        '<p style="white-space: pre-wrap">Line one\nline &lt;two&gt;</p>',
        '<p>[cut: the message has 20001 characters; the first 20000 are shown]</p>',
        '<p>Pictures:</p>',
        '<ol>',
        '<li><a href="https://example.com/a.jpg">https://example.com/a.jpg</a></li>',
        '<li><a href="https://example.com/b?x=1&amp;y=2">https://example.com/b?x=1&amp;y=2</a></li>',
        '</ol>',
        '</body></html>',
        '',
      ].join('\n'),
    });
  });

  test('without text, note, cut or pictures: only the title, the time and "(no text)"', () => {
    const email = emailTo(OWNER, {
      title: 'SMS from +15551230000 to +15005550006',
      received: RECEIVED,
      text: '',
      pictures: [],
    });
    expect(email.text).toBe(
      ['SMS from +15551230000 to +15005550006', `Received: ${RECEIVED}`, '', '(no text)', ''].join('\n'),
    );
    expect(email.html).toBe(
      [
        '<!DOCTYPE html>',
        '<html><body>',
        `<p><strong>SMS from +15551230000 to +15005550006</strong><br>Received: ${RECEIVED}</p>`,
        '<p><em>(no text)</em></p>',
        '</body></html>',
        '',
      ].join('\n'),
    );
  });
});

describe('what the message says reaches email and Slack as written, and only as text', () => {
  const HOSTILE = `<script>alert("x")</script> & <b>bold</b> <!channel> <https://evil.example|bank> 'q'`;

  test('HTML in the body is escaped in the HTML part, and reads back exactly', () => {
    const [email] = emailsOf(decideFor(params(fixtures.sms, { Body: HOSTILE }), [OWNER]));
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>bold');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(readHtml(email.html).texts).toContain(HOSTILE);
    // The plain-text part carries it untouched: it is text.
    expect(email.text).toContain(HOSTILE);
  });

  test('a picture URL with quotes cannot break out of its link', () => {
    const url = 'https://example.com/a.jpg?x="><script>1</script>&y=1';
    const [email] = emailsOf(decideFor(params(fixtures.sms, { MediaUrl0: url, NumMedia: '1' }), [OWNER]));
    expect(email.html).not.toContain('"><script>');
    expect(readHtml(email.html).links).toEqual([url]);
  });

  test('Slack: <, > and & are escaped, so no mention, no disguised link', () => {
    const text = slackOf(decideFor(params(fixtures.sms, { Body: HOSTILE }), ['slack']))[0].payload.text;
    expect(text).not.toMatch(/<!channel>|<https:/);
    expect(text).toContain('&lt;!channel&gt; &lt;https://evil.example|bank&gt;');
  });

  test('a number in a webhook with a line break cannot add lines to the subject', () => {
    // No colon: the sender's channel prefix (`whatsapp:`) is cut at one, which would cut the line break too.
    const From = '+12125550143\r\n\tBcc x@example.com';
    const [email] = emailsOf(decideFor(params(fixtures.sms, { From }), [OWNER]));
    expect(email.subject).toBe(`SMS from +12125550143 Bcc x@example.com to ${RECEIVER}`);
  });

  test('the text is not cut at 1600 (that is SMS); at 20,000 it is whole, past it cut with a note', () => {
    const at = (length: number) =>
      emailsOf(decideFor(params(fixtures.sms, { Body: 'x'.repeat(length) }), [OWNER, 'slack']));
    expect(at(1601)[0].text).toContain('x'.repeat(1601));
    const full = at(MAX_DELIVERED_TEXT)[0].text;
    expect(full).toContain('x'.repeat(MAX_DELIVERED_TEXT));
    expect(full).not.toContain('[cut');
    const cut = at(MAX_DELIVERED_TEXT + 1)[0].text;
    expect(cut).not.toContain('x'.repeat(MAX_DELIVERED_TEXT + 1));
    expect(cut).toContain(
      `${'x'.repeat(MAX_DELIVERED_TEXT)}\n\n[cut: the message has 20001 characters; the first 20000`,
    );
    const slack = slackOf(decideFor(params(fixtures.sms, { Body: 'y'.repeat(MAX_DELIVERED_TEXT + 1) }), ['slack']));
    expect(slack[0].payload.text).toContain(`${'y'.repeat(MAX_DELIVERED_TEXT)}\n[cut: the message has 20001`);
  });

  test('a picture-only MMS says it has no text', () => {
    const decision = decideFor(params(fixtures.mms, { Body: '' }), [OWNER, 'slack']);
    expect(emailsOf(decision)[0].text).toContain('\n(no text)\n');
    expect(slackOf(decision)[0].payload.text).toContain('_(no text)_');
  });
});

describe('opt-out and other keyword messages', () => {
  test('STOP is forwarded to email and Slack, saying the sender opted out; phones get it as before', () => {
    const decision = decideFor(params(fixtures.optOut), [PHONE, OWNER, 'slack']);
    expect(decision.messages).toEqual([{ to: PHONE, body: `${SENDER}: Stop`, media: [] }]);
    expect(emailsOf(decision)[0].text).toContain('The sender opted out (STOP)');
    expect(slackOf(decision)[0].payload.text).toContain('_The sender opted out (STOP)');
  });

  test.each([
    ['START', {}, 'opted back in (START)'],
    ['help', {}, 'asked for help (HELP)'],
    ['Unsubscribe', {}, 'opted out (STOP)'],
    [' stop\n', {}, 'opted out (STOP)'],
    ['anything', { OptOutType: 'STOP' }, 'opted out (STOP)'],
  ])('%j (%j): the owner is told what it means', (Body, extra, note) => {
    const [email] = emailsOf(decideFor(params(fixtures.sms, { Body, ...extra }), [OWNER]));
    expect(email.text).toContain(note);
  });

  test('control: an ordinary message carries no keyword note', () => {
    expect(emailsOf(decideFor(params(fixtures.sms, { Body: 'Stop by at 5?' }), [OWNER]))[0].text).not.toContain(
      'opted',
    );
  });
});

describe('edges', () => {
  test('email and Slack only: nothing in TwiML, the deliveries still go', () => {
    const decision = decideFor(params(fixtures.sms), [OWNER]);
    expect(decision.messages).toEqual([]);
    expect(decision.deliveries).toHaveLength(1);
    expect(decision.note).toBeUndefined();
  });

  test('Slack twice is one Slack message; the same address twice is one email', () => {
    const decision = decideFor(params(fixtures.sms), ['slack', OWNER, 'slack', OWNER]);
    expect(decision.deliveries?.map((d) => d.kind)).toEqual(['email', 'slack']);
  });

  test('a message from the receiving number itself is forwarded nowhere', () => {
    expect(decideFor(params(fixtures.sms, { From: RECEIVER }), [OWNER, 'slack'])).toEqual({
      messages: [],
      note: 'sender is the receiving number: forwarding would loop',
    });
  });

  test('phones only: no deliveries at all (the answer needs nothing more)', () => {
    expect(decideFor(params(fixtures.sms), [PHONE]).deliveries).toBeUndefined();
  });

  test('a WhatsApp message: numbers bare in the subject, the channel named after the sender', () => {
    const [email] = emailsOf(decideFor(params(fixtures.whatsapp), [OWNER]));
    const from = fixtures.whatsapp.From.replace('whatsapp:', '');
    expect(email.subject).toBe(`SMS from ${from} (whatsapp) to ${fixtures.whatsapp.To.replace('whatsapp:', '')}`);
  });
});

describe('relay stays phone-only', () => {
  const policy: Policy = {
    block: [],
    allow: [],
    keywords: new Map(),
    rule: forwardTo([PHONE, OWNER, 'slack']),
    ownNumbers: new Set([RECEIVER]),
  };

  test('a webhook claiming to come from "slack" or the address is a stranger, forwarded, never relayed', async () => {
    for (const From of ['slack', OWNER]) {
      const decision = await route(
        readInbound(params(fixtures.sms, { From, Body: `${SENDER}: hi` })),
        policy,
        NOW,
        new MemoryStore(),
      );
      expect(decision.messages.map((m) => m.to)).toEqual([PHONE]);
      expect(decision.deliveries?.length).toBe(2);
    }
  });

  test('control: the phone target relays', async () => {
    const decision = await route(
      readInbound(params(fixtures.sms, { From: PHONE, Body: `${SENDER}: hi` })),
      policy,
      NOW,
      new MemoryStore(),
    );
    expect(decision.messages).toEqual([{ to: SENDER, body: 'hi', media: [] }]);
    expect(decision.deliveries).toBeUndefined();
  });
});
