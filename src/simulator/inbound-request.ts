import twilio from 'twilio';
import { countSegments } from './segments';

/** What the person texting does: who sends, to which Twilio number, what text and pictures. */
export interface SimulatedMessage {
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly string[];
}

/** A webhook request ready to send: the exact parameters and the signature Twilio would add. */
export interface SignedRequest {
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  readonly signature: string;
}

export const PLACEHOLDER_ACCOUNT_SID = 'AC' + '0'.repeat(32);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  vcf: 'text/vcard',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
};

/** Twilio tells the content type of each picture; here it is guessed from the URL's extension. */
export function guessContentType(url: string): string {
  // A match always holds its one group; no extension and an unknown one both find no content type.
  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent (see above)
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** `SM` (or `MM` for a message with media, as Twilio names MMS) followed by 32 hex digits. */
export function messageSid(hasMedia: boolean, randomHex: () => string): string {
  return (hasMedia ? 'MM' : 'SM') + randomHex();
}

/**
 * The form parameters Twilio posts for an inbound SMS/MMS.
 * https://www.twilio.com/docs/messaging/guides/webhook-request
 * Geographic parameters (FromCity...) are sent empty, as Twilio does when it does not know them.
 */
export function inboundParams(message: SimulatedMessage, accountSid: string, sid: string): Record<string, string> {
  const params: Record<string, string> = {
    ToCountry: '',
    ToState: '',
    SmsMessageSid: sid,
    NumMedia: String(message.media.length),
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: message.body,
    FromCountry: '',
    To: message.to,
    ToZip: '',
    // An MMS is one message, whatever its length.
    NumSegments: String(message.media.length > 0 ? 1 : countSegments(message.body)),
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: accountSid,
    From: message.from,
    ApiVersion: '2010-04-01',
  };
  message.media.forEach((url, n) => {
    params[`MediaUrl${n}`] = url;
    params[`MediaContentType${n}`] = guessContentType(url);
  });
  return params;
}

/** Signs exactly as Twilio does: HMAC-SHA1 of the URL and the sorted parameters, with the auth token. */
export function signedRequest(url: string, params: Record<string, string>, authToken: string): SignedRequest {
  return { url, params, signature: twilio.getExpectedTwilioSignature(authToken, url, params) };
}
