import { classify, classifyUrl, describe as describeRouting } from '../../src/numbers/classify';
import { redactUrl } from '../../src/redact/url';
import type { SmsRouting } from '../../src/numbers/types';

const APP = `AP${'1'.repeat(32)}`;
const SERVICE = {
  sid: `MG${'2'.repeat(32)}`,
  inboundRequestUrl: 'https://hook:pw@example.com/inbound',
  inboundMethod: 'POST',
  fallbackUrl: '',
  fallbackMethod: 'POST',
  useInboundWebhookOnNumber: false,
};
const routing = (fields: Partial<SmsRouting>): SmsRouting => ({
  smsUrl: '',
  smsMethod: 'POST',
  smsFallbackUrl: '',
  smsFallbackMethod: 'POST',
  smsApplicationSid: '',
  ...fields,
});

describe('classifyUrl', () => {
  it.each([
    ['', 'none'],
    ['https://demo.twilio.com/welcome/sms/reply', 'demo-reply'],
    ['https://demo.twilio.com/welcome/sms/reply/', 'demo-reply'],
    [`https://handler.twilio.com/twiml/EH${'a'.repeat(32)}`, 'twiml-bin'],
    [`https://webhooks.twilio.com/v1/Accounts/AC${'b'.repeat(32)}/Flows/FW${'c'.repeat(32)}`, 'studio-flow'],
    ['https://other-service-1234-dev.twil.io/sms', 'function'],
    ['https://example.com/sms', 'webhook'],
    ['https://handler.twilio.com/elsewhere', 'webhook'],
    ['not a url', 'webhook'],
    ['http://demo.twilio.com/welcome/sms/reply', 'demo-reply'],
    ['https://demo.twilio.com/welcome/sms/reply/more', 'webhook'],
    ['https://example.com/?next=https://demo.twilio.com/welcome/sms/reply', 'webhook'],
    [`https://handler.twilio.com/TwiML/eh${'a'.repeat(32)}`, 'twiml-bin'],
    [`https://example.com/twiml/EH${'a'.repeat(32)}`, 'webhook'],
    [`https://webhooks.twilio.com/v1/accounts/ac${'b'.repeat(32)}/flows/fw${'c'.repeat(32)}/`, 'studio-flow'],
    [`https://example.com/v1/Accounts/AC${'b'.repeat(32)}/Flows/FW${'c'.repeat(32)}`, 'webhook'],
    ['https://webhooks.twilio.com/elsewhere', 'webhook'],
  ])('%s is %s', (url, expected) => {
    expect(classifyUrl(url).routing).toBe(expected);
  });

  it('recognises this project by its deployed domain, with the path and the environment', () => {
    const domains = new Map([['switchboard-1234-dev.twil.io', 'dev']]);
    expect(classifyUrl('https://switchboard-1234-dev.twil.io/forward', domains)).toEqual({
      routing: 'this-project',
      path: '/forward',
      environment: 'dev',
    });
    expect(classifyUrl('https://someone-else-9-dev.twil.io/sms', domains).routing).toBe('function');
  });

  it("recognises every environment's domain, whatever the case of the URL's host", () => {
    const domains = new Map([
      ['switchboard-1234-dev.twil.io', 'dev'],
      ['switchboard-1234.twil.io', 'production'],
    ]);
    expect(classifyUrl('https://switchboard-1234-dev.twil.io/sms', domains)).toEqual({
      routing: 'this-project',
      path: '/sms',
      environment: 'dev',
    });
    expect(classifyUrl('https://Switchboard-1234.TWIL.io/sms', domains)).toEqual({
      routing: 'this-project',
      path: '/sms',
      environment: 'production',
    });
    expect(classifyUrl('https://switchboard-1234-stage.twil.io/sms', domains)).toEqual({ routing: 'function' });
  });
});

describe('classify', () => {
  it('a Messaging Service that does not defer wins over everything, and is named', () => {
    expect(classify(routing({ smsApplicationSid: APP, smsUrl: 'https://example.com' }), { service: SERVICE })).toEqual({
      routing: 'messaging-service',
      overriddenBy: SERVICE.sid,
    });
    expect(describeRouting(routing({ smsUrl: 'https://example.com' }), { service: SERVICE })).toBe(
      `messaging-service ${SERVICE.sid} https://hook:***@example.com/inbound (POST)`,
    );
    expect(describeRouting(routing({}), { service: { ...SERVICE, inboundRequestUrl: '' } })).toBe(
      `messaging-service ${SERVICE.sid} (no inbound URL)`,
    );
  });

  it("a Messaging Service that defers to the number's webhook leaves the number's own routing", () => {
    const deferring = { ...SERVICE, useInboundWebhookOnNumber: true };
    expect(classify(routing({ smsUrl: 'https://example.com/sms' }), { service: deferring })).toEqual({
      routing: 'webhook',
    });
    expect(describeRouting(routing({ smsUrl: 'https://example.com/sms' }), { service: deferring })).toBe(
      'webhook https://example.com/sms (POST)',
    );
  });

  it("a Messaging Service whose own URL is this project's: the path and environment, and nothing else", () => {
    const projectDomains = new Map([['switchboard-1234-dev.twil.io', 'dev']]);
    const ours = { ...SERVICE, inboundRequestUrl: 'https://switchboard-1234-dev.twil.io/sms' };
    expect(classify(routing({}), { service: ours, projectDomains })).toStrictEqual({
      routing: 'messaging-service',
      overriddenBy: SERVICE.sid,
      path: '/sms',
      environment: 'dev',
    });
    expect(classify(routing({}), { service: ours })).toStrictEqual({
      routing: 'messaging-service',
      overriddenBy: SERVICE.sid,
    });
  });

  it("an SMS application overrides the number's own URL", () => {
    expect(classify(routing({ smsApplicationSid: APP, smsUrl: 'https://example.com' }))).toEqual({
      routing: 'twiml-app',
      overriddenBy: APP,
    });
  });

  it('otherwise the URL decides and nothing overrides it', () => {
    expect(classify(routing({ smsUrl: 'https://example.com/sms' }))).toEqual({ routing: 'webhook' });
  });
});

describe('describe and redactUrl', () => {
  it('never shows a password embedded in a webhook URL', () => {
    const text = describeRouting(routing({ smsUrl: 'https://bob:s3cret-pass@example.com/sms' }));
    expect(text).not.toContain('s3cret-pass');
    expect(text).toContain('bob:***@example.com');
    expect(redactUrl('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(redactUrl('weird://x:y@z w')).not.toContain('x:y');
  });

  it('says the method and the kind', () => {
    expect(describeRouting(routing({ smsUrl: 'https://example.com/sms', smsMethod: 'GET' }))).toBe(
      'webhook https://example.com/sms (GET)',
    );
    expect(describeRouting(routing({ smsApplicationSid: APP }))).toBe(`twiml-app ${APP}`);
  });

  it('a number with no SMS URL is "none", whatever its method', () => {
    expect(describeRouting(routing({}))).toBe('none');
    expect(describeRouting(routing({ smsMethod: '' }))).toBe('none');
  });

  it('leaves the method out when the number has none', () => {
    expect(describeRouting(routing({ smsUrl: 'https://example.com/sms', smsMethod: '' }))).toBe(
      'webhook https://example.com/sms',
    );
  });

  it("names the environment of this project's URL", () => {
    const projectDomains = new Map([['switchboard-1234.twil.io', 'production']]);
    expect(describeRouting(routing({ smsUrl: 'https://switchboard-1234.twil.io/sms' }), { projectDomains })).toBe(
      'this-project (production) https://switchboard-1234.twil.io/sms (POST)',
    );
  });
});
