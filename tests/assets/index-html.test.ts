// The public landing page, as a Quick Deploy user sees it: built, served by the real local runtime,
// loaded in headless Chromium. Screenshots land in tests/artifacts/ (gitignored).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  browserTestMode,
  hasChromium,
  INSTALL_HINT,
  launchChromium,
  MISSING_IN_CI,
  pageNumber,
} from '../helpers/browser';
import { serveBuiltProject, type ServedProject } from '../helpers/browser-serve';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Anything that looks like a phone number: "+" then 7 or more digits, spaces and punctuation allowed. */
const PHONE_LIKE = /\+\s*\d(?:[\s().-]*\d){6,}/;
/** Account, API key, phone number and service SIDs. */
const SID_LIKE = /\b(?:AC|SK|PN|ZS|MG|AP)[0-9a-fA-F]{32}\b/;

const mode = browserTestMode(process.env, hasChromium());
if (mode === 'skip') console.warn(INSTALL_HINT);
const describeInBrowser = mode === 'skip' ? describe.skip : describe;

interface Visit {
  readonly page: Page;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, as readable lines. */
  readonly problems: string[];
  /** Every http(s) URL the page requested. */
  readonly requests: string[];
}

describeInBrowser('assets/index.html in headless Chromium, served by twilio-run', () => {
  let site: ServedProject;
  let browser: Browser;

  beforeAll(async () => {
    if (mode === 'fail') throw new Error(MISSING_IN_CI);
    [site, browser] = await Promise.all([serveBuiltProject(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function visit(options: BrowserContextOptions): Promise<Visit> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on('request', (r) => /^https?:/.test(r.url()) && requests.push(r.url()));
    const response = await page.goto(`${site.origin}/index.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    return { page, problems, requests };
  }

  test('explains the service, lists its function URLs from its own origin, and shows nothing private', async () => {
    const { page, problems, requests } = await visit({ viewport: { width: 1280, height: 900 } });

    expect(await page.title()).toBe('SMS Switchboard');
    expect(await page.locator('h1').innerText()).toBe('SMS Switchboard');
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Function URLs',
      'Attach a phone number',
      'Troubleshooting',
    ]);

    // Exactly the webhook functions the build produced, each a full URL on the page's own origin.
    const shown = (await page.locator('.urls code').allInnerTexts()).sort();
    expect(shown).toEqual(site.functionPaths.map((path) => `${site.origin}${path}`));
    for (const url of shown) {
      const answer = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams({ From: 'x', To: 'y', Body: 'hi' }),
      });
      expect({ url, status: answer.status, body: (await answer.text()).includes('<Response') }).toEqual({
        url,
        status: 200,
        body: true,
      });
    }

    const text = await page.locator('body').innerText();
    for (const needed of [
      'Phone Numbers > Manage > Active numbers',
      'Messaging Configuration',
      'A message comes in',
      'npm run numbers -- attach --function /sms <number>',
      'Error 11200',
      'Messaging Service',
      'TwiML App',
      'STOP',
      'A2P 10DLC',
      'error 30034',
      'toll-free verification',
      'error 30032',
      'forwarding your own texts to your own phone still needs registration',
    ]) {
      expect(text).toContain(needed);
    }
    const html = await page.content();
    for (const source of [text, html]) {
      expect(source).not.toMatch(PHONE_LIKE);
      expect(source).not.toMatch(SID_LIKE);
    }

    await mkdir(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'index-html.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await readFile(screenshot)).subarray(0, 8)).toEqual(PNG_SIGNATURE);

    expect(problems).toEqual([]);
    expect(requests).toEqual([`${site.origin}/index.html`]);
  });

  test('fits a phone screen: the viewport meta is honoured and nothing scrolls sideways', async () => {
    const { page, problems } = await visit({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    // Without <meta name="viewport">, a mobile browser lays the page out 980 px wide and zooms out.
    expect(await pageNumber(page, 'window.innerWidth')).toBe(360);
    expect(await pageNumber(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'index-html-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

describe('the browser tests without Chromium', () => {
  test('skip on a developer machine, with the install hint', () => {
    expect(browserTestMode({}, false)).toBe('skip');
    expect(browserTestMode({ CI: 'false' }, false)).toBe('skip');
    expect(browserTestMode({ CI: '0' }, false)).toBe('skip');
    expect(INSTALL_HINT).toContain('apt-get install -y chromium');
  });

  test('fail under CI=true (or any CI value but false/0), naming the install command', () => {
    expect(browserTestMode({ CI: 'true' }, false)).toBe('fail');
    expect(browserTestMode({ CI: '1' }, false)).toBe('fail');
    expect(MISSING_IN_CI).toContain('apt-get install -y chromium');
  });

  test('run wherever Chromium is installed, in CI or not', () => {
    expect(browserTestMode({ CI: 'true' }, true)).toBe('run');
    expect(browserTestMode({}, true)).toBe('run');
  });
});
