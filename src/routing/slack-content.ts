import type { Facts, SlackDelivery } from './delivery';

/**
 * Slack reads `&`, `<` and `>` as markup (`<!channel>` notifies a whole channel, `<url|label>`
 * disguises a link): escaped, a text shows as written and mentions nobody.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
export const escapeSlack = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One message with the facts of the email. Picture URLs stand on their own lines, so Slack links
 * them and unfurls those it can fetch.
 */
export function slackMessage(facts: Facts): SlackDelivery {
  const lines = [
    `*${escapeSlack(facts.title)}* (${facts.received})`,
    ...(facts.keyword === undefined ? [] : [`_${escapeSlack(facts.keyword)}_`]),
    facts.text === '' ? '_(no text)_' : escapeSlack(facts.text),
    ...(facts.cut === undefined ? [] : [facts.cut]),
    ...(facts.pictures.length === 0 ? [] : ['Pictures:', ...facts.pictures.map(escapeSlack)]),
  ];
  return { kind: 'slack', payload: { text: lines.join('\n') } };
}
