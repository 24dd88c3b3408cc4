/** An argument as a POSIX shell reads it back: as it is when that is safe, else single-quoted. */
export const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** How to run a command again (a backup records it): `npm run numbers -- attach '(555) 123-4567'`. */
export const commandLine = (script: string, argv: readonly string[]): string =>
  [`npm run ${script} --`, ...argv.map(quote)].join(' ');
