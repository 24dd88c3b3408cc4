import type { EnvConfig } from '../config/env';
import type { Config } from '../config/load';
import { policyForMode, policyForNumber } from '../config/resolve';
import type { Policy } from '../routing/policy';
import { route } from '../routing/route';
import type { Mode } from '../routing/rule';
import { envConfig, routedConfig } from './config';
import { webhookHandler } from './handler';
import { memoryFor } from './memory';

const clock = (): Date => new Date();

/** Receiving numbers are the account's own, but a long-lived instance keeps no unbounded map. */
const MAX_CACHED_POLICIES = 1000;

/**
 * A policy is a pure function of the configuration (the same object while it is unchanged, see
 * ./config.ts) and the receiving number: built once per configuration and number, not per message
 * (building one parses business hours, copies lists and fills maps).
 */
function policies<C extends object>(build: (config: C, number: string) => Policy) {
  let cache: { config: C; byNumber: Map<string, Policy> } | undefined;
  return (config: C, number: string): Policy => {
    if (cache?.config !== config) cache = { config, byNumber: new Map() };
    let policy = cache.byNumber.get(number);
    if (policy === undefined) {
      policy = build(config, number);
      if (cache.byNumber.size >= MAX_CACHED_POLICIES) cache.byNumber.clear();
      cache.byNumber.set(number, policy);
    }
    return policy;
  };
}

/** A fixed-mode endpoint (/auto-reply, /forward): the environment alone decides. */
export const fixedMode = (mode: Mode) => {
  const policyFor = policies<EnvConfig>((env) => policyForMode(env, mode));
  return webhookHandler((context, message) => {
    const env = envConfig(context);
    const memory = memoryFor(context, env, message.sid);
    return route(message, policyFor(env, ''), clock, memory?.store, memory?.onError);
  });
};

/** The router (/sms): the receiving number's entry in the routing file decides. */
export const router = () => {
  const policyFor = policies<Config>(policyForNumber);
  return webhookHandler((context, message) => {
    const config = routedConfig(context);
    const memory = memoryFor(context, config.env, message.sid);
    return route(message, policyFor(config, message.to), clock, memory?.store, memory?.onError);
  });
};
