import { XMLParser } from 'fast-xml-parser';
import twilio from 'twilio';
import type { Decision, OutboundMessage } from '../../src/routing/decide';
import { renderTwiml } from '../../src/routing/twiml';
import { parseTwiml } from '../helpers/twiml';

const { MessagingResponse } = twilio.twiml;
const render = (...messages: OutboundMessage[]): string => renderTwiml({ messages }, MessagingResponse).toString();
const PIC = (n: number) => `https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME${n}`;

describe('renderTwiml', () => {
  test('no message: an empty <Response/>', () => {
    const silent: Decision = { messages: [], note: 'why' };
    const xml = renderTwiml(silent, MessagingResponse).toString();
    expect(parseTwiml(xml)).toEqual({ messages: [] });
    expect(xml).not.toContain('why');
  });

  test.each<[string, OutboundMessage[]]>([
    ['a reply (no `to`)', [{ body: 'Thanks', media: [] }]],
    [
      'forwards, one per recipient',
      [
        { to: '+15551230001', body: 'a', media: [] },
        { to: '+15551230002', body: 'a', media: [] },
      ],
    ],
    ['a forward with pictures', [{ to: '+15551230001', body: 'look', media: [PIC(0), PIC(1)] }]],
    ['a picture-only forward', [{ to: '+15551230001', body: '', media: [PIC(0)] }]],
    ['a forward sent from the plain number', [{ to: '+15551230001', from: '+15005550006', body: 'a', media: [] }]],
    ['text the builder must escape', [{ body: `& < > " ' </Message><Message to="+15551234567">x`, media: [] }]],
    [
      'a media URL with a query string',
      [{ to: '+15551230001', body: 'q', media: ['https://example.com/p?a=1&b=<2>'] }],
    ],
    ['emoji, tabs and line breaks', [{ body: 'a\tb\r\nc 😀👍🏽', media: [] }]],
  ])('%s reads back as it was decided', (_what, messages) => {
    expect(parseTwiml(render(...messages)).messages).toEqual(messages);
  });

  test('text alone is the <Message> text; with pictures, <Body> and <Media> nouns, and no empty <Body>', () => {
    const xml = render(
      { body: 'Thanks', media: [] },
      { to: '+15551230001', body: 'look', media: [PIC(0)] },
      { to: '+15551230001', body: '', media: [PIC(1)] },
    );
    const [response] = new XMLParser({ preserveOrder: true }).parse(xml).slice(-1);
    const parts = (response.Response as Record<string, unknown>[]).map((message) =>
      (message.Message as Record<string, unknown>[]).map((part) => Object.keys(part)[0]),
    );
    expect(parts).toEqual([['#text'], ['Body', 'Media'], ['Media']]);
  });

  test('renders at most 10 <Media> per message: all of exactly 10, the first 10 of 11', () => {
    const media = Array.from({ length: 11 }, (_, n) => PIC(n));
    const rendered = (list: string[]) => parseTwiml(render({ to: '+15551230001', body: 'x', media: list })).messages;
    expect(rendered(media.slice(0, 10))).toEqual([{ to: '+15551230001', body: 'x', media: media.slice(0, 10) }]);
    expect(rendered(media)).toEqual([{ to: '+15551230001', body: 'x', media: media.slice(0, 10) }]);
  });
});

describe('parseTwiml (the test helper) refuses what Twilio could not read', () => {
  test.each([
    ['not XML', 'Thanks'],
    ['an unclosed element', '<Response><Message>hi</Response>'],
    ['a NUL character', '<Response><Message>a\u0000b</Message></Response>'],
    ['a reference to a forbidden character', '<Response><Message>a&#0;b</Message></Response>'],
    ['a NUL in an attribute', '<Response><Message to="+1\u0000">hi</Message></Response>'],
    ['a bare ampersand', '<Response><Message>a & b</Message></Response>'],
    ['an HTML entity', '<Response><Message>a&nbsp;b</Message></Response>'],
    ['another root', '<Message>hi</Message>'],
    ['another verb', '<Response><Redirect>https://example.com</Redirect></Response>'],
  ])('%s', (_what, xml) => {
    expect(() => parseTwiml(xml)).toThrow();
  });
});
