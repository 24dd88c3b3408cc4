import {
  RECORD_FILE as DEPLOY_RECORD,
  pickDeployRecord,
  readDeployRecords,
  type DeployRecords,
} from '../deploy/record';
import { InputError } from '../errors/input-error';
import type { ProjectDomains } from './types';

async function readRecords(cwd: string) {
  const { records, problem } = await readDeployRecords(cwd);
  if (problem !== undefined) throw new InputError([`${problem}. Run \`npm run deploy\` again to rewrite it.`]);
  return records;
}

/**
 * The domain of every environment deployed to `accountSid` -> the environment's name. Another
 * account's records are left out: numbers of this account cannot reach those functions (their
 * signatures are checked with the other account's token).
 */
export function projectDomains(records: DeployRecords, accountSid: string): ProjectDomains {
  return new Map(
    Object.entries(records)
      .filter(([, record]) => record.accountSid === accountSid)
      .map(([environment, record]) => [record.domain.toLowerCase(), environment] as const),
  );
}

/**
 * This account's deployed domains (src/deploy/record.ts keeps one record per environment); none
 * when the project was never deployed from here. A damaged record stops the command: it would
 * misname numbers' routing.
 */
export async function readProjectDomains(cwd: string, accountSid: string): Promise<ProjectDomains> {
  return projectDomains(await readRecords(cwd), accountSid);
}

/**
 * `--function /sms` -> its URL in `environment` (without one: the only environment deployed),
 * refusing a deployment of another account (its signatures would not match).
 */
export async function recordedFunctionUrl(
  cwd: string,
  path: string,
  accountSid: string,
  environment?: string,
): Promise<string> {
  const records = await readRecords(cwd);
  const picked = Object.keys(records).length === 0 ? {} : pickDeployRecord(records, environment);
  if (picked.problem !== undefined) throw new InputError([`--function ${path}: ${picked.problem}.`]);
  const record = picked.record;
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
    throw new InputError([
      `--function ${path}: not a function of the ${record.environment} deployment (known: ${known}).`,
    ]);
  }
  return url;
}
