import { addressOf, isE164, sameNumber, splitAddress, withoutChannel, type Address } from '../../src/routing/phone';

test.each([
  ['+15551230000', true],
  ['+442071838750', true],
  ['+123456789012345', true],
  ['+1234567890123456', false],
  ['15551230000', false],
  ['+1 555 123 0000', false],
  ['+1-555-123-0000', false],
  ['+05551230000', false],
  ['+1', false],
  ['', false],
  ['whatsapp:+15551230000', false],
  ['+15551230000\n', false],
])('isE164(%j) is %s', (value, expected) => {
  expect(isE164(value)).toBe(expected);
});

test.each([
  ['whatsapp:+15551230000', '+15551230000'],
  ['messenger:123456', '123456'],
  ['+15551230000', '+15551230000'],
  ['', ''],
])('withoutChannel(%j) is %j', (address, expected) => {
  expect(withoutChannel(address)).toBe(expected);
});

test.each([
  ['+15551230000', '+15551230000', true],
  ['whatsapp:+15551230000', '+15551230000', true],
  ['+15551230000', 'whatsapp:+15551230000', true],
  ['+15551230000', '+15551230001', false],
  ['', '', false],
])('sameNumber(%j, %j) is %s', (a, b, expected) => {
  expect(sameNumber(a, b)).toBe(expected);
});

test.each<[string, Address]>([
  ['whatsapp:+15551230000', { number: '+15551230000', channel: 'whatsapp' }],
  ['messenger:123456', { number: '123456', channel: 'messenger' }],
  ['+15551230000', { number: '+15551230000' }],
  ['', { number: '' }],
])('splitAddress(%j) is %j, and addressOf puts it back together', (address, expected) => {
  expect(splitAddress(address)).toEqual(expected);
  expect(addressOf(expected.number, expected.channel)).toBe(address);
});
