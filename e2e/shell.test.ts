// The frame of the web app in every language: direction, labels, translated API errors, accessibility.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startOffice, type RunningOffice } from './support/office.ts';
import { describeViolations, launchBrowser, newPage, pageErrors, seriousViolations } from './support/browser.ts';

let office: RunningOffice;
let browser: Browser;
before(async () => { office = await startOffice(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await office?.stop(); });

const EXPECT: Record<string, { dir: string; signIn: string }> = {
  en: { dir: 'ltr', signIn: 'Sign in' }, fr: { dir: 'ltr', signIn: 'Se connecter' }, es: { dir: 'ltr', signIn: 'Iniciar sesión' },
  ar: { dir: 'rtl', signIn: 'تسجيل الدخول' }, zh: { dir: 'ltr', signIn: '登录' }, ru: { dir: 'ltr', signIn: 'Войти' },
};

for (const [lang, e] of Object.entries(EXPECT)) {
  test(`home page in ${lang}: html lang and dir, labels in the language, no serious accessibility violation`, async () => {
    const page = await newPage(browser, office.url, lang);
    await page.goto('/');
    await page.locator('h1').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), e.dir);
    assert.equal((await page.locator('header a.btn').first().textContent())?.trim(), e.signIn);
    const v = await seriousViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  });
}

test('the language can be changed at any time and the choice is kept', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/login');
  await page.locator('h1', { hasText: 'Sign in' }).waitFor();
  await page.getByTestId('language').selectOption('ru');
  await page.locator('h1', { hasText: 'Вход' }).waitFor();
  await page.reload();
  await page.locator('h1', { hasText: 'Вход' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await page.context().close();
});

test('a refused sign-in shows the API error in the chosen language and keeps what was typed', async () => {
  const page = await newPage(browser, office.url, 'fr');
  await page.goto('/login');
  await page.locator('input[name=username]').fill('agent');
  await page.locator('input[name=password]').fill('not-the-password');
  await page.locator('form button[type=submit]').click();
  const alert = page.locator('[role=alert][data-code=INVALID_CREDENTIALS]');
  await alert.waitFor();
  assert.doesNotMatch((await alert.textContent()) ?? '', /password is wrong/); // not the English text
  assert.equal(await page.locator('input[name=username]').inputValue(), 'agent');
  const v = await seriousViolations(page);
  assert.equal(v.length, 0, describeViolations(v));
  await page.context().close();
});

test('an unknown address shows a page, not a blank screen; the API keeps its problem documents', async () => {
  const page = await newPage(browser, office.url, 'es');
  await page.goto('/no/such/page');
  await page.locator('h1', { hasText: 'No encontrado' }).waitFor();
  const r = await fetch(`${office.url}/api/v1/no-such-route`);
  assert.equal(r.status, 404);
  assert.equal((await r.json()).code, 'ROUTE_NOT_FOUND');
  await page.context().close();
});

test('the accessibility check is not blind: it reports a violation planted in the page', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/');
  await page.locator('h1').waitFor();
  await page.evaluate(() => { const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main')!.appendChild(i); });
  const v = await seriousViolations(page);
  assert.ok(v.some((x) => x.id === 'image-alt'), describeViolations(v));
  await page.context().close();
});
