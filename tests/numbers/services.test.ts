import { answersItself, serviceByNumber, serviceChange, serviceDiff } from '../../src/numbers/services';
import type { PhoneNumberState, ServiceState } from '../../src/numbers/types';

const service = (sid: string, fields: Partial<ServiceState> = {}): ServiceState => ({
  sid,
  friendlyName: sid,
  inboundRequestUrl: 'https://example.com/in',
  inboundMethod: 'POST',
  fallbackUrl: '',
  fallbackMethod: 'POST',
  useInboundWebhookOnNumber: false,
  a2pRegistered: false,
  numberSids: [],
  ...fields,
});

describe('Messaging Service plans', () => {
  it('only the fields that differ; methods compared without case; false is a value, not a blank', () => {
    const now = service('MG1', { inboundMethod: 'post' });
    expect(serviceDiff(now, { inboundRequestUrl: 'https://example.com/in', inboundMethod: 'POST' })).toBeNull();
    expect(serviceDiff(now, { inboundMethod: 'GET', useInboundWebhookOnNumber: false })).toEqual({
      inboundMethod: 'GET',
    });
    expect(serviceDiff({ ...now, useInboundWebhookOnNumber: true }, { useInboundWebhookOnNumber: false })).toEqual({
      useInboundWebhookOnNumber: false,
    });
    expect(serviceDiff(now, { fallbackUrl: 'https://example.com/fb' })).toEqual({
      fallbackUrl: 'https://example.com/fb',
    });
    expect(serviceDiff(now, { inboundRequestUrl: 'https://example.com/IN' })).toEqual({
      inboundRequestUrl: 'https://example.com/IN',
    });
  });

  it('knows which service each number is in, and which services answer for their numbers', () => {
    const a = service('MG1', { numberSids: ['PN1', 'PN2'] });
    const b = service('MG2', { numberSids: ['PN3'], useInboundWebhookOnNumber: true });
    const byNumber = serviceByNumber([a, b]);
    expect([...byNumber].map(([pn, s]) => [pn, s.sid])).toEqual([
      ['PN1', 'MG1'],
      ['PN2', 'MG1'],
      ['PN3', 'MG2'],
    ]);
    expect([answersItself(a), answersItself(b)]).toEqual([true, false]);
  });
});

describe('serviceChange', () => {
  const number = (sid: string, smsUrl: string): PhoneNumberState => ({
    sid,
    phoneNumber: `+1202555${sid.slice(-4)}`,
    smsUrl,
    smsMethod: 'POST',
    smsFallbackUrl: '',
    smsFallbackMethod: 'POST',
    smsApplicationSid: '',
  });
  const chosen = number('PN0001', 'https://example.com/old');
  const other = number('PN0002', 'https://example.com/other');
  const account = new Map([chosen, other].map((n) => [n.sid, n] as const));

  it('lists only the numbers whose routing changes; numbers not in the account are left out', () => {
    const deferring = service('MG1', { useInboundWebhookOnNumber: true, numberSids: ['PN0001', 'PN0002', 'PN9999'] });
    const after = new Map([['PN0001', { ...chosen, smsUrl: 'https://switchboard-1234-dev.twil.io/sms' }]]);
    const projectDomains = new Map([['switchboard-1234-dev.twil.io', 'dev']]);
    expect(
      serviceChange(
        deferring,
        { fallbackUrl: 'https://example.com/fb' },
        { account, routingAfter: after, projectDomains },
      ),
    ).toEqual({
      service: deferring,
      update: { fallbackUrl: 'https://example.com/fb' },
      after: {
        inboundRequestUrl: 'https://example.com/in',
        inboundMethod: 'POST',
        fallbackUrl: 'https://example.com/fb',
        fallbackMethod: 'POST',
        useInboundWebhookOnNumber: true,
      },
      numbers: [
        {
          sid: 'PN0001',
          phoneNumber: '+12025550001',
          now: 'webhook https://example.com/old (POST)',
          after: 'this-project (dev) https://switchboard-1234-dev.twil.io/sms (POST)',
        },
      ],
    });
  });

  it('a service already as asked, with no number changing: no update and no numbers', () => {
    const answering = service('MG1', { numberSids: ['PN0001', 'PN0002'] });
    expect(
      serviceChange(answering, { useInboundWebhookOnNumber: false }, { account, routingAfter: new Map() }),
    ).toMatchObject({ update: null, numbers: [] });
  });
});
