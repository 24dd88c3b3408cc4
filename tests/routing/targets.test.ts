import { MAX_EMAIL, isEmail, kindOf } from '../../src/routing/targets';

/** A valid address of exactly `length` characters. */
const addressOf = (length: number): string => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

describe('targets', () => {
  test(`an address is at most ${MAX_EMAIL} characters`, () => {
    expect([isEmail(addressOf(MAX_EMAIL)), isEmail(addressOf(MAX_EMAIL + 1))]).toEqual([true, false]);
  });

  test.each([
    ['+15551230000', 'phone'],
    ['slack', 'slack'],
    ['owner@example.com', 'email'],
    ['Slack', undefined],
    ['15551230000', undefined],
    ['owner@localhost', undefined],
  ])('%s is a %s target', (target, kind) => {
    expect(kindOf(target)).toBe(kind);
  });
});
