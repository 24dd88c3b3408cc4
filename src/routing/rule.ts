export const MODES = ['auto-reply', 'forward', 'ignore'] as const;
export type Mode = (typeof MODES)[number];

/** What to do with a message to one number, with every default already applied. */
export type Rule =
  | {
      readonly mode: 'auto-reply';
      /** The reply; placeholders {From}, {To} and, outside business hours, {opens}. */
      readonly message: string;
      /** Media to send with the reply (an image, a vCard). */
      readonly media?: readonly string[];
    }
  | { readonly mode: 'forward'; readonly to: readonly string[]; readonly template: string }
  | { readonly mode: 'ignore' };
