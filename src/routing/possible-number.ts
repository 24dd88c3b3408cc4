import type * as Libphonenumber from 'libphonenumber-js/min';

let isPossible: ((number: string) => boolean) | undefined;

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
  return isPossible(number);
}
