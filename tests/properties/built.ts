/**
 * The built functions (dist/functions/*.js from buildProject, in a temp copy of the sources),
 * loaded as the runtime loads them: `require(file).handler`, with the real twilio package as the
 * `Twilio` global and `Runtime.getAssets()` serving private assets from disk.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOnce, type TempProject } from '../helpers/project';
import { assetsFrom, installRuntime, installTwilio } from '../helpers/runtime-globals';

export const ENDPOINTS = ['auto-reply', 'forward', 'ignore', 'sms'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface Built {
  readonly project: TempProject;
  /** Every file the build wrote to dist/functions. */
  readonly files: readonly string[];
  handler(endpoint: Endpoint): ServerlessFunctionSignature;
  /**
   * Serves `routing` (text) as the private asset /routing.json, under a fresh path: the functions
   * cache the parsed file by its path, as deployed assets never change under one.
   */
  serveRouting(routing: string | undefined): Promise<void>;
}

export async function loadBuilt(): Promise<Built> {
  const project = await buildOnce();
  const dir = join(project.dir, 'dist', 'functions');
  const files = await readdir(dir);
  const handlers = new Map<Endpoint, ServerlessFunctionSignature>();
  for (const endpoint of ENDPOINTS) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads a built CommonJS file by its path
    const loaded = require(join(dir, `${endpoint}.protected.js`)) as { handler?: ServerlessFunctionSignature };
    if (typeof loaded.handler !== 'function')
      throw new Error(`dist/functions/${endpoint}.protected.js exports no handler`);
    handlers.set(endpoint, loaded.handler);
  }
  installTwilio();
  const routingDir = join(project.dir, 'routing');
  await mkdir(routingDir, { recursive: true });
  let served = 0;
  return {
    project,
    files,
    handler: (endpoint) => handlers.get(endpoint) as ServerlessFunctionSignature,
    async serveRouting(routing) {
      if (routing === undefined) return installRuntime(() => ({}));
      const path = join(routingDir, `routing-${++served}.private.json`);
      await writeFile(path, routing);
      const assets = assetsFrom({ '/routing.json': path });
      installRuntime(() => assets);
    },
  };
}
