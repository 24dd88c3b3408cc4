// POST /forward: forwards every message to FORWARD_TO. Reads only the environment.
import { fixedMode } from '../src/runtime/endpoints';

export const handler = fixedMode('forward');
