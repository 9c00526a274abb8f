// API tokens in a real browser: a user makes a token on /security/tokens with a label, a validity and
// one scope, sees it once with the warning that it will not be shown again, and a program (this test,
// with fetch) reads with it and is refused a write outside its scope; the token is listed without its
// value, revoked after a confirmation, and then answers 401. The page passes axe in English and Arabic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
import type { Browser } from 'playwright-core';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

let office: RunningOffice;
let browser: Browser;

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await office?.stop(); });

/** A program's request with the token, as its own client would send it. */
async function withToken(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${office.url}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('a token is made with one scope, shown once, used by a program within its scope only, revoked, and then refused', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'agent');
  // From the sign-in security page to its neighbour.
  await page.getByTestId('nav-security').click();
  await page.getByTestId('nav-api-tokens').click();
  await page.waitForURL((u) => u.pathname === '/security/tokens');
  await page.getByTestId('tokens-empty').waitFor();
  await expectAccessible(page, 'API tokens (en): none yet');

  // The form refuses what the API would: no label, a validity out of range, no scope.
  await page.getByTestId('token-scope-read').uncheck();
  await page.getByTestId('token-days').fill('400');
  await page.getByTestId('token-create').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token-label', 'the first field in error has the focus');
  assert.equal(await page.locator('#token-label').getAttribute('aria-invalid'), 'true');
  await page.getByTestId('token-label').fill('Docketing sync');
  await page.getByTestId('token-create').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token-days');
  await page.getByTestId('token-days').fill('30');
  await page.getByTestId('token-create').click();
  await page.getByTestId('token-scopes').getByRole('alert').waitFor();
  await expectAccessible(page, 'API tokens (en): the form with its errors');
  await page.getByTestId('token-scope-read').check();
  await page.getByTestId('token-create').click();

  // Shown once: focus on the panel, the warning, the value and a copy button.
  const panel = page.getByTestId('token-panel');
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2', 'the new token panel takes the focus');
  assert.match(await page.getByTestId('token-once').innerText(), /you will not see it again/);
  const token = await page.getByTestId('token-value').inputValue();
  assert.match(token, /^rgm_[A-Za-z0-9_-]{40,}$/);
  await page.getByTestId('token-copy').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="token-copy-status"]')?.textContent ?? '') !== '', null, { timeout: 5000 }).catch(() => {});
  assert.notEqual(await page.getByTestId('token-copy-status').innerText(), '', 'the copy is confirmed (or the token selected to copy by hand)');
  await expectAccessible(page, 'API tokens (en): the new token');
  await screenshot(page, join(SHOTS, 'api-tokens-en.png'));

  // A program with the token: it reads, and it is refused a filing (scope 'file' not given).
  const read = await withToken(token, 'GET', '/portfolio');
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const me = await withToken(token, 'GET', '/auth/me');
  assert.equal(me.body.username, 'agent');
  const write = await withToken(token, 'POST', '/cases', {
    right: 'trademark', payload: { mark: { kind: 'Word', text: 'TOKEN MARK' }, applicant: { name: 'Token Ltd', country: 'XX' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
  });
  assert.equal(write.status, 403);
  assert.equal(write.body.code, 'TOKEN_SCOPE');
  assert.equal(write.body.scope, 'file');
  assert.equal((await withToken(token, 'POST', '/auth/tokens', { label: 'another' })).body.code, 'TOKEN_SCOPE', 'a token makes no tokens');

  // Done: the panel goes, and the value is nowhere on the page any more; the list shows the token.
  await page.getByTestId('token-done').click();
  await panel.waitFor({ state: 'detached' });
  assert.ok(!(await page.content()).includes(token), 'the token is not shown again');
  const listed = await withToken(token, 'GET', '/auth/tokens');
  const id = listed.body.items.find((t: { label: string }) => t.label === 'Docketing sync').id as string;
  const row = page.getByTestId(`token-row-${id}`);
  await row.waitFor();
  assert.match(await row.innerText(), /Docketing sync[\s\S]*Read/);
  const expires = new Date(listed.body.items.find((t: { id: string }) => t.id === id).expiresAt).getTime();
  assert.ok(Math.abs(expires - (Date.now() + 30 * 86_400_000)) < 3_600_000, 'valid for the 30 days asked');

  // In Arabic, right to left, the list and the confirmation pass axe too.
  await page.getByTestId('language').selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByTestId(`token-revoke-${id}`).click();
  await page.getByTestId(`token-revoke-confirm-${id}`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), `token-revoke-confirm-${id}`, 'the confirmation takes the focus');
  await expectAccessible(page, 'API tokens (ar): revoking, confirmation');
  // Cancel keeps it; confirming revokes it.
  await page.getByTestId(`token-revoke-cancel-${id}`).click();
  assert.equal((await withToken(token, 'GET', '/portfolio')).status, 200, 'cancelled: the token still works');
  await page.getByTestId(`token-revoke-${id}`).click();
  await page.getByTestId(`token-revoke-confirm-${id}`).click();
  await page.getByTestId('tokens-notice').waitFor();
  await row.waitFor({ state: 'detached' });
  await page.getByTestId('tokens-empty').waitFor();
  await expectAccessible(page, 'API tokens (ar): revoked');

  const after = await withToken(token, 'GET', '/portfolio');
  assert.equal(after.status, 401);
  assert.equal(after.body.code, 'INVALID_TOKEN');
  await closeWithoutErrors(page);
});
