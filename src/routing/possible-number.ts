import type * as Libphonenumber from 'libphonenumber-js/min';

let isPossible: ((number: string) => boolean) | undefined;

/**
 * Answers already given, per number. libphonenumber parses the number in full on each call (5 to 20 µs,
 * more than all the other rules of a message together), and the same numbers come back: a target
 * answering someone names them on each answer, and a bare answer checks every remembered partner.
 * Emptied when full, so that it stays small.
 */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 1000;

/**
 * Whether an E.164 number has a possible length for its country: libphonenumber's check, not a regex.
 *
 * The library and its metadata (about 170 KB) are loaded on the first call, not with the function:
 * most messages never name a relay destination, and a function must load in well under 10 ms. It is
 * a dependency of the deployed service (package.json "dependencies"), which the build leaves out of
 * the bundles.
 */
export function isPossibleNumber(number: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  isPossible ??= (require('libphonenumber-js/min') as typeof Libphonenumber).isPossiblePhoneNumber;
  const answer = answers.get(number) ?? isPossible(number);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, only how many answers are kept
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(number, answer);
  return answer;
}
