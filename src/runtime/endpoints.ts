import { route } from '../routing/route';
import type { Mode } from '../routing/rule';
import { configurationFor } from './config';
import { webhookHandler, type HandlerWorld, type RuntimeContext } from './handler';
import { memoryFor } from './memory';

/** The email and Slack settings, from the configuration the route has just read (cached). */
const settingsOf = (context: RuntimeContext) => configurationFor(context).config.env.deliveries;

/** A fixed-mode endpoint (/auto-reply, /forward): the environment decides what happens. */
export const fixedMode = (mode: Mode, world?: HandlerWorld) =>
  webhookHandler(
    (context, message) => {
      const { config, policies } = configurationFor(context);
      const memory = memoryFor(context, config.env, message.sid);
      return route(message, policies.forMode(mode), new Date(), memory?.store, memory?.onError);
    },
    { settingsOf, world },
  );

/** The router (/sms): the receiving number's entry in the routing file decides. */
export const router = (world?: HandlerWorld) =>
  webhookHandler(
    (context, message) => {
      const { config, policies } = configurationFor(context);
      const memory = memoryFor(context, config.env, message.sid);
      return route(message, policies.forNumber(message.to), new Date(), memory?.store, memory?.onError);
    },
    { settingsOf, world },
  );

/** /ignore: every message is answered <Response/>, whatever the configuration, so none is read. */
export const ignoreAll = () => webhookHandler(() => ({ messages: [] }));
