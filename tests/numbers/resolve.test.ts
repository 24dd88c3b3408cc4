import { parseCountry, readNumberList, resolveNumbers, toE164 } from '../../src/numbers/resolve';
import type { PhoneNumberState } from '../../src/numbers/types';

const n = (sid: string, phoneNumber: string): PhoneNumberState => ({
  sid,
  phoneNumber,
  smsUrl: '',
  smsMethod: 'POST',
  smsFallbackUrl: '',
  smsFallbackMethod: 'POST',
  smsApplicationSid: '',
});
const US = n(`PN${'a'.repeat(32)}`, '+12025550123');
const UK = n(`PN${'b'.repeat(32)}`, '+442079460018');
const account = [US, UK];

describe('resolveNumbers', () => {
  it('takes E.164, PN SIDs (any case) and numbers as people type them, each once, in order given', () => {
    const result = resolveNumbers(
      ['020 7946 0018', US.sid.toLowerCase(), '+1 202-555-0123', '+442079460018'],
      account,
      'GB',
    );
    expect(result.problems).toEqual([]);
    expect(result.numbers.map((x) => x.sid)).toEqual([UK.sid, US.sid]);
    expect(resolveNumbers(['(202) 555-0123'], account, 'US').numbers).toEqual([US]);
  });

  it('names every input it cannot use, at once', () => {
    const result = resolveNumbers(['+12025550199', 'hello', `PN${'f'.repeat(32)}`, '+12025550123'], account, 'US');
    expect(result.numbers).toEqual([US]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0]).toContain('+12025550199');
    expect(result.problems[0]).toContain('not a number of this account');
    expect(result.problems[1]).toContain('"hello" is not a phone number');
    expect(result.problems[2]).toContain(`PN${'f'.repeat(32)}`);
  });

  it('normalises with the given region only for numbers without a country code', () => {
    expect(toE164('(202) 555-0123', 'US')).toBe('+12025550123');
    expect(toE164('+1 (202) 555-0123', 'GB')).toBe('+12025550123');
    expect(toE164('12', 'US')).toBeUndefined();
  });
});

describe('parseCountry and readNumberList', () => {
  it('accepts two-letter regions in any case and refuses others', () => {
    expect(parseCountry('gb')).toEqual({ country: 'GB' });
    expect(parseCountry(undefined)).toEqual({ country: 'US' });
    expect(parseCountry('Narnia')).toHaveProperty('problem');
  });

  it('reads one number a line, skipping blanks and # comments, CRLF or not', () => {
    expect(readNumberList('# sales\r\n+12025550123\r\n\n  (202) 555-0124  \n')).toEqual([
      '+12025550123',
      '(202) 555-0124',
    ]);
  });
});

describe('resolveNumbers: the exact problems', () => {
  it('a number typed another way than E.164 and not in the account is named with its E.164 form', () => {
    expect(resolveNumbers(['(202) 555-0199'], account, 'US').problems).toEqual([
      '(202) 555-0199 (+12025550199): not a number of this account.',
    ]);
  });

  it('a number typed in E.164 and not in the account is named once, as typed', () => {
    expect(resolveNumbers(['+12025550199'], account, 'US').problems).toEqual([
      '+12025550199: not a number of this account.',
    ]);
  });

  it('what is not a phone number is named, trimmed, with the forms that are taken', () => {
    expect(resolveNumbers(['  hello  '], account, 'US').problems).toEqual([
      '"hello" is not a phone number: use E.164 (+15551234567), a PN SID, or a national number with --country.',
    ]);
  });

  it('a PN SID typed with spaces around it is found', () => {
    expect(resolveNumbers([` ${US.sid} `], account, 'US')).toEqual({ numbers: [US], problems: [] });
  });
});

describe('parseCountry and readNumberList: edges', () => {
  it('takes a country code with spaces around it', () => {
    expect(parseCountry(' gb ')).toEqual({ country: 'GB' });
  });

  it('refuses what is not a country code with the exact message, quoting it as typed', () => {
    expect(parseCountry('Narnia')).toEqual({
      problem: '--country "Narnia" is not a country code: use two letters, such as US, GB or DE.',
    });
  });

  it('reads a list with Unix line ends only (LF), one number a line', () => {
    expect(readNumberList('+12025550123\n+12025550124\n')).toEqual(['+12025550123', '+12025550124']);
  });
});
