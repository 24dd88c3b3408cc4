/**
 * HTTP plumbing of the Serverless API stand-in: bodies (form and multipart), Basic auth, Twilio's
 * error body, and the v1 paging envelope. The resources live in serverless-api.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One part of a multipart/form-data body (Path, Visibility, Content). */
export interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly content: Buffer;
}

export interface ParsedBody {
  /** Form fields, repeated keys kept in order (Builds send FunctionVersions once per SID). */
  readonly form: ReadonlyMap<string, readonly string[]>;
  readonly parts: readonly Part[];
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after delimiter, before next
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head);
    if (name !== undefined) parts.push({ name, filename, contentType: type?.[1], content: chunk.subarray(split + 4) });
    start = next;
  }
  return parts;
}

export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  const form = new Map<string, string[]>();
  const type = contentType ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8')))
      form.set(key, [...(form.get(key) ?? []), value]);
    return { form, parts: [] };
  }
  const boundary = /multipart\/form-data;\s*boundary=(.+)$/i.exec(type)?.[1];
  if (boundary === undefined) return { form, parts: [] };
  const parts = parseMultipart(raw, boundary.replace(/^"|"$/g, ''));
  for (const part of parts)
    if (part.filename === undefined)
      form.set(part.name, [...(form.get(part.name) ?? []), part.content.toString('utf8')]);
  return { form, parts };
}

/** `Authorization: Basic base64(user:password)` -> the pair, if well-formed. */
export function basicAuth(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Twilio's error body: https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
  body(): object {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const notFound = (path: string): TwilioError =>
  new TwilioError(404, 20404, `The requested resource ${path} was not found`);
export const invalid = (message: string): TwilioError => new TwilioError(400, 20001, message);

export function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The v1 list envelope: `{ <key>: [...], meta: { page, page_size, first_page_url, previous_page_url,
 * url, next_page_url, key } }`, with absolute URLs on the public host (the client follows
 * next_page_url as given, so they go through its URL rewriting like every other request).
 */
export function page<T>(
  items: readonly T[],
  key: string,
  publicUrl: string,
  query: URLSearchParams,
  defaultSize: number,
): object {
  const size = Math.max(1, Math.min(1000, Number(query.get('PageSize') ?? defaultSize) || defaultSize));
  const index = Math.max(0, Number(query.get('Page') ?? 0) || 0);
  const at = (n: number) => `${publicUrl}?PageSize=${size}&Page=${n}`;
  const hasNext = (index + 1) * size < items.length;
  return {
    [key]: items.slice(index * size, (index + 1) * size),
    meta: {
      page: index,
      page_size: size,
      first_page_url: at(0),
      previous_page_url: index > 0 ? at(index - 1) : null,
      url: at(index),
      next_page_url: hasNext ? at(index + 1) : null,
      key,
    },
  };
}
