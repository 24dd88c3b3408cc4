// Headless Chromium for tests: Debian's `chromium` package driven by playwright-core, which
// downloads no browser of its own. Only 127.0.0.1 is loaded; the flags keep Chromium itself quiet.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const INSTALL = 'Install it with `apt-get update && apt-get install -y chromium` (Debian, Ubuntu)';

export const INSTALL_HINT =
  `Chromium is not installed at ${CHROMIUM_PATH}, so the browser tests are skipped. ` +
  `${INSTALL}, then run \`npm test\` again.`;

export const MISSING_IN_CI =
  `Chromium is not installed at ${CHROMIUM_PATH}, and with CI set the browser tests fail rather than skip: ` +
  `a green CI run must have run them. ${INSTALL}; .ci/run does.`;

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

/** CI systems set CI (`.ci/run` exports CI=true); empty, "0" and "false" mean a developer's machine. */
function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * What the browser tests do here: run; skip, on a developer's machine without Chromium (with
 * INSTALL_HINT); or fail, in CI without Chromium (with MISSING_IN_CI), so no CI run passes untested.
 */
export function browserTestMode(env: NodeJS.ProcessEnv, installed: boolean): 'run' | 'skip' | 'fail' {
  if (installed) return 'run';
  return isCi(env) ? 'fail' : 'skip';
}

const ARGS = [
  '--headless',
  '--no-sandbox', // tests run as root in containers, where Chromium's sandbox cannot start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Each launch gets a fresh profile: Playwright passes --user-data-dir with a new temporary
 * directory and deletes it on close (checked on chrome://version), so no state leaks between runs.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * A number computed in the page, from an expression such as `window.innerWidth`. Test code is
 * type-checked without the DOM library, so page-side code is written as a string and its result checked.
 */
export async function pageNumber(page: Page, expression: string): Promise<number> {
  const value: unknown = await page.evaluate(expression);
  if (typeof value !== 'number') throw new Error(`${expression} gave ${String(value)}, not a number`);
  return value;
}
