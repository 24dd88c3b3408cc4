/**
 * What each provider is asked, and what its refusal says (src/runtime/providers.ts): the refusal's
 * words are read from bodies shaped as SendGrid and Slack send them (the stand-ins' own).
 */
import type { DeliverySettings } from '../../src/config/delivery-env';
import type { Delivery } from '../../src/routing/delivery';
import { requestFor, type Request } from '../../src/runtime/providers';
import { sendgridError } from '../../src/stand-in/sendgrid-api';
import { slackError } from '../../src/stand-in/slack-webhook';

const SETTINGS: DeliverySettings = {
  sendgridApiKey: 'SG.providers-test.0123456789abcdefghij',
  emailFrom: 'switchboard@example.com',
  sendgridApiBaseUrl: 'http://127.0.0.1:1',
  slackWebhookUrl: 'http://127.0.0.1:1/services/T0/B0/secret',
  timeoutMs: 4000,
  print: false,
};
const EMAIL: Delivery = { kind: 'email', to: 'owner@example.com', subject: 'SMS', text: 'Hi', html: '<p>Hi</p>' };
const SLACK: Delivery = { kind: 'slack', payload: { text: 'Hi' } };

function request(delivery: Delivery, settings = SETTINGS): Request {
  const made = requestFor(delivery, settings);
  if (typeof made === 'string') throw new Error(`no request: ${made}`);
  return made;
}

const sendgridSays = (body: string): string | undefined => request(EMAIL).refusalOf(body);
const slackSays = (body: string): string | undefined => request(SLACK).refusalOf(body);

describe("SendGrid's refusal", () => {
  test('is its first error, with the field it names', () => {
    expect(sendgridSays(sendgridError(403, 'The from address does not match.', 'from.email').body)).toBe(
      'from.email: The from address does not match.',
    );
  });

  test('without a field, or with an empty one, is the message alone', () => {
    expect(sendgridSays(sendgridError(401, 'Permission denied, wrong credentials').body)).toBe(
      'Permission denied, wrong credentials',
    );
    expect(sendgridSays(sendgridError(400, 'Bad Request', '').body)).toBe('Bad Request');
  });

  test('is cut to 160 characters, its field included: 160 stay whole, 161 lose the last one', () => {
    const at = 'x'.repeat(160);
    expect(sendgridSays(sendgridError(400, at).body)).toBe(at);
    expect(sendgridSays(sendgridError(400, `${at}y`).body)).toBe(at);
    expect(sendgridSays(sendgridError(400, 'y'.repeat(152), 'content').body)).toBe(`content: ${'y'.repeat(151)}`);
  });

  test('says nothing when the body is not JSON, has no error, or its error has no message', () => {
    for (const body of ['', '<html>Bad Gateway</html>', '{"errors":[]}', '{"errors":[null]}', '{"errors":["no"]}'])
      expect(sendgridSays(body)).toBeUndefined();
    expect(sendgridSays('{"errors":[{"field":"from","message":7}]}')).toBeUndefined();
  });
});

describe("Slack's refusal", () => {
  test('is the bare code it answers, trimmed', () => {
    expect(slackSays(slackError(404, 'no_service').body)).toBe('no_service');
    expect(slackSays(' invalid_payload\n')).toBe('invalid_payload');
  });

  test('is nothing when the body is more than a code: words before or after it, or an HTML page', () => {
    expect(slackSays('invalid_payload: missing text')).toBeUndefined();
    expect(slackSays('see no_service')).toBeUndefined();
    expect(slackSays('<html><body>Bad Gateway</body></html>')).toBeUndefined();
  });

  test('a code of 64 characters is a code; 65 characters are not', () => {
    expect(slackSays('a'.repeat(64))).toBe('a'.repeat(64));
    expect(slackSays('a'.repeat(65))).toBeUndefined();
  });
});

describe('without the variables a delivery needs', () => {
  test('Slack: the request names SLACK_WEBHOOK_URL', () => {
    expect(requestFor(SLACK, { ...SETTINGS, slackWebhookUrl: undefined })).toBe('SLACK_WEBHOOK_URL is not set');
  });

  test('email: the request names SENDGRID_API_KEY and EMAIL_FROM', () => {
    expect(requestFor(EMAIL, { ...SETTINGS, emailFrom: undefined })).toBe('SENDGRID_API_KEY or EMAIL_FROM is not set');
    expect(requestFor(EMAIL, { ...SETTINGS, sendgridApiKey: undefined })).toBe(
      'SENDGRID_API_KEY or EMAIL_FROM is not set',
    );
  });
});
