// Sign-in security in a real browser:
//   1. repeated wrong passwords lock an account; the administrator sees the lock and the sign-in events of
//      the account, lifts the lock, and the user signs in again;
//   2. a user with a TOTP second factor is asked for the code as a second step and signs in with it.
// Every page added passes axe in English and Arabic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, totp } from '../packages/server/src/modules/access/totp.ts';
import { apiAs, startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, signIn } from './support/browser.ts';
import type { Browser } from 'playwright-core';

let office: RunningOffice;
let browser: Browser;

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await office?.stop(); });

const login = (username: string, password: string, code?: string) => fetch(`${office.url}/api/v1/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(code ? { code } : {}) }),
});

test('1. failures lock an account; the administrator sees why, lifts the lock, and the user signs in again', async () => {
  for (let i = 0; i < 4; i++) assert.equal((await login('applicant', 'not-the-password')).status, 401);
  assert.equal((await login('applicant', 'not-the-password')).status, 423, 'the fifth failure in a row locks the account');
  const locked = await login('applicant', 'registrum-demo');
  assert.equal(locked.status, 423, 'locked even with the right password');
  assert.equal((await locked.json()).code, 'ACCOUNT_LOCKED');

  const page = await newPage(browser, office.url, 'ar');
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByTestId('user-edit-applicant').click();
  await page.getByTestId('user-unlock').waitFor();
  assert.ok(await page.getByTestId('user-signin-events').locator('li').count() >= 6, 'the failures and the lock are listed');
  await expectAccessible(page, 'admin (ar): sign-in security of an account');
  await page.getByTestId('user-unlock').click();
  await page.getByTestId('user-unlock').waitFor({ state: 'detached' });
  await closeWithoutErrors(page);
  assert.equal((await login('applicant', 'registrum-demo')).status, 200, 'the user signs in once the lock is lifted');
});

test('2. with a second factor the sign-in page asks for the code, and the code signs in', async () => {
  const opponent = await apiAs(office.url, 'opponent');
  const started = await opponent('POST', '/account/second-factor');
  assert.equal(started.status, 201);
  const secret = base32Decode(started.body.secret);
  const confirmed = await opponent('POST', '/account/second-factor/confirm', { code: totp(secret, new Date()) });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

  const page = await newPage(browser, office.url, 'en');
  await page.goto('/login');
  await page.locator('input[name=username]').fill('opponent');
  await page.locator('input[name=password]').fill('registrum-demo');
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('login-code').waitFor();
  await expectAccessible(page, 'sign-in: the second step');
  // A code not yet used: the one of the next step if this step's was spent on the confirmation.
  const next = new Date(Date.now() + 30_000);
  await page.getByTestId('login-code').fill(totp(secret, next));
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await closeWithoutErrors(page);
});
