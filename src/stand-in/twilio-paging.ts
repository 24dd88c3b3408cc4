// Twilio's list answers, as the stand-in of its REST API (twilio-api.ts) pages them: the
// 2010-04-01 envelope with `*_page_uri`, and the v1 envelope with absolute URLs in `meta`.
// https://www.twilio.com/docs/usage/twilios-response#pagination
import { numbersPath } from './twilio-shapes';

/** Twilio's paging: PageSize (default 50, at most 1000), Page, and PageToken "PA<sid of the previous page's last>". */
export function paginate<T extends { sid?: unknown }>(items: readonly T[], q: URLSearchParams) {
  const size = Math.min(Math.max(Number(q.get('PageSize') ?? 50) || 50, 1), 1000);
  const page = Math.max(Number(q.get('Page') ?? 0) || 0, 0);
  const token = q.get('PageToken');
  const after = token?.startsWith('PA') === true ? items.findIndex((i) => i.sid === token.slice(2)) : -1;
  const start = after >= 0 ? after + 1 : page * size;
  const slice = items.slice(start, start + size);
  const last = slice[slice.length - 1];
  const nextToken = start + size < items.length && last !== undefined ? `PA${String(last.sid)}` : undefined;
  return { slice, page, size, start, nextToken };
}

/** 2010-04-01 paging of IncomingPhoneNumbers (PageSize up to 1000, Page, PageToken), filtered by PhoneNumber. */
export function numbersPage<T extends { sid?: unknown; phone_number: string }>(
  numbers: readonly T[],
  accountSid: string,
  url: URL,
): object {
  const q = url.searchParams;
  const filter = q.get('PhoneNumber');
  const items = numbers.filter((n) => filter === null || n.phone_number.includes(filter.replace(/\*/g, '')));
  const { slice, page, size, start, nextToken } = paginate(items, q);
  const path = `${numbersPath(accountSid)}.json`;
  const query = (extra: Record<string, string>): string => {
    const params = new URLSearchParams({
      ...(filter !== null ? { PhoneNumber: filter } : {}),
      PageSize: String(size),
      ...extra,
    });
    return `${path}?${params}`;
  };
  return {
    first_page_uri: query({ Page: '0' }),
    end: start + Math.max(slice.length - 1, 0),
    incoming_phone_numbers: slice,
    next_page_uri: nextToken !== undefined ? query({ Page: String(page + 1), PageToken: nextToken }) : null,
    page,
    page_size: size,
    previous_page_uri: page > 0 ? query({ Page: String(page - 1) }) : null,
    start,
    uri: query({
      Page: String(page),
      ...(q.get('PageToken') !== null ? { PageToken: q.get('PageToken') ?? '' } : {}),
    }),
  };
}

/** v1 paging: the same parameters, absolute URLs in `meta` (on Twilio's host, as Twilio answers). */
export function v1Page(items: ReadonlyArray<{ sid?: unknown }>, key: string, url: URL): object {
  const { slice, page, size, nextToken } = paginate(items, url.searchParams);
  const at = (extra: Record<string, string>): string =>
    `https://messaging.twilio.com${url.pathname}?${new URLSearchParams({ PageSize: String(size), ...extra })}`;
  return {
    [key]: slice,
    meta: {
      page,
      page_size: size,
      first_page_url: at({ Page: '0' }),
      previous_page_url: page > 0 ? at({ Page: String(page - 1) }) : null,
      url: at({ Page: String(page) }),
      next_page_url: nextToken !== undefined ? at({ Page: String(page + 1), PageToken: nextToken }) : null,
      key,
    },
  };
}
