import { answersItself, serviceByNumber, serviceDiff } from '../../src/numbers/services';
import type { ServiceState } from '../../src/numbers/types';

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
