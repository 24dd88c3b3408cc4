// The account behind the stand-in of Twilio's REST API (src/stand-in/twilio-api.ts): its phone
// numbers, Messaging Services and toll-free verifications, and the REST resources that read and
// write them, answered in Twilio's JSON shapes. The server, credentials and faults are the subclass's.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sidSource } from '../twilio/sid';
import { numbersPage, v1Page } from './twilio-paging';
import { tollfreeVerificationResource, updateService, type TollfreeStatus } from './twilio-messaging';
import {
  errorBody,
  fieldOf,
  numberResource,
  numbersPath,
  rfc2822,
  servicePhoneNumber,
  serviceResource,
  type NumberResource,
  type ServiceResource,
} from './twilio-shapes';

/** Known parameters update their field; like Twilio, unknown ones are ignored. */
function updateNumber(n: NumberResource, form: Readonly<Record<string, string>>): void {
  Object.assign(
    n,
    Object.fromEntries(
      Object.entries(form)
        .map(([param, value]) => [fieldOf(param), value])
        .filter(([field]) => field in n),
    ),
  );
  n.date_updated = rfc2822(new Date());
}

export class TwilioAccount {
  /** Updates of these numbers or services always fail with this error (a permanent, non-retryable failure). */
  readonly failingWrites = new Map<string, { status: number; code: number; message: string }>();
  private readonly numbers: NumberResource[] = [];
  private readonly services: Array<{ resource: ServiceResource; numbers: string[] }> = [];
  private readonly verifications: Array<Record<string, unknown>> = [];
  private readonly writeCounts = new Map<string, number>();
  private counter = 0;

  constructor(readonly accountSid: string) {}

  sid(prefix: string): string {
    return prefix + createHash('md5').update(`${prefix}${this.counter++}`).digest('hex');
  }

  addNumber(phoneNumber: string, fields: Partial<NumberResource> = {}): NumberResource {
    const n = {
      ...numberResource(
        this.accountSid,
        this.sid('PN'),
        phoneNumber,
        new Date(Date.UTC(2024, 0, 1, 0, 0, this.counter)),
      ),
      ...fields,
    };
    this.numbers.push(n);
    return n;
  }

  /** `count` numbers +12025550000, +12025550001, ... */
  addNumbers(count: number, fields: Partial<NumberResource> = {}): NumberResource[] {
    const base = this.numbers.length;
    return Array.from({ length: count }, (_, i) =>
      this.addNumber(`+1202555${String(base + i).padStart(4, '0')}`, fields),
    );
  }

  /** A Messaging Service holding these numbers; `fields` as Twilio names them (us_app_to_person_registered...). */
  addService(
    friendlyName: string,
    deferToNumber: boolean,
    numberSids: readonly string[],
    fields: Partial<ServiceResource> = {},
  ): ServiceResource {
    const resource = {
      ...serviceResource(this.accountSid, this.sid('MG'), friendlyName, deferToNumber, new Date(Date.UTC(2024, 0, 2))),
      ...fields,
    };
    this.services.push({ resource, numbers: [...numberSids] });
    return { ...resource };
  }

  /** The service as the API holds it now (a copy). */
  service(sid: string): ServiceResource {
    const s = this.services.find((x) => x.resource.sid === sid);
    if (s === undefined) throw new Error(`no service ${sid}`);
    return { ...s.resource };
  }

  allServices(): ServiceResource[] {
    return this.services.map((s) => ({ ...s.resource }));
  }

  /** A toll-free verification of the number, in this status. */
  addTollfreeVerification(numberSid: string, status: TollfreeStatus): void {
    const at = new Date(Date.UTC(2024, 0, 3));
    this.verifications.push(
      tollfreeVerificationResource(this.accountSid, this.sid('HH'), this.number(numberSid), status, at),
    );
  }

  /** The number as the API holds it now (a copy). */
  number(sid: string): NumberResource {
    const n = this.numbers.find((x) => x.sid === sid);
    if (n === undefined) throw new Error(`no number ${sid}`);
    return { ...n };
  }

  allNumbers(): NumberResource[] {
    return this.numbers.map((n) => ({ ...n }));
  }

  writes(sid?: string): number {
    if (sid !== undefined) return this.writeCounts.get(sid) ?? 0;
    return [...this.writeCounts.values()].reduce((a, b) => a + b, 0);
  }

  protected send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  protected route(method: string, url: URL, form: Record<string, string>, res: ServerResponse): void {
    const p = url.pathname;
    const list = p === `${numbersPath(this.accountSid)}.json`;
    const one = new RegExp(`^${numbersPath(this.accountSid)}/(${sidSource('PN')})\\.json$`).exec(p);
    const phones = new RegExp(`^/v1/Services/(${sidSource('MG')})/PhoneNumbers$`).exec(p);
    const service = new RegExp(`^/v1/Services/(${sidSource('MG')})$`).exec(p);
    if (method === 'GET' && list) return this.send(res, 200, numbersPage(this.numbers, this.accountSid, url));
    if (one !== null && (method === 'GET' || method === 'POST')) {
      const n = this.numbers.find((x) => x.sid === one[1]);
      return this.oneResource(method, one[1] ?? '', n, (number) => updateNumber(number, form), p, res);
    }
    if (method === 'GET' && p === '/v1/Services')
      return this.send(
        res,
        200,
        v1Page(
          this.services.map((s) => s.resource),
          'services',
          url,
        ),
      );
    if (service !== null && (method === 'GET' || method === 'POST')) {
      const s = this.services.find((x) => x.resource.sid === service[1])?.resource;
      return this.oneResource(method, service[1] ?? '', s, (found) => updateService(found, form, new Date()), p, res);
    }
    if (method === 'GET' && p === '/v1/Tollfree/Verifications') {
      const q = url.searchParams;
      const items = this.verifications.filter(
        (v) =>
          (q.get('TollfreePhoneNumberSid') ?? v.tollfree_phone_number_sid) === v.tollfree_phone_number_sid &&
          (q.get('Status') ?? v.status) === v.status,
      );
      return this.send(res, 200, v1Page(items, 'verifications', url));
    }
    if (method === 'GET' && phones !== null) {
      const service = this.services.find((s) => s.resource.sid === phones[1]);
      if (service !== undefined) {
        const items = service.numbers.map((sid) => servicePhoneNumber(service.resource, this.number(sid)));
        return this.send(res, 200, v1Page(items, 'phone_numbers', url));
      }
    }
    this.send(res, 404, errorBody(404, 20404, `The requested resource ${p} was not found`));
  }

  /** GET answers the resource; POST applies `update` (or the failure set for this SID), then answers it. */
  private oneResource<T extends object>(
    method: string,
    sid: string,
    resource: T | undefined,
    update: (resource: T) => void,
    path: string,
    res: ServerResponse,
  ): void {
    if (resource === undefined)
      return this.send(res, 404, errorBody(404, 20404, `The requested resource ${path} was not found`));
    if (method === 'POST') {
      const failure = this.failingWrites.get(sid);
      if (failure !== undefined)
        return this.send(res, failure.status, errorBody(failure.status, failure.code, failure.message));
      update(resource);
      this.writeCounts.set(sid, this.writes(sid) + 1);
    }
    this.send(res, 200, resource);
  }
}
