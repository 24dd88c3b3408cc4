// `npm run deploy -- ...`: the flags, parsed and checked; every failure is exit code 2 (help: 0).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SERVICE_MODES, type ServiceMode } from '../numbers/attach-plan';
import { PRODUCTION } from '../deploy/config';
import { isSid, sidShape } from '../twilio/sid';
import { parseOrExitCode, program, type Output } from './parse';
import { EXIT } from './exit';

export interface DeployArgs {
  /** `--environment`, or `production` for `--production`. */
  readonly environment?: string;
  /** `--env <file>`: the variables to deploy (and check the build with) instead of `.env`. */
  readonly envFile?: string;
  /** `--rollback`: activate the build live before the current one; nothing is built or uploaded. */
  readonly rollback: boolean;
  /** Numbers to attach after the deploy, as typed; empty: attach nothing. */
  readonly attach: readonly string[];
  /** The function whose URL the numbers get. */
  readonly functionPath: string;
  readonly serviceSid?: string;
  readonly dryRun: boolean;
  /** Passed to the attach: the region for numbers typed without a country code, and a fallback URL. */
  readonly country?: string;
  readonly fallbackUrl?: string;
  /** Passed to the attach: what to do with a number whose Messaging Service answers for it. */
  readonly messagingService?: ServiceMode;
}

export type ParsedDeployArgs =
  { readonly kind: 'run'; readonly args: DeployArgs } | { readonly kind: 'exit'; readonly code: number };

export const DEFAULT_FUNCTION = '/sms';

function functionPath(value: string): string {
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(value))
    throw new InvalidArgumentError(`"${value}" is not a function path: give it as deployed, e.g. /sms.`);
  return value;
}

function serviceSid(value: string): string {
  if (!isSid('ZS', value)) throw new InvalidArgumentError(`"${value}" is not a service SID (${sidShape('ZS')}).`);
  return value;
}

const HELP = `
Builds (as npm run build), then deploys dist/ to Twilio Functions: service name from
.twilioserverlessrc "serviceName" or package.json "name", runtime from .twilioserverlessrc (node22).
Variables from .env (or --env <file>) are uploaded, except ACCOUNT_SID, AUTH_TOKEN, every TWILIO_*
name, any whose value is the auth token or API secret, and the local-only SWITCHBOARD_* ones.
Each environment's result is recorded in .twilioserverless/deploy.json (read by npm run numbers --
attach --function, deploy --rollback and npm run logs).

Environments are named by their domain suffix (dev, stage); production is the one without a suffix.
--rollback activates the build that was live before the current one in that environment (a second
rollback goes one further back). Variables are not versioned by Twilio and are not rolled back.

Credentials: TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET with
TWILIO_ACCOUNT_SID, else ACCOUNT_SID + AUTH_TOKEN in .env.

Exit codes: 0 done; 1 the deploy failed, or some numbers failed to attach; 2 invalid input or
configuration (nothing written); 3 credentials missing or rejected.

Examples:
  npm run deploy
  npm run deploy -- --dry-run --attach +15005550006
  npm run deploy -- --environment stage --attach +15005550006 "(555) 123-4567" --function /sms
  npm run deploy -- --attach +15005550006 --messaging-service defer
  npm run deploy -- --production --env .env.production
  npm run deploy -- --rollback --environment production --dry-run`;

function deployProgram(output: Output): Command {
  const what = 'Builds and deploys the functions to Twilio, and optionally points numbers at one of them.';
  return program('npm run deploy --', what, output)
    .option(
      '--environment <name>',
      'the environment to deploy to: its domain suffix (default: dev), or production for the one without',
    )
    .option('--production', 'the production environment (no domain suffix): --environment production', false)
    .option('--env <file>', 'the variables to upload, from this file instead of .env (e.g. .env.production)')
    .option(
      '--rollback',
      'activate the build live before the current one in the environment; uploads nothing, ' +
        'and leaves the variables as they are',
      false,
    )
    .option(
      '--attach <numbers...>',
      'then attach the function to these numbers (E.164, PN SIDs, ' +
        'or as people type them), as npm run numbers -- attach does',
    )
    .option('--function <path>', 'the function --attach points the numbers at', functionPath, DEFAULT_FUNCTION)
    .option('--country <code>', 'with --attach: the region of numbers typed without a country code (default US)')
    .option('--fallback-url <url>', 'with --attach: the URL Twilio calls when the function fails (SmsFallbackUrl)')
    .addOption(
      new Option(
        '--messaging-service <way>',
        'with --attach, for numbers whose Messaging Service answers for them (without it: refused, exit 2): ' +
          "defer = the service uses each number's own URL; url = the service's URL becomes the function's; " +
          'skip = leave such numbers out',
      ).choices(SERVICE_MODES),
    )
    .option(
      '--service-sid <sid>',
      'deploy to this existing service (ZS...), e.g. one this checkout has no record of',
      serviceSid,
    )
    .option('--dry-run', 'build and show what would be uploaded and which numbers would change; write nothing', false)
    .addHelpText('after', HELP);
}

interface Options {
  readonly environment?: string;
  readonly production: boolean;
  readonly env?: string;
  readonly rollback: boolean;
  readonly attach?: string[];
  readonly function: string;
  readonly serviceSid?: string;
  readonly dryRun: boolean;
  readonly country?: string;
  readonly fallbackUrl?: string;
  readonly messagingService?: ServiceMode;
}

export function parseDeployArgs(argv: readonly string[], output: Output): ParsedDeployArgs {
  const command = deployProgram(output);
  const code = parseOrExitCode(command, argv);
  if (code !== undefined) return { kind: 'exit', code };
  const options = command.opts<Options>();
  for (const flag of ['function', 'country', 'fallbackUrl', 'messagingService']) {
    if (command.getOptionValueSource(flag) === 'cli' && options.attach === undefined) {
      const name = `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      output.err(`error: ${name} goes with --attach: give --attach <numbers...> too.`);
      return { kind: 'exit', code: EXIT.invalidInput };
    }
  }
  if (options.production && options.environment !== undefined && options.environment !== PRODUCTION) {
    output.err(
      `error: --production is --environment ${PRODUCTION}: give one of them, not --environment ${options.environment}.`,
    );
    return { kind: 'exit', code: EXIT.invalidInput };
  }
  if (options.rollback) {
    const deployOnly = [
      ['--attach', options.attach !== undefined],
      ['--env', options.env !== undefined],
      ['--service-sid', options.serviceSid !== undefined],
    ].filter(([, given]) => given);
    if (deployOnly.length > 0) {
      output.err(
        `error: ${deployOnly.map(([name]) => name).join(', ')} ` +
          `go${deployOnly.length === 1 ? 'es' : ''} with a deploy, ` +
          'not --rollback: a rollback activates a build already made, in the service the record names, ' +
          'and leaves the variables as they are.',
      );
      return { kind: 'exit', code: EXIT.invalidInput };
    }
  }
  return {
    kind: 'run',
    args: {
      environment: options.production ? PRODUCTION : options.environment,
      envFile: options.env,
      rollback: options.rollback,
      attach: options.attach ?? [],
      functionPath: options.function,
      serviceSid: options.serviceSid,
      dryRun: options.dryRun,
      country: options.country,
      fallbackUrl: options.fallbackUrl,
      messagingService: options.messagingService,
    },
  };
}
