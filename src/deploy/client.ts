// The one place a Serverless API client is made (its errors are read by src/twilio/errors.ts).
import { TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import type { Credentials } from '../twilio/credentials';
import { redirectRequests } from './base-url';

export function createServerlessClient(credentials: Credentials, origin?: URL): TwilioServerlessApiClient {
  const api = new TwilioServerlessApiClient({ username: credentials.username, password: credentials.password });
  if (origin !== undefined) redirectRequests(api, origin);
  return api;
}
