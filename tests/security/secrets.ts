/** Recognisable secrets, and every form in which one could leak (as is, or inside Basic auth). */
export const SECRETS = {
  TWILIO_AUTH_TOKEN: 'tok3n5ecret0TWILIOAUTH',
  AUTH_TOKEN: 'tok3n5ecret1DOTENVAUTH',
  TWILIO_API_SECRET: 'tok3n5ecret2APISECRET',
} as const;

/** Which secrets (or Basic auth strings made with them) occur in `text`. */
export function leaked(
  text: string,
  users: readonly string[],
  secrets: readonly string[] = Object.values(SECRETS),
): string[] {
  const forms = secrets.flatMap((secret) => [
    secret,
    ...users.map((user) => Buffer.from(`${user}:${secret}`).toString('base64')),
  ]);
  return forms.filter((form) => text.includes(form));
}
