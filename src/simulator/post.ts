import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DELIVERIES_HEADER } from './deliveries';
import type { SignedRequest } from './inbound-request';

/** What came back, or why nothing did. */
export type PostResult =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly contentType: string;
      readonly text: string;
      /** The deliveries the local functions printed instead of sending (./deliveries.ts), if any. */
      readonly deliveries?: string;
    }
  | {
      readonly kind: 'unreachable';
      /** The system's code (`ECONNREFUSED`), when the error has one. */
      readonly code: string | undefined;
      readonly message: string;
    };

const unreachable = (error: NodeJS.ErrnoException): PostResult => ({
  kind: 'unreachable',
  code: error.code,
  message: error.message,
});

/** Twilio waits 15 s for an answer, then gives up (error 11200). */
export const TIMEOUT_MS = 15_000;

/** Ten deliveries of a 20,000-character text, as base64, need more than Node's default 16 KB of headers: 1 MB. */
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Posts the form exactly as signed. node:http rather than fetch: fetch refuses ports on the
 * WHATWG "bad port" list (6000, 6665-6669...) that a local server may well use.
 */
export function postWebhook(signed: SignedRequest, timeoutMs = TIMEOUT_MS): Promise<PostResult> {
  const body = new URLSearchParams(signed.params).toString();
  const url = new URL(signed.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        'X-Twilio-Signature': signed.signature,
        'User-Agent': 'TwilioProxy/1.1',
      },
      timeout: timeoutMs,
      maxHeaderSize: MAX_HEADER_BYTES,
    });
    req.once('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })),
    );
    req.once('error', (error: NodeJS.ErrnoException) => resolve(unreachable(error)));
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', (error: NodeJS.ErrnoException) => resolve(unreachable(error)));
      res.once('end', () =>
        resolve({
          kind: 'answer',
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
          deliveries: [res.headers[DELIVERIES_HEADER.toLowerCase()]].flat()[0],
        }),
      );
    });
    req.end(body);
  });
}
