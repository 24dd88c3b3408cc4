import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { validate } from '../config/issues';
import { InputError } from './errors';

/** Written by `npm run deploy` (src/deploy): where this project's functions answer. */
export const DEPLOY_RECORD = join('.twilioserverless', 'deploy.json');

const DeployRecordSchema = v.object({
  accountSid: v.string(),
  serviceSid: v.string(),
  environment: v.string(),
  domain: v.string(),
  functions: v.record(v.string(), v.string()),
});
export type DeployRecord = v.InferOutput<typeof DeployRecordSchema>;

/** The record, or undefined when the project was never deployed from here. Malformed: InputError. */
export async function readDeployRecord(cwd: string): Promise<DeployRecord | undefined> {
  let text: string;
  try {
    text = await readFile(join(cwd, DEPLOY_RECORD), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError([`${DEPLOY_RECORD} is not JSON. Run \`npm run deploy\` again to rewrite it.`]);
  }
  const { output, problems } = validate(DeployRecordSchema, data);
  if (output === undefined) {
    throw new InputError(problems.map((p) => `${DEPLOY_RECORD}: ${p.where}: ${p.message}. Run \`npm run deploy\` again to rewrite it.`));
  }
  return output;
}

/** `--function /sms` -> its URL, refusing a deployment of another account (its signatures would not match). */
export async function functionUrl(cwd: string, path: string, accountSid: string): Promise<string> {
  const record = await readDeployRecord(cwd);
  if (record === undefined) {
    throw new InputError([`--function ${path}: ${DEPLOY_RECORD} does not exist. Run \`npm run deploy\` first, or give --url.`]);
  }
  if (record.accountSid !== accountSid) {
    throw new InputError([
      `--function ${path}: ${DEPLOY_RECORD} records a deployment to account ${record.accountSid}, not ${accountSid} (these credentials). ` +
        'A protected function checks signatures with its own account\'s token, so numbers of another account would get 401s. ' +
        'Deploy to this account with `npm run deploy`, or give --url.',
    ]);
  }
  const normalised = path.startsWith('/') ? path : `/${path}`;
  const url = record.functions[normalised];
  if (url === undefined) {
    const known = Object.keys(record.functions).join(', ') || 'none';
    throw new InputError([`--function ${path}: not a function of the last deployment (known: ${known}).`]);
  }
  return url;
}
