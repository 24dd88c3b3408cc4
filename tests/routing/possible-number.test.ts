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
    expect(isPossibleNumber(number)).toBe(possible);
  });

  it('answers the same after many other numbers were checked (the kept answers are emptied when full)', () => {
    const others = Array.from({ length: 2500 }, (_, n) => `+1212555${String(n).padStart(4, '0')}`);
    expect(others.every((number) => isPossibleNumber(number))).toBe(true);
    expect(isPossibleNumber('+1555')).toBe(false);
    expect(isPossibleNumber('+447700900123')).toBe(true);
  });
});
