import { kindOf } from '../routing/targets';
import type { EnvConfig } from './env';
import { error, type Problem } from './problem';

/**
 * An email or Slack target whose provider is not configured would be dropped at every message:
 * the build refuses it, saying what to set (once per list, however many addresses it holds). The
 * functions log the same problem: it names no address (an address in a log is personal data).
 * A variable in `refused` is set but invalid: its own problem says what to fix, not "not set".
 */
export function deliveryProblems(
  where: string,
  env: EnvConfig,
  targets: readonly string[],
  refused: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const { sendgridApiKey, emailFrom, slackWebhookUrl } = env.deliveries;
  const email = targets.some((target) => kindOf(target) === 'email');
  const unset = (name: string, value: string | undefined): string[] =>
    value === undefined && !refused.has(name) ? [name] : [];
  const missing = [...unset('SENDGRID_API_KEY', sendgridApiKey), ...unset('EMAIL_FROM', emailFrom)];
  if (email && missing.length > 0) {
    problems.push(
      error(
        where,
        `forwards by email, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: ` +
          'create a SendGrid API key with the Mail Send permission (SendGrid > Settings > API Keys) ' +
          'for SENDGRID_API_KEY, and set EMAIL_FROM to a sender verified in SendGrid ' +
          '(Settings > Sender Authentication); or remove the address',
      ),
    );
  }
  if (targets.some((target) => kindOf(target) === 'slack') && unset('SLACK_WEBHOOK_URL', slackWebhookUrl).length > 0) {
    problems.push(
      error(
        where,
        'forwards to slack, but SLACK_WEBHOOK_URL is not set: add an incoming webhook to the Slack channel ' +
          '(https://api.slack.com/messaging/webhooks) and set SLACK_WEBHOOK_URL to its URL; or remove slack',
      ),
    );
  }
  return problems;
}
