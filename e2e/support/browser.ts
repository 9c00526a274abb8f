// Real Chromium (the Debian package) driven by playwright-core, and the accessibility check every page
// passes: axe-core, failing on serious or critical violations.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install the Debian package 'chromium' or set CHROMIUM_PATH`);
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

/** A fresh page (its own cookies), in a language, with scripts injected by the tests allowed by CSP. */
export async function newPage(browser: Browser, baseURL: string, lang = 'en'): Promise<Page> {
  const ctx = await browser.newContext({ baseURL, bypassCSP: true, locale: lang, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // The starting language only: a choice made on the page (kept in localStorage) survives reloads.
  await ctx.addInitScript((l) => { try { if (!localStorage.getItem('registrum.lang')) localStorage.setItem('registrum.lang', l); } catch { /* opaque origin */ } }, lang);
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as any).__errors = errors;
  return page;
}

/** Script errors the page raised (a journey fails on any). */
export const pageErrors = (page: Page): string[] => (page as any).__errors ?? [];

export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('registrum-demo');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** Runs axe on the page as it is now; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof (window as any).axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

export async function screenshot(page: Page, path: string) {
  mkdirSync(path.replace(/\/[^/]+$/, ''), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** Fails unless axe finds no serious or critical violation; by default it first waits for the page's requests to settle. */
export async function expectAccessible(page: Page, where: string, settle = true) {
  if (settle) await page.waitForLoadState('networkidle');
  const v = await seriousViolations(page);
  assert.equal(v.length, 0, `${where}:\n${describeViolations(v)}`);
}

/** Fails if a script on the page threw; then closes the page's context. */
export async function closeWithoutErrors(page: Page) {
  assert.deepEqual(pageErrors(page), [], 'script errors on the page');
  await page.context().close();
}
