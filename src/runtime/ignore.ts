import type { Decision } from '../routing/decide';
import { webhookHandler } from './handler';

const IGNORED: Decision = { messages: [] };

/**
 * /ignore: every message is answered <Response/>, whatever the configuration, so none is read.
 * Its own module: ./endpoints.ts imports the configuration's schemas, which would be bundled.
 */
export const ignoreAll = () => webhookHandler(() => IGNORED);
