// Resources and envelopes shaped exactly as Twilio's REST API sends them (snake_case JSON).
// https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource
// https://www.twilio.com/docs/messaging/api/service-resource
// https://www.twilio.com/docs/usage/twilios-response (v2010 paging) and the v1 `meta` envelope.

/** An IncomingPhoneNumber resource as the 2010-04-01 API answers it. */
export interface NumberResource {
  account_sid: string;
  address_requirements: string;
  address_sid: string | null;
  api_version: string;
  beta: boolean;
  bundle_sid: string | null;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  date_created: string;
  date_updated: string;
  emergency_address_sid: string | null;
  emergency_address_status: string;
  emergency_status: string;
  friendly_name: string;
  identity_sid: string | null;
  origin: string;
  phone_number: string;
  sid: string;
  sms_application_sid: string | null;
  sms_fallback_method: string;
  sms_fallback_url: string | null;
  sms_method: string;
  sms_url: string | null;
  status: string;
  status_callback: string;
  status_callback_method: string;
  subresource_uris: Record<string, string>;
  trunk_sid: string | null;
  type: string;
  uri: string;
  voice_application_sid: string | null;
  voice_caller_id_lookup: boolean;
  voice_fallback_method: string;
  voice_fallback_url: string | null;
  voice_method: string;
  voice_receive_mode: string;
  voice_url: string | null;
}

export interface ServiceResource {
  account_sid: string;
  sid: string;
  friendly_name: string;
  date_created: string;
  date_updated: string;
  inbound_request_url: string | null;
  inbound_method: string;
  fallback_url: string | null;
  fallback_method: string;
  status_callback: string | null;
  sticky_sender: boolean;
  mms_converter: boolean;
  smart_encoding: boolean;
  scan_message_content: string;
  fallback_to_long_code: boolean;
  area_code_geomatch: boolean;
  synchronous_validation: boolean;
  validity_period: number;
  url: string;
  links: Record<string, string>;
  usecase: string;
  us_app_to_person_registered: boolean;
  use_inbound_webhook_on_number: boolean;
}

/** RFC 2822, as the 2010-04-01 API writes dates. */
export const rfc2822 = (d: Date): string => d.toUTCString().replace('GMT', '+0000');

export const numbersPath = (account: string): string => `/2010-04-01/Accounts/${account}/IncomingPhoneNumbers`;

export function numberResource(account: string, sid: string, phoneNumber: string, at: Date): NumberResource {
  const uri = `${numbersPath(account)}/${sid}.json`;
  return {
    account_sid: account,
    address_requirements: 'none',
    address_sid: null,
    api_version: '2010-04-01',
    beta: false,
    bundle_sid: null,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822(at),
    date_updated: rfc2822(at),
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    emergency_status: 'Inactive',
    friendly_name: phoneNumber,
    identity_sid: null,
    origin: 'twilio',
    phone_number: phoneNumber,
    sid,
    // What a newly bought number answers with.
    sms_application_sid: '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: 'POST',
    sms_url: 'https://demo.twilio.com/welcome/sms/reply',
    status: 'in-use',
    status_callback: '',
    status_callback_method: 'POST',
    subresource_uris: { assigned_add_ons: uri.replace('.json', '/AssignedAddOns.json') },
    trunk_sid: null,
    type: 'local',
    uri,
    voice_application_sid: '',
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: '',
    voice_method: 'POST',
    voice_receive_mode: 'voice',
    voice_url: 'https://demo.twilio.com/welcome/voice/',
  };
}

export function serviceResource(
  account: string,
  sid: string,
  friendlyName: string,
  deferToNumber: boolean,
  at: Date,
): ServiceResource {
  const url = `https://messaging.twilio.com/v1/Services/${sid}`;
  return {
    account_sid: account,
    sid,
    friendly_name: friendlyName,
    date_created: at.toISOString().replace(/\.\d+Z$/, 'Z'),
    date_updated: at.toISOString().replace(/\.\d+Z$/, 'Z'),
    inbound_request_url: deferToNumber ? null : 'https://example.com/service-inbound',
    inbound_method: 'POST',
    fallback_url: null,
    fallback_method: 'POST',
    status_callback: null,
    sticky_sender: true,
    mms_converter: true,
    smart_encoding: true,
    scan_message_content: 'inherit',
    fallback_to_long_code: true,
    area_code_geomatch: true,
    synchronous_validation: false,
    validity_period: 14400,
    url,
    links: {
      phone_numbers: `${url}/PhoneNumbers`,
      short_codes: `${url}/ShortCodes`,
      alpha_senders: `${url}/AlphaSenders`,
    },
    usecase: 'undeclared',
    us_app_to_person_registered: false,
    use_inbound_webhook_on_number: deferToNumber,
  };
}

export function servicePhoneNumber(service: ServiceResource, n: NumberResource): Record<string, unknown> {
  return {
    sid: n.sid,
    account_sid: n.account_sid,
    service_sid: service.sid,
    date_created: service.date_created,
    date_updated: service.date_updated,
    phone_number: n.phone_number,
    country_code: 'US',
    capabilities: ['SMS', 'MMS', 'Voice'],
    url: `${service.url}/PhoneNumbers/${n.sid}`,
  };
}

/** Twilio's error body. https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions */
export const errorBody = (status: number, code: number, message: string): Record<string, unknown> => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

/** camelCase update parameter (SmsUrl) -> resource field (sms_url). */
export const fieldOf = (param: string): string => param.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
