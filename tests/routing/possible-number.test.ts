import { isPossibleNumber } from '../../src/routing/possible-number';

describe('isPossibleNumber', () => {
  it.each([
    ['+12125550143', true],
    ['+447700900123', true],
    ['+1555', false],
    ['+999999999', false],
    ['+1212555014300', false],
  ])('%s: %s', (number, possible) => {
    expect(isPossibleNumber(number)).toBe(possible);
  });
});
