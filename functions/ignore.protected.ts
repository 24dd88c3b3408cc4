// POST /ignore: answers <Response/>: nothing is sent. Reads no configuration at all.
import { ignoreAll } from '../src/runtime/endpoints';

export const handler = ignoreAll();
