import { CredentialsError } from '../../src/twilio/credentials';
import { createNumbersApi } from '../../src/numbers/numbers-api';
import { TwilioApiStandIn } from '../../src/stand-in/twilio-api';

const fast = { baseMs: 1, capMs: 20 };

describe('createNumbersApi against the stand-in', () => {
  let api: TwilioApiStandIn;
  beforeEach(async () => (api = await TwilioApiStandIn.start({ seed: 7 })));
  afterEach(() => api.close());
  const numbersApi = (password = api.authToken) =>
    createNumbersApi(
      {
        accountSid: api.accountSid,
        username: api.accountSid,
        password,
        source: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
      },
      { origin: api.url, retry: fast },
    );

  it('lists every number in pages of 1000, as the CLI sees them (null -> "", methods upper case)', async () => {
    api.addNumbers(2500);
    const app = `AP${'4'.repeat(32)}`;
    const odd = api.addNumber('+12025559999', {
      sms_url: null,
      sms_method: 'get',
      sms_fallback_url: null,
      sms_application_sid: app,
    });
    const listed = await numbersApi().listNumbers();
    expect(listed).toHaveLength(2501);
    expect(listed.at(-1)).toEqual({
      sid: odd.sid,
      phoneNumber: '+12025559999',
      smsUrl: '',
      smsMethod: 'GET',
      smsFallbackUrl: '',
      smsFallbackMethod: 'POST',
      smsApplicationSid: app,
    });
    const pages = api.requests.filter((r) => r.path.endsWith('IncomingPhoneNumbers.json'));
    expect(pages).toHaveLength(3);
    expect(pages.every((r) => r.query.includes('PageSize=1000'))).toBe(true);
  });

  it('retries pages that fail with 5xx, so one bad page does not lose the listing', async () => {
    api.addNumbers(3000);
    api.knobs.serverErrorRate = 0.5;
    expect(await numbersApi().listNumbers()).toHaveLength(3000);
    expect(api.stats.serverErrors).toBeGreaterThan(0);
  });

  it('reads every Messaging Service with its numbers, inbound fields and A2P registration', async () => {
    const [a, b, c] = api.addNumbers(3);
    const overriding = api.addService('Marketing', false, [a?.sid ?? '', b?.sid ?? ''], {
      us_app_to_person_registered: true,
      fallback_method: 'get',
    });
    const deferring = api.addService('Deferring', true, [c?.sid ?? '']);
    api.addService('Empty', false, []);
    expect(await numbersApi().listServices()).toEqual([
      {
        sid: overriding.sid,
        friendlyName: 'Marketing',
        inboundRequestUrl: 'https://example.com/service-inbound',
        inboundMethod: 'POST',
        fallbackUrl: '',
        fallbackMethod: 'GET',
        useInboundWebhookOnNumber: false,
        a2pRegistered: true,
        numberSids: [a?.sid, b?.sid],
      },
      expect.objectContaining({ sid: deferring.sid, inboundRequestUrl: '', useInboundWebhookOnNumber: true }),
      expect.objectContaining({ friendlyName: 'Empty', numberSids: [] }),
    ]);
  });

  it('reads services, their numbers and toll-free verifications 1000 a page (one request for 60 each)', async () => {
    const numbers = api.addNumbers(60);
    const sids = numbers.map((n) => n.sid);
    for (let i = 0; i < 59; i++) api.addService(`Service ${i}`, true, []);
    const big = api.addService('Big', false, sids);
    for (const sid of sids) api.addTollfreeVerification(sid, 'IN_REVIEW');
    const services = await numbersApi().listServices();
    expect(services).toHaveLength(60);
    expect(services.at(-1)?.numberSids).toEqual(sids);
    expect((await numbersApi().listTollfreeVerifications()).size).toBe(60);
    const reads = (path: string) => api.requests.filter((r) => r.path === path).map((r) => r.query);
    expect(reads('/v1/Services')).toEqual(['?PageSize=1000']);
    expect(reads(`/v1/Services/${big.sid}/PhoneNumbers`)).toEqual(['?PageSize=1000']);
    expect(reads('/v1/Tollfree/Verifications')).toEqual(['?PageSize=1000']);
  });

  it('updates a Messaging Service (parameters as Twilio names them) and reads toll-free verifications', async () => {
    const [tollFree, other] = [api.addNumber('+18005550100'), api.addNumber('+18885550100')];
    const service = api.addService('Marketing', false, []);
    await numbersApi().updateService(service.sid, {
      inboundRequestUrl: 'https://x.example/sms',
      inboundMethod: 'POST',
      fallbackUrl: '',
      useInboundWebhookOnNumber: true,
    });
    expect(api.requests.at(-1)?.form).toEqual({
      InboundRequestUrl: 'https://x.example/sms',
      InboundMethod: 'POST',
      FallbackUrl: '',
      UseInboundWebhookOnNumber: 'true',
    });
    expect(api.service(service.sid)).toMatchObject({
      inbound_request_url: 'https://x.example/sms',
      fallback_url: null,
      use_inbound_webhook_on_number: true,
    });
    api.addTollfreeVerification(tollFree.sid, 'TWILIO_REJECTED');
    api.addTollfreeVerification(tollFree.sid, 'TWILIO_APPROVED');
    api.addTollfreeVerification(other.sid, 'IN_REVIEW');
    expect(await numbersApi().listTollfreeVerifications()).toEqual(
      new Map([
        [tollFree.sid, ['TWILIO_REJECTED', 'TWILIO_APPROVED']],
        [other.sid, ['IN_REVIEW']],
      ]),
    );
  });

  it('turns a 401 into CredentialsError naming the variables, without the token', async () => {
    const error = await numbersApi('wrong-token-value')
      .listNumbers()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(String((error as Error).message)).toContain('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    expect(String((error as Error).message)).not.toContain('wrong-token-value');
  });
});
