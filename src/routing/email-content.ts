import type { EmailDelivery, Facts } from './delivery';

/** Everything from the message goes into HTML through this: a text can hold `<script>` as well as anything. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function plainText(facts: Facts): string {
  return [
    facts.title,
    `Received: ${facts.received}`,
    ...(facts.keyword === undefined ? [] : [facts.keyword]),
    '',
    facts.text === '' ? '(no text)' : facts.text,
    ...(facts.cut === undefined ? [] : ['', facts.cut]),
    ...(facts.pictures.length === 0 ? [] : ['', 'Pictures:', ...facts.pictures]),
    '',
  ].join('\n');
}

/** Small and plain: no styles beyond keeping the text's own line breaks. */
function html(facts: Facts): string {
  const paragraph = (text: string): string => `<p>${escapeHtml(text)}</p>`;
  const link = (url: string): string => `<li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`;
  return [
    '<!DOCTYPE html>',
    '<html><body>',
    `<p><strong>${escapeHtml(facts.title)}</strong><br>Received: ${escapeHtml(facts.received)}</p>`,
    ...(facts.keyword === undefined ? [] : [paragraph(facts.keyword)]),
    facts.text === '' ? '<p><em>(no text)</em></p>' : `<p style="white-space: pre-wrap">${escapeHtml(facts.text)}</p>`,
    ...(facts.cut === undefined ? [] : [paragraph(facts.cut)]),
    ...(facts.pictures.length === 0 ? [] : ['<p>Pictures:</p>', '<ol>', ...facts.pictures.map(link), '</ol>']),
    '</body></html>',
    '',
  ].join('\n');
}

/** The email to one address: subject, plain text and HTML with the same facts. */
export function emailTo(to: string, facts: Facts): EmailDelivery {
  return { kind: 'email', to, subject: facts.title, text: plainText(facts), html: html(facts) };
}
