// Sign-in through the office's identity provider in a real browser, against a real OpenID Connect
// provider process (the one the server tests use):
//   1. the sign-in page offers "Sign in with Office directory"; the button goes through the provider's
//      sign-in form and back, signed in as the demo examiner (linked by the verified e-mail);
//   2. an identity linked to no account comes back to the sign-in page with the refusal in the page's
//      language.
// Every page of the office passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { freePort, startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage } from './support/browser.ts';
import type { Browser } from 'playwright-core';
import { spawnProvider } from '../packages/server/test/access/oidc-provider-process.ts';

const SECRET = 'office-client-secret-of-enough-length';
let office: RunningOffice;
let browser: Browser;
let provider: ChildProcess;

async function startProvider(settings: unknown): Promise<{ issuer: string; proc: ChildProcess }> {
  return spawnProvider(settings);
}

before(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const started = await startProvider({
    clients: [{ client_id: 'registrum', client_secret: SECRET, redirect_uris: [`${publicUrl}/api/v1/auth/oidc/callback`] }],
    users: {
      'sub-examiner': { email: 'examiner@example.org', email_verified: true, name: 'Demo examiner' },
      'sub-stranger': { email: 'stranger@elsewhere.example', email_verified: true },
    },
  });
  provider = started.proc;
  office = await startOffice({ PUBLIC_URL: publicUrl, OIDC_ISSUER: started.issuer, OIDC_CLIENT_ID: 'registrum', OIDC_CLIENT_SECRET: SECRET, OIDC_NAME: 'Office directory' }, port, 180_000);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await office?.stop(); provider?.kill(); });

/** On the provider's own page: choose the account and sign in (or cancel). */
async function atProvider(page: import('playwright-core').Page, account: string) {
  await page.waitForURL((u) => u.pathname.startsWith('/interaction/'));
  await page.locator('select[name=account]').selectOption(account);
  await page.locator('button[value=login]').click();
}

test('1. the button signs in through the provider: the examiner lands on the office portal', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/login');
  const button = page.getByTestId('login-oidc');
  await button.waitFor();
  assert.equal((await button.textContent())?.trim(), 'Sign in with Office directory');
  await expectAccessible(page, 'sign-in with an identity provider');
  await button.click();
  await atProvider(page, 'sub-examiner');
  await page.waitForURL((u) => u.origin === office.url && u.pathname === '/office');
  await page.locator('.whoami').waitFor();
  assert.match(String(await page.locator('.whoami').textContent()), /examiner/i);
  await expectAccessible(page, 'office portal after signing in through the provider');
  await closeWithoutErrors(page);
});

test('2. an identity linked to no account comes back to the sign-in page, refused in the page\'s language', async () => {
  const page = await newPage(browser, office.url, 'fr');
  await page.goto('/login');
  await page.getByTestId('login-oidc').click();
  await atProvider(page, 'sub-stranger');
  await page.waitForURL((u) => u.origin === office.url && u.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('oidcError'), 'OIDC_NOT_LINKED');
  const alert = page.locator('[role=alert][data-code=OIDC_NOT_LINKED]');
  await alert.waitFor();
  assert.match(String(await alert.textContent()), /Aucun compte de cet office n'est lié/);
  assert.equal(await page.locator('.whoami').count(), 0, 'not signed in');
  await expectAccessible(page, 'sign-in refused by the provider link (fr)');
  await closeWithoutErrors(page);
});
