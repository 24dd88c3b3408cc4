import { isE164 } from './phone';

/**
 * A target's answer to a sender: an E.164 number, then `:` or a space, then the text
 * (`+15551230000: see you at 5`). The default forward template starts with the sender's number
 * in this same form, so replying is copy, edit, send.
 */
const COMMAND = /^\s*(\+\d+)(?:\s*:|\s)\s*([\s\S]*)$/;

export type RelayCommand = { readonly to: string; readonly text: string } | { readonly invalid: string };

/** The relay command in a body, `undefined` when the body does not start with a +number. */
export function readRelayCommand(body: string): RelayCommand | undefined {
  const match = COMMAND.exec(body);
  if (match === null) return undefined;
  const [, to, text] = match;
  if (!isE164(to)) return { invalid: `${to} is not a valid number` };
  return { to, text: text.trim() };
}
