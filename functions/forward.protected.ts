// POST /forward: forwards every message to FORWARD_TO. Reads only the environment.
import { ruleForMode } from '../src/config/resolve';
import { decide } from '../src/routing/decide';
import { envConfig } from '../src/runtime/config';
import { webhookHandler } from '../src/runtime/handler';

export const handler = webhookHandler((env, message) => decide(message, ruleForMode(envConfig(env), 'forward')));
