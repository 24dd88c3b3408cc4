import { renderConversation } from '../../src/simulator/conversation';
import type { SimulatedMessage } from '../../src/simulator/inbound-request';
import type { Action } from '../../src/simulator/twiml';

const sent: SimulatedMessage = { from: '+15551230000', to: '+15005550006', body: 'Hello', media: [] };
const message = (fields: Partial<Extract<Action, { kind: 'message' }>>): Action => ({
  kind: 'message',
  to: undefined,
  from: undefined,
  body: '',
  media: [],
  ...fields,
});

describe('renderConversation', () => {
  it('starts with what was sent, pictures included', () => {
    const lines = renderConversation({ ...sent, media: ['https://x.test/a.png'] }, []);
    expect(lines).toEqual([
      '+15551230000 texts +15005550006:',
      '    Hello',
      '    [media] https://x.test/a.png',
      '',
      '(no reply: <Response/>)',
    ]);
  });

  it('says so when nothing is sent', () => {
    expect(renderConversation(sent, []).at(-1)).toBe('(no reply: <Response/>)');
  });

  it('shows a reply as going to the sender, from the Twilio number', () => {
    const lines = renderConversation(sent, [message({ body: 'Thanks\nBye' })]);
    expect(lines.slice(-3)).toEqual(['Reply to the sender +15551230000, from +15005550006:', '    Thanks', '    Bye']);
  });

  it('treats a `to` equal to the sender as a reply too', () => {
    expect(renderConversation(sent, [message({ to: '+15551230000', body: 'x' })])).toContain(
      'Reply to the sender +15551230000, from +15005550006:',
    );
  });

  it('shows each forward with its recipient, its sender number and its media', () => {
    const lines = renderConversation(sent, [
      message({ to: '+15557654321', body: '+15551230000: Hello', media: ['https://x.test/a.png'] }),
      message({ to: '+15557654322', from: '+15005550007', media: ['https://x.test/b.png'] }),
    ]);
    expect(lines.slice(3)).toEqual([
      'To +15557654321, from +15005550006:',
      '    +15551230000: Hello',
      '    [media] https://x.test/a.png',
      'To +15557654322, from +15005550007:',
      '    (no text)',
      '    [media] https://x.test/b.png',
    ]);
  });

  it('mentions a redirect, with or without its URL, and a verb that sends no message', () => {
    const actions: Action[] = [
      { kind: 'redirect', url: 'https://x.test/next' },
      { kind: 'redirect', url: '' },
      { kind: 'unknown', verb: 'Say' },
    ];
    expect(renderConversation(sent, actions).slice(3)).toEqual([
      'Redirect: Twilio would fetch more TwiML from https://x.test/next',
      'Redirect: Twilio would fetch more TwiML from (no URL)',
      '<Say>: not a messaging verb',
    ]);
  });

  it('shows each email and Slack message the function would send, after the TwiML ones', () => {
    const lines = renderConversation(
      sent,
      [message({ to: '+15557654321', body: 'Hello' })],
      [
        { kind: 'email', to: 'owner@example.com', subject: 'SMS from +15551230000 to +15005550006', text: 'A\nB\n' },
        { kind: 'slack', text: '*SMS from +15551230000*\nHello\n' },
      ],
    );
    expect(lines.slice(5)).toEqual([
      'Email to owner@example.com:',
      '    Subject: SMS from +15551230000 to +15005550006',
      '    A',
      '    B',
      'Slack:',
      '    *SMS from +15551230000*',
      '    Hello',
    ]);
  });

  it('shows deliveries after "no reply" when no phone gets anything', () => {
    const lines = renderConversation(sent, [], [{ kind: 'slack', text: 'Hello' }]);
    expect(lines.slice(-3)).toEqual(['(no reply: <Response/>)', 'Slack:', '    Hello']);
  });
});
