// What the console's end-to-end scripts share: their settings from the environment, a real headless
// Chromium (Debian's package, driven by playwright-core; no browser is downloaded) at the size the issue
// names, a step log with times, screenshots, waits that fail with what the page shows instead, signing
// staff in and out, and one way to end: PASSED, or FAILED with a screenshot and exit code 1. A missing
// browser is exit code 3, which the Java runners report as such.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function fail(message) {
  console.error(`E2E FAILED: ${message}`);
  process.exit(1);
}

/** A setting from the environment; without a fallback it must be set. */
export function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') fail(`${name} is not set`);
  return value;
}

/**
 * Opens the browser for one script. name: the temporary profile's name; shots: the screenshot folder
 * unless E2E_SCREENSHOTS says otherwise; timeoutMs: each wait's limit unless E2E_TIMEOUT_MS says otherwise.
 */
export async function openConsole({ name, shots: defaultShots = 'target/e2e-screenshots', timeoutMs = 60000 }) {
  const gateway = env('LENDFLOW_GATEWAY').replace(/\/$/, '');
  const executablePath = env('CHROMIUM', '/usr/bin/chromium');
  const shots = resolve(env('E2E_SCREENSHOTS', defaultShots));
  const timeout = Number(process.env.E2E_TIMEOUT_MS ?? timeoutMs);

  if (!existsSync(executablePath)) {
    console.error(`E2E FAILED: no Chromium at ${executablePath}. Install Debian's package: ` +
      'apt-get update -qq && apt-get install -y -qq chromium (or set CHROMIUM to the browser binary).');
    process.exit(3);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    fail(`playwright-core is not installed (run npm ci in ops-console): ${e.message}`);
  }
  mkdirSync(shots, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), `lendflow-${name}-e2e-`));
  const started = Date.now();
  const step = (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(timeout);
  const page = context.pages()[0] ?? await context.newPage();
  const browserErrors = [];
  page.on('pageerror', (e) => browserErrors.push(e.message));
  // The refusals the journeys provoke (400, 403, 404 for a decision not made yet) are logged by Chromium as
  // failed loads; they are expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) browserErrors.push(m.text());
  });

  async function shot(shotName) {
    await page.screenshot({ path: join(shots, `${shotName}.png`), fullPage: true });
    step(`screenshot ${shotName}.png`);
  }

  async function mainText() {
    return (await page.locator('main, body').first().innerText()).slice(0, 2000);
  }

  async function visible(locator, what) {
    await locator.first().waitFor({ state: 'visible' }).catch(async () => {
      throw new Error(`${what}: not on the page, which shows: ${await mainText()}`);
    });
  }

  async function expectText(locator, text, what) {
    await visible(locator.filter({ hasText: text }), `${what} (expected "${text}")`);
  }

  /** Fills the sign-in form on the page and sends it; the password is the local stack's for the user by default. */
  async function fillSignIn(username, password = `${username}-password`) {
    await page.locator('#f-username').fill(username);
    await page.locator('#f-password').fill(password);
    await page.locator('[data-testid=sign-in-form] button[type=submit]').click();
  }

  /** Opens the console at a path and signs the user in there. */
  async function signIn(username, at = '/console/') {
    await page.goto(`${gateway}${at}`);
    await page.locator('[data-testid=sign-in-form]').waitFor();
    await fillSignIn(username);
    await page.locator('[data-testid=who]').filter({ hasText: username }).waitFor();
  }

  async function signOut() {
    await page.locator('[data-testid=who] button').click();
    await page.locator('[data-testid=sign-in-form]').waitFor();
  }

  /** Runs the journey and ends the script: PASSED, or FAILED with a screenshot named failureShot. */
  async function run(journey, failureShot = 'failure') {
    try {
      await journey();
      if (browserErrors.length > 0) throw new Error(`the browser reported errors: ${browserErrors.join(' | ')}`);
      step('E2E PASSED');
    } catch (e) {
      await page.screenshot({ path: join(shots, `${failureShot}.png`), fullPage: true }).catch(() => {});
      console.error(`E2E FAILED at ${page.url()}: ${e.stack ?? e}`);
      process.exitCode = 1;
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  return { gateway, page, step, shot, mainText, visible, expectText, fillSignIn, signIn, signOut, run };
}
