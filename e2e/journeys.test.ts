// The journeys of the office in a real browser, one trademark from filing to the public register:
//   1. an agent files a trademark with an image and two classes, pays from the current account, gets the receipt;
//   2. the formalities officer accepts it from the worklist, the examiner accepts it, the registrar publishes
//      it, the office clock passes the opposition period and the registrar registers it;
//   3. the agent downloads the registration certificate and sees the renewal deadline in the portfolio;
//   4. the public finds it in the register and sees its history;
//   5. the same filing in the Arabic interface (right to left), with a screenshot kept in docs/screenshots/.
// Every page on the way passes axe without serious or critical violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { tinyPng } from '../packages/server/test/http/helpers.ts';
import { apiAs, startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
/** Checked as the journey leaves each page (no wait for the network: some pages poll). */
const accessible = (page: Page, where: string) => expectAccessible(page, where, false);


let office: RunningOffice;
let browser: Browser;
before(async () => { office = await startOffice(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await office?.stop(); });

const MARK = 'HERON & FINCH';
const ARABIC_MARK = 'نخيل الواحة';
let number = '';

/** Journey 1 and 5: the guided trademark filing, paid from the current account; returns the receipt's number. */
async function fileTrademark(page: Page, mark: string, shots?: string): Promise<{ number: string; filingDate: string }> {
  await page.goto('/portal');
  await page.getByTestId('file-trademark').click();
  await page.getByTestId('step-heading').waitFor();
  await accessible(page, 'filing: applicant step');
  await page.getByTestId('applicant-name').fill('Heron & Finch Trading Ltd');
  await page.getByTestId('applicant-country').fill('XX');
  await page.getByTestId('applicant-address').fill('7 Quay Street, Port Town');
  await page.getByTestId('step-next').click();
  await page.locator('[data-testid=step-heading][data-step=mark]').waitFor();

  await page.getByTestId('mark-kind').selectOption('Combined');
  await page.getByTestId('mark-text').fill(mark);
  await page.getByTestId('mark-image').setInputFiles({ name: 'mark.png', mimeType: 'image/png', buffer: tinyPng(48, 48, [20, 90, 160]) });
  await page.getByTestId('mark-image-preview').waitFor();
  assert.equal(await page.getByTestId('mark-text-preview').textContent(), mark);
  await accessible(page, 'filing: mark step');
  await page.getByTestId('step-next').click();
  await page.locator('[data-testid=step-heading][data-step=goods]').waitFor();

  // Two classes from the official Nice list, found by word.
  await page.getByTestId('nice-search').fill('coffee');
  await page.getByTestId('nice-result-30-0').click();
  await page.getByTestId('class-30').waitFor();
  await page.getByTestId('nice-search').fill('restaurant');
  await page.getByTestId('nice-result-43-0').click();
  await page.getByTestId('class-43').waitFor();
  // The fee follows the classes: one class fee plus one extra class.
  await page.waitForFunction(() => /300/.test(document.querySelector('[data-testid=fee-total]')?.textContent ?? ''));
  await accessible(page, 'filing: goods step');
  if (shots) await screenshot(page, `${shots}-goods.png`);
  await page.getByTestId('step-next').click();
  await page.locator('[data-testid=step-heading][data-step=priority]').waitFor();
  await page.getByTestId('step-next').click();
  await page.locator('[data-testid=step-heading][data-step=review]').waitFor();
  await page.getByTestId('account-balance').waitFor();
  await accessible(page, 'filing: review step');

  // A double click files once (the button is disabled while the first request runs).
  await page.getByTestId('pay-submit').dblclick();
  const receipt = page.getByTestId('receipt-number');
  await receipt.waitFor({ timeout: 30_000 });
  const n = (await receipt.textContent())!.trim();
  assert.match(n, /^TM-\d{4}-\d{6}$/);
  const filingDate = (await page.getByTestId('receipt-filing-date').getAttribute('data-date'))!;
  assert.match(filingDate, /^\d{4}-\d{2}-\d{2}$/);
  await accessible(page, 'filing: receipt');
  if (shots) await screenshot(page, `${shots}-receipt.png`);
  return { number: n, filingDate };
}

test('1. an agent files a trademark with an image and two classes, pays from the current account and gets the receipt', async () => {
  const agentApi = await apiAs(office.url, 'agent');
  const before = (await agentApi('GET', '/account')).body;
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'agent');
  const r = await fileTrademark(page, MARK);
  number = r.number;

  // Filed once, with the image and both classes, and paid from the account.
  const c = (await agentApi('GET', `/cases/${number}`)).body;
  assert.equal(c.title, MARK);
  assert.deepEqual(c.data.goodsServices.map((g: any) => g.classNumber).sort(), [30, 43]);
  assert.ok(c.data.mark.image?.sha256, 'the mark image is part of the filing');
  assert.equal(c.fees.outstanding, 0);
  const mine = (await agentApi('GET', `/cases?q=${encodeURIComponent(MARK)}`)).body;
  assert.equal(mine.total, 1, 'a double click filed once');
  const afterAcc = (await agentApi('GET', '/account')).body;
  assert.equal(before.balance - afterAcc.balance, 300_00);
  await closeWithoutErrors(page);
});

async function actOnCase(page: Page, act: string) {
  await page.getByTestId(`act-${act}`).click();
  await page.getByTestId('act-dialog').waitFor();
  await accessible(page, `act dialog ${act}`);
  await page.getByTestId('act-submit').click();
  await page.getByTestId('act-dialog').waitFor({ state: 'hidden' });
}

test('2. formalities, examination and publication from the worklists; the clock passes the opposition period; the registrar registers', async () => {
  assert.ok(number, 'journey 1 filed the case');
  // Formalities officer: finds it in the worklist lane, takes it, accepts formalities.
  let page = await newPage(browser, office.url, 'en');
  await signIn(page, 'formalities');
  await page.goto('/office');
  await page.getByTestId('lane-trademark-formalities').click();
  await page.getByTestId(`case-row-${number}`).waitFor();
  await accessible(page, 'worklist');
  await page.getByTestId(`assign-${number}`).click();
  await page.getByTestId(`release-${number}`).waitFor();
  await page.getByTestId(`case-link-${number}`).click();
  await page.getByTestId('case-header').waitFor();
  await accessible(page, 'office case page');
  await actOnCase(page, 'accept-formalities');
  await page.locator('[data-testid=case-state][data-state=classification]').waitFor();
  await closeWithoutErrors(page);

  // Examiner: classification and absolute grounds.
  page = await newPage(browser, office.url, 'en');
  await signIn(page, 'examiner');
  await page.goto(`/office/cases/${number}`);
  await actOnCase(page, 'approve-classification');
  await page.locator('[data-testid=case-state][data-state=examination]').waitFor();
  await actOnCase(page, 'accept');
  await page.locator('[data-testid=case-state][data-state=accepted]').waitFor();
  await closeWithoutErrors(page);

  // Registrar: publishes the batch of accepted trademarks.
  page = await newPage(browser, office.url, 'en');
  await signIn(page, 'registrar');
  await page.goto('/office/bulk');
  await page.getByTestId('bulk-lane').selectOption('trademark:accepted').catch(async () => {
    const value = await page.getByTestId('bulk-lane').locator('option', { hasText: /accepted/i }).first().getAttribute('value');
    await page.getByTestId('bulk-lane').selectOption(value!);
  });
  await page.getByTestId(`bulk-row-${number}`).waitFor();
  await page.getByTestId('bulk-select-all').check();
  const act = page.getByTestId('bulk-act');
  if (await act.count()) await act.selectOption('publish').catch(() => undefined);
  await accessible(page, 'bulk acts');
  await page.getByTestId('bulk-run').click();
  await page.locator(`[data-testid=bulk-result-${number}][data-ok=true]`).waitFor({ timeout: 30_000 });
  await closeWithoutErrors(page);

  // The administrator moves the office clock past the three-month opposition period; the sweep closes it.
  page = await newPage(browser, office.url, 'en');
  await signIn(page, 'admin');
  const admin = await apiAs(office.url, 'admin');
  const published = (await admin('GET', `/cases/${number}`)).body;
  const opposition = published.timeLimits.find((t: any) => t.kind === 'opposition');
  assert.ok(opposition, 'publication opened the opposition period');
  const after = new Date(`${opposition.graceEndsOn ?? opposition.dueOn}T00:00:00Z`); after.setUTCDate(after.getUTCDate() + 1);
  await page.goto('/admin/clock');
  await page.getByTestId('clock-date').fill(after.toISOString().slice(0, 10));
  await page.getByTestId('clock-set').click();
  await page.getByTestId('clock-result').waitFor({ timeout: 30_000 });
  await accessible(page, 'office clock');
  await closeWithoutErrors(page);
  assert.equal((await admin('GET', `/cases/${number}`)).body.state, 'awaiting-registration');

  page = await newPage(browser, office.url, 'en');
  await signIn(page, 'registrar');
  await page.goto(`/office/cases/${number}`);
  await actOnCase(page, 'register');
  await page.locator('[data-testid=case-state][data-state=registered]').waitFor();
  await closeWithoutErrors(page);
});

test('3. the agent downloads the registration certificate and sees the renewal deadline in the portfolio', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'agent');
  await page.goto(`/portal/cases/${number}`);
  await page.getByTestId('case-documents').waitFor();
  // The certificate is rendered by the office's background job right after the act.
  const link = page.getByTestId('case-documents').getByRole('link', { name: /Certificate of registration/ });
  for (let i = 0; i < 40 && (await link.count()) === 0; i++) { await page.waitForTimeout(500); await page.reload(); await page.getByTestId('case-documents').waitFor(); }
  const href = await link.getAttribute('href');
  const res = await page.request.get(href!);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), new RegExp(number));
  await accessible(page, 'portal case page');

  await page.goto('/portal');
  const deadline = page.getByTestId(`next-deadline-${number}`);
  await deadline.waitFor();
  const days = Number(await page.getByTestId(`next-deadline-badge-${number}`).getAttribute('data-days-left'));
  assert.ok(days > 3000 && days < 3700, `the renewal is about ten years away (${days} days)`);
  await accessible(page, 'portfolio');
  await closeWithoutErrors(page);
});

test('4. the public finds the trademark in the register and sees its history, without personal data beyond what is public', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/register');
  await page.getByTestId('register-q').fill('heron');
  await page.getByTestId('register-search').click();
  await page.getByTestId(`register-row-${number}`).waitFor();
  await accessible(page, 'register search');
  await page.getByTestId(`register-row-${number}`).getByRole('link').first().click();
  await page.getByTestId('case-timeline').waitFor();
  const history = await page.getByTestId('case-timeline').textContent();
  assert.match(history!, /Mark registered/);
  assert.match(history!, /Application published/i);
  assert.doesNotMatch(await page.content(), /current-account|agent@example\.org/);
  await accessible(page, 'register case page');
  await closeWithoutErrors(page);
});

test('5. the same filing in the Arabic interface, right to left; screenshot kept in docs/screenshots/', async () => {
  const page = await newPage(browser, office.url, 'ar');
  await signIn(page, 'agent');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const shots = fileURLToPath(new URL('../docs/screenshots/filing-ar', import.meta.url));
  const r = await fileTrademark(page, ARABIC_MARK, shots);
  assert.notEqual(r.number, number);
  const agentApi = await apiAs(office.url, 'agent');
  assert.equal((await agentApi('GET', `/cases/${r.number}`)).body.title, ARABIC_MARK);
  await closeWithoutErrors(page);
});
