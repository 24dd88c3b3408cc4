import { RECORD_FILE as DEPLOY_RECORD, readDeployRecord as readRecord, type DeployRecord } from '../deploy/record';
import { InputError } from './errors';

/**
 * The record `npm run deploy` writes (src/deploy/record.ts), or undefined when the project was
 * never deployed from here. A damaged record stops the command: it would name the wrong URL.
 */
export async function readDeployRecord(cwd: string): Promise<DeployRecord | undefined> {
  const { record, problem } = await readRecord(cwd);
  if (problem !== undefined) throw new InputError([`${problem}. Run \`npm run deploy\` again to rewrite it.`]);
  return record;
}

/** `--function /sms` -> its URL, refusing a deployment of another account (its signatures would not match). */
export async function functionUrl(cwd: string, path: string, accountSid: string): Promise<string> {
  const record = await readDeployRecord(cwd);
  if (record === undefined) {
    throw new InputError([
      `--function ${path}: ${DEPLOY_RECORD} does not exist. Run \`npm run deploy\` first, or give --url.`,
    ]);
  }
  if (record.accountSid !== accountSid) {
    throw new InputError([
      `--function ${path}: ${DEPLOY_RECORD} records a deployment to ` +
        `account ${record.accountSid}, not ${accountSid} (these credentials). ` +
        "A protected function checks signatures with its own account's token, " +
        'so numbers of another account would get 401s. ' +
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
