// POST /ignore: answers <Response/>: nothing is sent. Reads only the environment.
import { fixedMode } from '../src/runtime/endpoints';

export const handler = fixedMode('ignore');
