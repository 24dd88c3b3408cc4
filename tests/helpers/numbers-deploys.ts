import { writeDeployRecord, type DeployRecord } from '../../src/deploy/record';

/** A Functions domain of the service "switchboard-1234": `dev` on its suffix, production on none. */
export const domainOf = (environment: string): string =>
  environment === 'production' ? 'switchboard-1234.twil.io' : `switchboard-1234-${environment}.twil.io`;

/**
 * Records a deploy of `environment` in `cwd` as `npm run deploy` does (.twilioserverless/deploy.json,
 * one record per environment), with its /sms function on domainOf(environment).
 */
export async function recordDeploy(
  cwd: string,
  accountSid: string,
  environment: string,
  deployedAt: string,
): Promise<DeployRecord> {
  const domain = domainOf(environment);
  const record: DeployRecord = {
    accountSid,
    serviceSid: `ZS${'1'.repeat(32)}`,
    environment,
    domain,
    functions: { '/sms': `https://${domain}/sms` },
    deployedAt,
  };
  await writeDeployRecord(cwd, record);
  return record;
}
