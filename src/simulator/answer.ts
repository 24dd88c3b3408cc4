import { limitProblems } from './limits';
import type { PostResult } from './post';
import { parseTwiml, type Action } from './twiml';

/** What the answer means for the sender: what Twilio would do, or why it would fail. */
export type Verdict =
  | { readonly ok: true; readonly actions: readonly Action[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const EXCERPT = 600;

function excerpt(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return `\n${trimmed.length > EXCERPT ? `${trimmed.slice(0, EXCERPT)}...` : trimmed}`;
}

function unreachable(url: URL, code: string | undefined, message: string): string {
  if (code === 'ECONNREFUSED') {
    return (
      `nothing is listening at ${url.host} (connection refused): ` +
      `start the functions first with \`npm start\` (or \`npm run dev\`) in another terminal, or pass --url.`
    );
  }
  if (code === 'ENOTFOUND') return `the host ${url.hostname} does not resolve: check --url.`;
  if (code === 'ETIMEDOUT') return `no answer from ${url.href} in time: Twilio would give up too (error 11200).`;
  return `could not reach ${url.href}: ${message}`;
}

function httpError(url: URL, status: number, text: string): string {
  if (status === 401 || status === 403) {
    return (
      `HTTP ${status} from ${url.href}: the signature was refused. A deployed protected function checks ` +
      'X-Twilio-Signature with the auth token of its account: ' +
      'set AUTH_TOKEN in .env (or TWILIO_AUTH_TOKEN) to that token.'
    );
  }
  if (status === 404)
    return (
      `HTTP 404: no function at ${url.pathname}. The router is /sms; ` +
      'the others are /auto-reply, /forward, /ignore.'
    );
  return (
    `HTTP ${status} from ${url.href}: ` +
    `Twilio would log error 11200 and the message would get no answer.${excerpt(text)}`
  );
}

export function judgeAnswer(url: URL, result: PostResult): Verdict {
  if (result.kind === 'unreachable') return { ok: false, reason: unreachable(url, result.code, result.message) };
  if (result.status < 200 || result.status > 299)
    return { ok: false, reason: httpError(url, result.status, result.text) };
  const parsed = parseTwiml(result.text);
  if (!parsed.ok) return { ok: false, reason: `${parsed.reason}.${excerpt(result.text)}` };
  const warnings = limitProblems(parsed.actions);
  if (!/xml/i.test(result.contentType)) {
    warnings.push(
      `the answer's Content-Type is "${result.contentType}": Twilio expects TwiML as text/xml or application/xml`,
    );
  }
  return { ok: true, actions: parsed.actions, warnings };
}
