/**
 * Twilio's SIDs: two letters naming the kind of resource (AC account, PN phone number, MG
 * Messaging Service, ZS Serverless service...) and 32 hex digits.
 * https://www.twilio.com/docs/glossary/what-is-a-sid
 */

/** The pattern of a SID of this kind, unanchored, to compose into a longer pattern (a URL path). */
export const sidSource = (prefix: string): string => `${prefix}[0-9a-fA-F]{32}`;

/** Exactly one SID of this kind; `flags` 'i' also takes the prefix in lower case. */
export const sidPattern = (prefix: string, flags = ''): RegExp => new RegExp(`^${sidSource(prefix)}$`, flags);

export const isSid = (prefix: string, value: string): boolean => sidPattern(prefix).test(value);

/** How a message says what a SID of this kind looks like. */
export const sidShape = (prefix: string): string => `${prefix} followed by 32 hex digits`;
