import { policyForMode, policyForNumber } from '../config/resolve';
import { route } from '../routing/route';
import type { Mode } from '../routing/rule';
import { envConfig, routedConfig, storeFor } from './config';
import { webhookHandler } from './handler';
import { log } from './log';

const storeError = (sid: string) => (cause: unknown) => log.error(sid, 'Twilio Sync failed; routed without memory', cause);

/** A fixed-mode endpoint (/auto-reply, /forward, /ignore): the environment alone decides. */
export const fixedMode = (mode: Mode) =>
  webhookHandler((context, message) => {
    const env = envConfig(context);
    return route(message, policyForMode(env, mode), new Date(), storeFor(context, env), storeError(message.sid));
  });

/** The router (/sms): the receiving number's entry in the routing file decides. */
export const router = () =>
  webhookHandler((context, message) => {
    const config = routedConfig(context);
    const store = storeFor(context, config.env);
    return route(message, policyForNumber(config, message.to), new Date(), store, storeError(message.sid));
  });
