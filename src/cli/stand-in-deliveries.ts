// The email and Slack part of `npm run stand-in`: the SendGrid and Slack webhook stand-ins, each
// printing what it receives, and the lines that point the functions at them.
import { startSendGridStandIn, type SendGridStandIn } from '../stand-in/sendgrid-api';
import { startSlackStandIn, type SlackStandIn } from '../stand-in/slack-webhook';

/** What the functions authenticate with: fixed, so the lines to paste stay the same every run. */
export const STAND_IN_SENDGRID = { apiKey: 'SG.stand-in.0000000000000000000000', from: 'switchboard@example.com' };

export interface DeliveryStandIns {
  readonly sendgrid: SendGridStandIn;
  readonly slack: SlackStandIn;
  close(): Promise<void>;
}

const payload = (json: unknown): string => JSON.stringify(json, null, 2);

/** Both stand-ins, or neither: a port in use rejects with the error of its listen (code, port). */
export async function startDeliveryStandIns(
  ports: { readonly sendgrid: number; readonly slack: number },
  out: (text: string) => void,
): Promise<DeliveryStandIns> {
  const sendgrid = await startSendGridStandIn({
    apiKey: STAND_IN_SENDGRID.apiKey,
    verifiedSenders: [STAND_IN_SENDGRID.from],
    port: ports.sendgrid,
    onMail: (mail) => out(`\nSendGrid stand-in: accepted a mail (202):\n${payload(mail)}`),
  });
  let slack: SlackStandIn;
  try {
    slack = await startSlackStandIn({
      port: ports.slack,
      onMessage: (message) => out(`\nSlack stand-in: accepted a message (200 ok):\n${payload(message)}`),
    });
  } catch (cause) {
    await sendgrid.close();
    throw cause;
  }
  return { sendgrid, slack, close: async () => void (await Promise.all([sendgrid.close(), slack.close()])) };
}

export function deliveryLines({ sendgrid, slack }: DeliveryStandIns): string[] {
  return [
    '',
    `SendGrid stand-in (email forwards): ${sendgrid.origin}`,
    `Slack webhook stand-in (Slack forwards): ${slack.url}`,
    'For email and Slack targets, put these lines in .env (the functions read .env, not the shell):',
    `SENDGRID_API_KEY=${STAND_IN_SENDGRID.apiKey}`,
    `EMAIL_FROM=${STAND_IN_SENDGRID.from}`,
    `SENDGRID_API_BASE_URL=${sendgrid.origin}`,
    `SLACK_WEBHOOK_URL=${slack.url}`,
    'then `npm start -- --send` (without --send, npm start prints deliveries instead of sending them).',
    'What the stand-ins receive is printed here.',
  ];
}
