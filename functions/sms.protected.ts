// POST /sms: the router. The receiving number's entry in the routing file decides.
import { ruleForNumber } from '../src/config/resolve';
import { decide } from '../src/routing/decide';
import { routedConfig } from '../src/runtime/config';
import { webhookHandler } from '../src/runtime/handler';

export const handler = webhookHandler((env, message) => decide(message, ruleForNumber(routedConfig(env), message.to)));
