/**
 * The answer a built function gives one event, computed in this process with the runtime's globals
 * (as tests/helpers/runtime-globals.ts sets them): what a floor must answer too.
 */
import type { AssetResourceMap, ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { readFileSync } from 'node:fs';
import { contextWith, installRuntime, installTwilio, invoke } from '../tests/helpers/runtime-globals';
import { parseTwiml, type ParsedMessage } from '../tests/helpers/twiml';
import type { WebhookParams } from '../tests/fixtures';

export async function answerOf(
  path: string,
  event: WebhookParams,
  env: Readonly<Record<string, string>>,
  routing?: string,
): Promise<{ xml: string; messages: readonly ParsedMessage[] }> {
  installTwilio();
  installRuntime(() => {
    const assets: AssetResourceMap = {};
    if (routing !== undefined) assets['/routing.json'] = { path: routing, open: () => readFileSync(routing, 'utf8') };
    return assets;
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(path) as { handler: ServerlessFunctionSignature };
  const { error, twiml } = await invoke(handler, event, contextWith(env));
  if (error !== null) throw new Error(`${path} called back with an error: ${String(error)}`);
  return { xml: twiml, messages: parseTwiml(twiml).messages };
}
