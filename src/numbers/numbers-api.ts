import type twilio from 'twilio';
import type { IncomingPhoneNumberInstance } from 'twilio/lib/rest/api/v2010/account/incomingPhoneNumber';
import type { NumbersApi } from './context';
import { routingFrom } from './fields';
import { AdaptiveLimiter } from './limiter';
import { retryOptions, withRetry, type RetryOptions } from './retry';
import type { ServiceInstance } from 'twilio/lib/rest/messaging/v1/service';
import type { PhoneNumberState, ServiceState } from './types';
import { createTwilioClient } from '../twilio/client';
import { CredentialsError, REJECTED, type Credentials } from '../twilio/credentials';
import { isAuthRejected, isThrottled } from '../twilio/errors';

/** Twilio's largest page: 1000 numbers a request. https://www.twilio.com/docs/usage/twilios-response#pagination */
const PAGE_SIZE = 1000;

interface PageLike<T> {
  readonly instances: T[];
  /** undefined on the last page. */
  nextPage(): Promise<PageLike<T>> | undefined;
}

/** Every page, each one retried (a 5xx on page 7 of 10 should not lose the listing). */
async function allPages<T>(first: () => Promise<PageLike<T>>, retry: RetryOptions): Promise<T[]> {
  let page = await withRetry(first, retry);
  const items = [...page.instances];
  for (;;) {
    const current = page;
    // nextPage() sends the request each time it is called, so a retry asks again.
    const next = await withRetry(async () => current.nextPage(), retry);
    if (next === undefined) return items;
    items.push(...next.instances);
    page = next;
  }
}

const text = (value: string | null | undefined): string => value ?? '';
const method = (value: string | null | undefined): string => text(value).toUpperCase();

export function toState(n: IncomingPhoneNumberInstance): PhoneNumberState {
  const routing = routingFrom((field) => (field.endsWith('Method') ? method(n[field]) : text(n[field])));
  return { sid: n.sid, phoneNumber: n.phoneNumber, ...routing };
}

export function toServiceState(s: ServiceInstance, numberSids: readonly string[]): ServiceState {
  return {
    sid: s.sid,
    friendlyName: s.friendlyName,
    inboundRequestUrl: text(s.inboundRequestUrl),
    inboundMethod: method(s.inboundMethod),
    fallbackUrl: text(s.fallbackUrl),
    fallbackMethod: method(s.fallbackMethod),
    useInboundWebhookOnNumber: s.useInboundWebhookOnNumber === true,
    a2pRegistered: s.usAppToPersonRegistered === true,
    numberSids,
  };
}

/** The numbers commands' view of one account through the twilio SDK. */
export function createNumbersApi(
  credentials: Credentials,
  options: { origin?: string; retry?: Partial<RetryOptions>; concurrency?: number; client?: twilio.Twilio } = {},
): NumbersApi {
  const client = options.client ?? createTwilioClient(credentials, options.origin);
  const retry = retryOptions(options.retry);
  const account = client.api.v2010.accounts(credentials.accountSid);
  // A rejected credential surfaces on the first read: say which variables to fix (exit 3).
  const reading = async <T>(read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (e) {
      if (isAuthRejected(e)) throw new CredentialsError(REJECTED(credentials.source));
      throw e;
    }
  };

  return {
    listNumbers: () =>
      reading(async () =>
        (await allPages(() => account.incomingPhoneNumbers.page({ pageSize: PAGE_SIZE }), retry)).map(toState),
      ),

    listServices: () =>
      reading(async () => {
        const services = await allPages(() => client.messaging.v1.services.page({ pageSize: PAGE_SIZE }), retry);
        const limiter = new AdaptiveLimiter(options.concurrency ?? 8);
        return Promise.all(
          services.map(async (service) => {
            const numbers = await allPages(
              () =>
                limiter.run(
                  () => client.messaging.v1.services(service.sid).phoneNumbers.page({ pageSize: PAGE_SIZE }),
                  isThrottled,
                ),
              retry,
            );
            return toServiceState(
              service,
              numbers.map((n) => n.sid),
            );
          }),
        );
      }),

    listTollfreeVerifications: () =>
      reading(async () => {
        const verifications = await allPages(
          () => client.messaging.v1.tollfreeVerifications.page({ pageSize: PAGE_SIZE }),
          retry,
        );
        const statuses = new Map<string, string[]>();
        for (const v of verifications)
          statuses.set(v.tollfreePhoneNumberSid, [...(statuses.get(v.tollfreePhoneNumberSid) ?? []), v.status]);
        return statuses;
      }),

    updateService: async (sid, update) => {
      await client.messaging.v1.services(sid).update(update);
    },

    updateNumber: async (sid, update) => {
      await account.incomingPhoneNumbers(sid).update(update);
    },
  };
}
