import { readDeliveries } from '../../src/simulator/deliveries';

const header = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

describe('readDeliveries', () => {
  it('reads the base64 JSON list the local functions send, emails and Slack messages in order', () => {
    const list = [
      { kind: 'email', to: 'owner@example.com', subject: 'S', text: 'T ✓' },
      { kind: 'slack', text: 'hi' },
    ];
    expect(readDeliveries(header(list))).toEqual(list);
  });

  it('no header, or one that is not the list: none, whatever it holds', () => {
    expect(readDeliveries(undefined)).toEqual([]);
    expect(readDeliveries('')).toEqual([]);
    expect(readDeliveries('not base64 json')).toEqual([]);
    expect(readDeliveries(header({ kind: 'slack', text: 'x' }))).toEqual([]);
  });

  it('leaves out an item that is not a delivery, keeps the others', () => {
    const list = [
      { kind: 'email', to: 'a@example.com' },
      { kind: 'fax', text: 'x' },
      null,
      { kind: 'slack', text: 'ok' },
    ];
    expect(readDeliveries(header(list))).toEqual([{ kind: 'slack', text: 'ok' }]);
  });
});
