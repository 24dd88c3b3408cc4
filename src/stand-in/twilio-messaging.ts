// Messaging v1 as Twilio answers it, beyond listing: a Service updated by POST /v1/Services/{Sid},
// and toll-free verifications (GET /v1/Tollfree/Verifications).
// https://www.twilio.com/docs/messaging/api/service-resource#update-a-service-resource
// https://www.twilio.com/docs/messaging/api/tollfree-verification-resource
import type { TollfreeVerificationStatus as TollfreeStatus } from 'twilio/lib/rest/messaging/v1/tollfreeVerification';
import type { NumberResource, ServiceResource } from './twilio-shapes';

export type { TollfreeStatus };

/** v1 dates: ISO 8601 without fractions. */
export const iso = (d: Date): string => d.toISOString().replace(/\.\d+Z$/, 'Z');

const url = (value: string): string | null => (value === '' ? null : value);

/** The update parameters Twilio takes and this stand-in keeps; like Twilio, it ignores unknown ones. */
const SERVICE_PARAMETERS: Record<string, (service: ServiceResource, value: string) => void> = {
  FriendlyName: (s, v) => (s.friendly_name = v),
  InboundRequestUrl: (s, v) => (s.inbound_request_url = url(v)),
  InboundMethod: (s, v) => (s.inbound_method = v),
  FallbackUrl: (s, v) => (s.fallback_url = url(v)),
  FallbackMethod: (s, v) => (s.fallback_method = v),
  StatusCallback: (s, v) => (s.status_callback = url(v)),
  StickySender: (s, v) => (s.sticky_sender = v === 'true'),
  UseInboundWebhookOnNumber: (s, v) => (s.use_inbound_webhook_on_number = v === 'true'),
};

/** Applies a form-encoded update to the service, in place; an empty URL clears it (null, as Twilio answers). */
export function updateService(service: ServiceResource, form: Readonly<Record<string, string>>, at: Date): void {
  for (const [parameter, value] of Object.entries(form)) SERVICE_PARAMETERS[parameter]?.(service, value);
  service.date_updated = iso(at);
}

/** A Tollfree Verification resource, every field Twilio answers; the business fields are placeholders. */
export function tollfreeVerificationResource(
  account: string,
  sid: string,
  number: NumberResource,
  status: TollfreeStatus,
  at: Date,
): Record<string, unknown> {
  const rejected = status === 'TWILIO_REJECTED';
  return {
    sid,
    account_sid: account,
    customer_profile_sid: `BU${'0'.repeat(32)}`,
    trust_product_sid: `BU${'1'.repeat(32)}`,
    date_created: iso(at),
    date_updated: iso(at),
    regulated_item_sid: null,
    business_name: 'Owl, Inc.',
    business_street_address: '123 Main Street',
    business_street_address2: 'Suite 101',
    business_city: 'Anytown',
    business_state_province_region: 'AA',
    business_postal_code: '11111',
    business_country: 'US',
    business_website: 'http://www.company.com',
    business_contact_first_name: 'firstname',
    business_contact_last_name: 'lastname',
    business_contact_email: 'email@company.com',
    business_contact_phone: '+11231231234',
    notification_email: 'support@company.com',
    use_case_categories: ['MARKETING'],
    use_case_summary:
      'This number is used to send out promotional offers and coupons to the customers of John’s Coffee Shop',
    production_message_sample: 'lorem ipsum',
    opt_in_image_urls: ['https://zipwhiptestbusiness.com/images/image1.jpg'],
    opt_in_type: 'VERBAL',
    message_volume: '10',
    additional_information: 'see our privacy policy',
    tollfree_phone_number_sid: number.sid,
    tollfree_phone_number: number.phone_number,
    status,
    url: `https://messaging.twilio.com/v1/Tollfree/Verifications/${sid}`,
    rejection_reason: rejected ? 'Website not found' : null,
    error_code: rejected ? 30444 : null,
    edit_expiration: null,
    edit_allowed: rejected,
    business_registration_number: null,
    business_registration_authority: null,
    business_registration_country: null,
    business_type: null,
    business_registration_phone_number: null,
    doing_business_as: null,
    opt_in_confirmation_message: null,
    help_message_sample: null,
    privacy_policy_url: null,
    terms_and_conditions_url: null,
    age_gated_content: false,
    opt_in_keywords: null,
    rejection_reasons: rejected ? [{ code: 30444, reason: 'Website not found' }] : null,
    resource_links: {},
    external_reference_id: null,
    vetting_id: null,
    vetting_provider: null,
    vetting_id_expiration: null,
  };
}
