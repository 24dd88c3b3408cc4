// The Functions runtime's globals: `Twilio` (the helper library) and `Runtime` (assets, functions, Sync).
import '@twilio-labs/serverless-runtime-types';
