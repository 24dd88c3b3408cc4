import twilio from 'twilio';
import { parseTwiml, type Action } from '../../src/simulator/twiml';

const { MessagingResponse } = twilio.twiml;

function actions(xml: string): readonly Action[] {
  const parsed = parseTwiml(xml);
  if (!parsed.ok) throw new Error(`expected TwiML, got: ${parsed.reason}`);
  return parsed.actions;
}

function reason(text: string): string {
  const parsed = parseTwiml(text);
  if (parsed.ok) throw new Error(`expected a refusal for ${JSON.stringify(text)}`);
  return parsed.reason;
}

describe('parseTwiml: white space, as Twilio keeps it', () => {
  it("keeps a plain message's text exactly, spaces around it included", () => {
    expect(actions('<Response><Message>  Hello  </Message></Response>')).toEqual([
      { kind: 'message', to: undefined, from: undefined, body: '  Hello  ', media: [] },
    ]);
  });

  it('drops the indentation around Body and Media nouns, not the Body text', () => {
    const xml =
      '<Response>\n  <Message to="+15557654321">\n    <Body> Hi </Body>\n    <Media> https://x.test/a.png </Media>\n  </Message>\n</Response>';
    expect(actions(xml)).toEqual([
      { kind: 'message', to: '+15557654321', from: undefined, body: ' Hi ', media: ['https://x.test/a.png'] },
    ]);
  });

  it('trims a Redirect URL', () => {
    expect(actions('<Response><Redirect> https://x.test/more </Redirect></Response>')).toEqual([
      { kind: 'redirect', url: 'https://x.test/more' },
    ]);
  });
});

describe('parseTwiml: what the Twilio helper writes', () => {
  it('reads a reply: no `to`, the text as body', () => {
    const response = new MessagingResponse();
    response.message('Thanks & see you <soon> "today"\r\nBye');
    expect(actions(response.toString())).toEqual([
      { kind: 'message', to: undefined, from: undefined, body: 'Thanks & see you <soon> "today"\r\nBye', media: [] },
    ]);
  });

  it('reads forwards with Body and Media nouns, in order', () => {
    const response = new MessagingResponse();
    const first = response.message({ to: '+15557654321' }, '');
    first.body('+15551230000: look');
    first.media('https://demo.twilio.com/owl.png?a=1&b=2');
    first.media('https://demo.twilio.com/cat.jpg');
    response.message({ to: '+15557654322', from: '+15005550007' }, '123');
    expect(actions(response.toString())).toEqual([
      {
        kind: 'message',
        to: '+15557654321',
        from: undefined,
        body: '+15551230000: look',
        media: ['https://demo.twilio.com/owl.png?a=1&b=2', 'https://demo.twilio.com/cat.jpg'],
      },
      // "123" stays text: a number-looking body is not a number.
      { kind: 'message', to: '+15557654322', from: '+15005550007', body: '123', media: [] },
    ]);
  });

  it('reads an empty response as no action', () => {
    expect(actions(new MessagingResponse().toString())).toEqual([]);
    expect(actions('<Response/>')).toEqual([]);
    expect(actions('<?xml version="1.0"?>\n<Response>\n</Response>\n')).toEqual([]);
  });

  it('reads indented TwiML, Redirect, the old Sms verb and verbs that do not belong', () => {
    const xml = `<Response>
      <Message to="+15557654321">
        <Body>Hi</Body>
        <Media>https://x.test/a.png</Media>
      </Message>
      <Sms>old</Sms>
      <Redirect>https://x.test/next</Redirect>
      <Say>hello</Say>
    </Response>`;
    expect(actions(xml)).toEqual([
      { kind: 'message', to: '+15557654321', from: undefined, body: 'Hi', media: ['https://x.test/a.png'] },
      { kind: 'message', to: undefined, from: undefined, body: 'old', media: [] },
      { kind: 'redirect', url: 'https://x.test/next' },
      { kind: 'unknown', verb: 'Say' },
    ]);
  });
});

describe('parseTwiml: the media trim', () => {
  it('reads a <Media> URL without the spaces and line breaks around it, and the body as written', () => {
    const xml = `<Response><Message><Body>  two spaces  </Body><Media>
        https://x.test/a.png
      </Media><Media>\thttps://x.test/b.png </Media></Message></Response>`;
    expect(actions(xml)).toEqual([
      {
        kind: 'message',
        to: undefined,
        from: undefined,
        body: '  two spaces  ',
        media: ['https://x.test/a.png', 'https://x.test/b.png'],
      },
    ]);
  });

  it('keeps the spaces of a body without nouns: they are part of the text', () => {
    expect(actions('<Response><Message>  hi  </Message></Response>')).toEqual([
      { kind: 'message', to: undefined, from: undefined, body: '  hi  ', media: [] },
    ]);
  });
});

describe('parseTwiml: what Twilio would refuse', () => {
  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['Thanks for your message', /not well-formed XML/],
    ['{"message":"boom"}', /not well-formed XML/],
    ['<Response><Message>unclosed</Response>', /not well-formed XML/],
    ['<Result/>', /must be one <Response>, found <Result>/],
    ['<Response/><Response/>', /must be one <Response>, found <Response>, <Response>/],
    ['<Response/>trailing', /text after its root/],
  ])('%j', (text, expected) => expect(reason(text)).toMatch(expected));
});
