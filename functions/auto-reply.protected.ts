// POST /auto-reply: replies to the sender with AUTO_REPLY_MESSAGE. Reads only the environment.
import { fixedMode } from '../src/runtime/endpoints';

export const handler = fixedMode('auto-reply');
