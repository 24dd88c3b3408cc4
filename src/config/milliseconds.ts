import * as v from 'valibot';

const WHOLE = /^\s*\d{1,9}\s*$/;

/**
 * A deadline in whole milliseconds, from 1 to `max`. Twilio stops a Function at 10 s (the message
 * is then lost, error 11200), and its answer should leave within 5 s whatever `waitsFor` does:
 * a longer deadline is refused, saying so.
 */
export const milliseconds = (max: number, fallback: number, waitsFor: string) =>
  v.pipe(
    v.string(),
    v.check(
      (text) => WHOLE.test(text) && Number(text) >= 1 && Number(text) <= max,
      (issue) =>
        // A whole number refused is 0 or past `max`.
        WHOLE.test(String(issue.input)) && Number(issue.input) !== 0
          ? `${issue.received} ms is too long: Twilio stops a Function at 10 s (the message is lost), and ` +
            `its answer must leave within 5 s whatever ${waitsFor} does; write at most ${max}, ` +
            `or leave it unset for ${fallback}`
          : `${issue.received} is not a number of milliseconds from 1 to ${max}: ` +
            `write e.g. 1500, or leave it unset for ${fallback}`,
    ),
    v.transform(Number),
  );
