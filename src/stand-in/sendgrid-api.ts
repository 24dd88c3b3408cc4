/**
 * A stand-in of SendGrid's v3 Mail Send endpoint on 127.0.0.1, shaped as SendGrid documents it:
 * `POST /v3/mail/send` with `Authorization: Bearer <API key>` and a JSON mail; `202 Accepted`
 * with an empty body and an X-Message-Id; refusals with `{"errors":[{"message","field","help"}]}`.
 * https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
 * https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors
 * It records each accepted mail and can be scripted to fail (./scripted-http.ts).
 */
import { randomBytes } from 'node:crypto';
import { ScriptedServer, type Answer, type Received } from './scripted-http';

/** A mail as SendGrid takes it; what this project sends, and what the stand-in checks. */
export interface Mail {
  readonly personalizations: readonly { readonly to: readonly { readonly email: string }[] }[];
  readonly from: { readonly email: string; readonly name?: string };
  readonly reply_to?: unknown;
  readonly subject: string;
  readonly content: readonly { readonly type: string; readonly value: string }[];
}

/** SendGrid's error body. */
export function sendgridError(status: number, message: string, field: string | null = null): Answer {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, field, help: null }] }),
  };
}

/** SendGrid's words for what it refuses. */
const SAYS = {
  personalizations: 'The personalizations field is required and must have at least one personalization.',
  to:
    'The to array is required for all personalization objects, ' +
    'and must have at least one email object with a valid email address.',
  from:
    'The from object must be provided for every email send. ' +
    'It is an object that requires the email parameter, but may also contain a name parameter.',
  unverified:
    'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.',
  subject:
    'The subject is required. You can get around this requirement if you use a template with a subject defined ' +
    'or if every personalization has a subject defined.',
  content:
    'Unless a valid template_id is provided, the content parameter is required. ' +
    'There must be at least one defined content block.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first thing SendGrid would refuse in a mail, as its error; undefined for a mail it accepts. */
function refusal(mail: unknown, verified: ReadonlySet<string>): Answer | undefined {
  if (!isObject(mail)) return sendgridError(400, 'Bad Request');
  const { personalizations, from, subject, content } = mail;
  if (!Array.isArray(personalizations) || personalizations.length === 0)
    return sendgridError(400, SAYS.personalizations, 'personalizations');
  for (const [i, p] of personalizations.entries()) {
    const to: unknown = isObject(p) ? p.to : undefined;
    if (!Array.isArray(to) || to.length === 0) return sendgridError(400, SAYS.to, `personalizations.${i}.to`);
    for (const [j, recipient] of to.entries())
      if (!isObject(recipient) || typeof recipient.email !== 'string' || !EMAIL.test(recipient.email))
        return sendgridError(400, 'Does not contain a valid address.', `personalizations.${i}.to.${j}.email`);
  }
  if (!isObject(from) || typeof from.email !== 'string' || !EMAIL.test(from.email))
    return sendgridError(400, SAYS.from, 'from');
  if (verified.size > 0 && !verified.has(from.email)) return sendgridError(403, SAYS.unverified, 'from');
  if (typeof subject !== 'string' || subject === '') return sendgridError(400, SAYS.subject, 'subject');
  if (!Array.isArray(content) || content.length === 0) return sendgridError(400, SAYS.content, 'content');
  for (const [i, part] of content.entries())
    if (!isObject(part) || typeof part.type !== 'string' || typeof part.value !== 'string' || part.value === '')
      return sendgridError(
        400,
        'The content value must be a string at least one character in length.',
        `content.${i}.value`,
      );
  const types = content.map((part) => (part as { type: string }).type);
  if (types.includes('text/plain') && types[0] !== 'text/plain')
    return sendgridError(
      400,
      'If present, text/plain content must be first, followed by any other content.',
      'content',
    );
  return undefined;
}

export interface SendGridStandInOptions {
  /** The one API key it accepts. */
  readonly apiKey: string;
  /** Sender addresses it accepts as verified; empty: any. */
  readonly verifiedSenders?: readonly string[];
  readonly port?: number;
  /** Called with each mail it accepts (npm run stand-in prints them). */
  readonly onMail?: (mail: Mail) => void;
}

export interface SendGridStandIn {
  readonly server: ScriptedServer;
  /** The mails accepted, in order. */
  readonly mails: Mail[];
  /** What SENDGRID_API_BASE_URL is set to. */
  readonly origin: string;
  close(): Promise<void>;
}

export async function startSendGridStandIn(options: SendGridStandInOptions): Promise<SendGridStandIn> {
  const mails: Mail[] = [];
  const verified = new Set(options.verifiedSenders ?? []);
  const handle = (request: Received): Answer => {
    if (request.method !== 'POST' || request.path !== '/v3/mail/send') return sendgridError(404, 'resource not found');
    const authorization = request.headers.authorization;
    if (authorization === undefined) return sendgridError(401, 'authorization required');
    if (authorization !== `Bearer ${options.apiKey}`)
      return sendgridError(401, 'The provided authorization grant is invalid, expired, or revoked');
    let mail: unknown;
    try {
      mail = JSON.parse(request.body);
    } catch {
      return sendgridError(400, 'Bad Request');
    }
    const refused = refusal(mail, verified);
    if (refused !== undefined) return refused;
    mails.push(mail as Mail);
    options.onMail?.(mail as Mail);
    return { status: 202, body: '', headers: { 'X-Message-Id': randomBytes(11).toString('base64url') } };
  };
  const server = await ScriptedServer.start(handle, options.port);
  return { server, mails, origin: server.origin, close: () => server.close() };
}
