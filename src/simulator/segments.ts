/**
 * How many SMS segments a body takes, as Twilio counts them for `NumSegments`: GSM-7 text fits
 * 160 characters in one segment and 153 per segment when split; anything else is sent as UCS-2,
 * 70 code units in one segment and 67 when split.
 * https://www.twilio.com/docs/glossary/what-sms-character-limit
 */

// The GSM 03.38 basic character set, and the extension set whose characters cost two septets.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

function gsmSeptets(body: string): number | undefined {
  let septets = 0;
  for (const char of body) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else return undefined;
  }
  return septets;
}

export function countSegments(body: string): number {
  const septets = gsmSeptets(body);
  const [length, single, split] = septets === undefined ? [body.length, 70, 67] : [septets, 160, 153];
  return length <= single ? 1 : Math.ceil(length / split);
}
