import { checkConcurrency, checkSid, checkUrl, MAX_CONCURRENCY, plainHttpWarning } from '../../src/numbers/validate';

describe('checkUrl', () => {
  it('accepts an absolute http or https URL', () => {
    expect(checkUrl('--url', 'https://example.com/sms')).toBeUndefined();
    expect(checkUrl('--url', 'http://example.com/sms')).toBeUndefined();
  });

  it('a value that is not a URL: names the flag, quotes the value without its password, and shows one', () => {
    expect(checkUrl('--url', 'example.com/sms')).toBe(
      '--url "example.com/sms" is not a URL: give an absolute URL such as https://example.com/sms.',
    );
    expect(checkUrl('--fallback-url', '//user:secret@example.com/sms')).toBe(
      '--fallback-url "//***@example.com/sms" is not a URL: give an absolute URL such as https://example.com/sms.',
    );
  });

  it('an http(s) URL without a host is not a URL', () => {
    expect(checkUrl('--url', 'https://')).toBe(
      '--url "https://" is not a URL: give an absolute URL such as https://example.com/sms.',
    );
    expect(checkUrl('--url', 'http://:80/sms')).toBe(
      '--url "http://:80/sms" is not a URL: give an absolute URL such as https://example.com/sms.',
    );
  });

  it('another scheme: names the flag and the scheme', () => {
    expect(checkUrl('--url', 'ftp://example.com/sms')).toBe('--url must be an http(s) URL, not ftp:.');
    expect(checkUrl('--fallback-url', 'javascript:alert(1)')).toBe(
      '--fallback-url must be an http(s) URL, not javascript:.',
    );
  });
});

describe('plainHttpWarning', () => {
  const WARNING =
    'Warning: --url http://user:***@example.com/sms is plain http: ' +
    "Twilio will send every message's phone numbers and text unencrypted. Use https unless this is a test.";

  it('warns of plain http to another host, naming the flag and the URL without its password', () => {
    expect(plainHttpWarning('--url', 'http://user:secret@example.com/sms')).toBe(WARNING);
    expect(plainHttpWarning('--fallback-url', 'http://10.0.0.5/sms')).toMatch(
      /^Warning: --fallback-url http:\/\/10\.0\.0\.5\/sms is plain http: /,
    );
  });

  it('says nothing of https, of another scheme, or of a value that is not a URL', () => {
    expect(plainHttpWarning('--url', 'https://example.com/sms')).toBeUndefined();
    expect(plainHttpWarning('--url', 'ftp://example.com/sms')).toBeUndefined();
    expect(plainHttpWarning('--url', 'example.com/sms')).toBeUndefined();
  });

  it.each([
    'http://localhost:3000/sms',
    'http://LOCALHOST/sms',
    'http://127.0.0.1:3000/sms',
    'http://127.1/sms',
    'http://127.0.0.10/sms',
    'http://127.255.255.255/sms',
    'http://[::1]:3000/sms',
  ])('says nothing of plain http to this machine: %s', (url) => {
    expect(plainHttpWarning('--url', url)).toBeUndefined();
  });

  it.each([
    'http://localhost.example.com/sms',
    'http://notlocalhost/sms',
    'http://127.0.0.1.example.com/sms',
    'http://128.0.0.1/sms',
  ])('warns of a host that only looks like this machine: %s', (url) => {
    expect(plainHttpWarning('--url', url)).toMatch(/^Warning: --url http:\/\/.* is plain http: /);
  });
});

describe('checkSid', () => {
  const SID = `BU${'a'.repeat(32)}`;

  it('accepts no value and a SID of the kind', () => {
    expect(checkSid('--bundle-sid', 'BU', undefined)).toBeUndefined();
    expect(checkSid('--bundle-sid', 'BU', SID)).toBeUndefined();
  });

  it('refuses another kind, a short SID and a long one, saying what a SID of the kind looks like', () => {
    const problem = '--bundle-sid must be BU followed by 32 hex digits.';
    expect(checkSid('--bundle-sid', 'BU', `AD${'a'.repeat(32)}`)).toBe(problem);
    expect(checkSid('--bundle-sid', 'BU', SID.slice(0, -1))).toBe(problem);
    expect(checkSid('--bundle-sid', 'BU', `${SID}a`)).toBe(problem);
    expect(checkSid('--address-sid', 'AD', '')).toBe('--address-sid must be AD followed by 32 hex digits.');
  });
});

describe('checkConcurrency', () => {
  const PROBLEM = '--concurrency must be a whole number from 1 to 32.';

  it('accepts none, and every whole number from 1 to 32', () => {
    expect(MAX_CONCURRENCY).toBe(32);
    expect(checkConcurrency(undefined)).toBeUndefined();
    expect(checkConcurrency(1)).toBeUndefined();
    expect(checkConcurrency(2)).toBeUndefined();
    expect(checkConcurrency(31)).toBeUndefined();
    expect(checkConcurrency(32)).toBeUndefined();
  });

  it.each([0, 33, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p, naming the range', (value) => {
    expect(checkConcurrency(value)).toBe(PROBLEM);
  });
});
