import { judgeAnswer, type Verdict } from '../../src/simulator/answer';
import type { PostResult } from '../../src/simulator/post';

const url = new URL('http://localhost:3000/sms');
const xml = (text: string, status = 200, contentType = 'text/xml; charset=utf-8'): PostResult => ({
  kind: 'answer',
  status,
  contentType,
  text,
});

function refused(verdict: Verdict): string {
  if (verdict.ok) throw new Error('expected a refusal');
  return verdict.reason;
}

function accepted(verdict: Verdict): Extract<Verdict, { ok: true }> {
  if (!verdict.ok) throw new Error(`expected TwiML, got: ${verdict.reason}`);
  return verdict;
}

describe('judgeAnswer', () => {
  it('accepts TwiML with its actions and no warnings', () => {
    const verdict = accepted(judgeAnswer(url, xml('<Response><Message>Hi</Message></Response>')));
    expect(verdict.actions).toHaveLength(1);
    expect(verdict.warnings).toEqual([]);
  });

  it('says to start the server when nothing listens', () => {
    const reason = refused(
      judgeAnswer(url, { kind: 'unreachable', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }),
    );
    expect(reason).toMatch(/connection refused/);
    expect(reason).toContain('npm start');
  });

  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND', 'the host localhost does not resolve: check --url.'],
    [
      'ETIMEDOUT',
      'timeout',
      'no answer from http://localhost:3000/sms in time: Twilio would give up too (error 11200).',
    ],
    ['ECONNRESET', 'socket hang up', 'could not reach http://localhost:3000/sms: socket hang up'],
  ])('says what %s means', (code, message, reason) => {
    expect(refused(judgeAnswer(url, { kind: 'unreachable', code, message }))).toBe(reason);
  });

  it('names the functions there are on a 404', () => {
    expect(refused(judgeAnswer(new URL('http://localhost:3000/smss'), xml('Not found', 404, 'text/html')))).toBe(
      'HTTP 404: no function at /smss. The router is /sms; the others are /auto-reply, /forward, /ignore.',
    );
  });

  it('takes 200 to 299 as an answer, and 199 and 300 as HTTP errors', () => {
    for (const status of [200, 204, 299])
      expect(judgeAnswer(url, xml('<Response/>', status))).toEqual({ ok: true, actions: [], warnings: [] });
    for (const status of [199, 300])
      expect(refused(judgeAnswer(url, xml('', status)))).toBe(
        `HTTP ${status} from http://localhost:3000/sms: Twilio would log error 11200 and the message would get no answer.`,
      );
  });

  it('quotes at most 600 characters of an error body, trimmed', () => {
    const reason = refused(judgeAnswer(url, xml(`  ${'e'.repeat(601)}  `, 500)));
    expect(reason.split('\n')[1]).toBe(`${'e'.repeat(600)}...`);
    expect(refused(judgeAnswer(url, xml(`  ${'e'.repeat(600)}\n`, 500))).split('\n')[1]).toBe('e'.repeat(600));
  });

  it('takes application/xml as TwiML, without a warning', () => {
    expect(judgeAnswer(url, xml('<Response/>', 200, 'application/xml'))).toEqual({
      ok: true,
      actions: [],
      warnings: [],
    });
  });

  it.each([401, 403])('explains a refused signature (HTTP %i) and how to sign with the right token', (status) => {
    expect(refused(judgeAnswer(url, xml('Forbidden', status, 'text/plain')))).toBe(
      `HTTP ${status} from ${url.href}: the signature was refused. A deployed protected function checks ` +
        'X-Twilio-Signature with the auth token of its account: ' +
        'set AUTH_TOKEN in .env (or TWILIO_AUTH_TOKEN) to that token.',
    );
  });

  it('refuses an HTTP error, quoting the body', () => {
    const reason = refused(judgeAnswer(url, xml('{"message":"boom"}', 500, 'application/json')));
    expect(reason).toMatch(/^HTTP 500/);
    expect(reason).toContain('11200');
    expect(reason).toContain('boom');
  });

  it('refuses a 200 that is not TwiML', () => {
    expect(refused(judgeAnswer(url, xml('Thanks!', 200, 'text/plain')))).toMatch(/not well-formed XML/);
  });

  it('warns about what Twilio would still reject in well-formed TwiML', () => {
    const many = '<Message>x</Message>'.repeat(11);
    const body = 'a'.repeat(1601);
    const text = `<Response>${many}<Message to="5551234">${body}</Message><Message/></Response>`;
    const { warnings } = accepted(judgeAnswer(url, xml(text, 200, 'text/plain')));
    expect(warnings.join('\n')).toMatch(/13 <Message> verbs.*14109/);
    expect(warnings.join('\n')).toMatch(/1601 characters/);
    expect(warnings.join('\n')).toMatch(/to="5551234" is not an E.164 number/);
    expect(warnings.join('\n')).toMatch(/no body and no media/);
    expect(warnings.join('\n')).toMatch(/Content-Type is "text\/plain"/);
  });
});
