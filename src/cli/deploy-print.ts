// Everything `npm run deploy` prints about what it uploads: names and URLs (through redactUrl, as
// every URL deploy prints), never a variable's value.
import type { DeployConfig } from '../deploy/config';
import type { Deployed } from '../deploy/deploy';
import type { Upload, Uploads } from '../deploy/files';
import { RECORD_FILE } from '../deploy/record';
import type { ServiceTarget } from '../deploy/service';
import type { DeployVariables } from '../deploy/variables';
import { redactUrl } from '../redact/url';
import { table } from './table';

type Write = (line: string) => void;

/** Rows as a table indented under a heading. */
const indented = (write: Write, rows: readonly (readonly string[])[]): void => {
  for (const line of table(rows)) write(`  ${line}`);
};

/** The landing page is meant to be public; any other public asset is worth a second look before it deploys. */
export const PUBLIC_NOTE = 'public: anyone with the URL can read it';
const note = (item: Upload, kind: 'functions' | 'assets'): string[] =>
  kind === 'assets' && item.access === 'public' && item.path !== '/index.html' ? [PUBLIC_NOTE] : [];

const uploads = (write: Write, title: string, items: readonly Upload[], kind: 'functions' | 'assets'): void => {
  write(`${title} (${items.length}):`);
  indented(
    write,
    items.map((item) => [item.path, item.access, ...note(item, kind)]),
  );
};

export function printVariables(write: Write, variables: DeployVariables): void {
  const names = Object.keys(variables.upload).sort();
  write(`Variables (${names.length}): ${names.length === 0 ? 'none' : names.join(', ')}`);
  if (variables.withheld.length > 0)
    write(`Not uploaded (credentials stay on this machine): ${variables.withheld.join(', ')}`);
  if (variables.withheldSecrets.length > 0)
    write(
      `Not uploaded (the value is the auth token or an API secret; ` +
        `the deployed functions get credentials in context): ${variables.withheldSecrets.join(', ')}`,
    );
  if (variables.localOnly.length > 0)
    write(
      'Not uploaded (for this machine only: set by npm start and npm run dev, or a test hook): ' +
        variables.localOnly.join(', '),
    );
}

export interface PlanView {
  readonly config: DeployConfig;
  /** Undefined when it could not be looked up (a dry run without credentials). */
  readonly target?: ServiceTarget;
  /** The environment's domain if it exists already. */
  readonly domain?: string;
  readonly files: Uploads;
  readonly variables: DeployVariables;
}

export function printPlan(write: Write, plan: PlanView): void {
  const { config, target } = plan;
  write('Dry run: nothing is uploaded or changed.');
  write(
    target === undefined
      ? `Service: ${config.serviceName} (not looked up: no credentials)`
      : target.kind === 'existing'
        ? `Service: ${target.uniqueName} (${target.serviceSid}, from ${target.source})`
        : `Service: ${target.uniqueName} (new: created by the deploy)`,
  );
  write(
    `Environment: ${config.environment} (${
      plan.domain !== undefined
        ? redactUrl(`https://${plan.domain}`)
        : target === undefined
          ? 'not looked up'
          : 'created by the deploy; its domain is assigned then'
    })`,
  );
  write(`Runtime: ${config.runtime}`);
  const dependencies = Object.entries(config.pkgJson.dependencies).map(([name, version]) => `${name} ${version}`);
  write(`Dependencies: ${dependencies.length === 0 ? 'none' : dependencies.join(', ')}`);
  uploads(write, `Functions from ${config.functionsFolder}`, plan.files.functions, 'functions');
  uploads(write, `Assets from ${config.assetsFolder}`, plan.files.assets, 'assets');
  printVariables(write, plan.variables);
}

export function printDeployed(write: Write, deployed: Deployed, environment: string): void {
  write(`Deployed ${deployed.serviceName} (${deployed.serviceSid}) to ${environment}, build ${deployed.buildSid}:`);
  indented(
    write,
    deployed.functions.map((f) => [f.path, redactUrl(f.url)]),
  );
  write(`Recorded in ${RECORD_FILE}.`);
}

/** Where the functions' logs are: Twilio Console's page of the environment, as twilio-run links it. */
export const consoleUrl = (serviceSid: string, environmentSid: string, region = 'us1'): string =>
  `https://console.twilio.com/${region}/develop/functions/editor/${serviceSid}/environment/${environmentSid}`;

export function printLogsHint(
  write: Write,
  where: { serviceSid: string; environmentSid: string; environment: string; region?: string },
): void {
  write(`Logs: npm run logs -- --environment ${where.environment} --tail`);
  write(`  or in the Console: ${redactUrl(consoleUrl(where.serviceSid, where.environmentSid, where.region))}`);
}
