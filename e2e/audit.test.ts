// The audit trail in a real browser: a formalities officer reads an unpublished case and an examiner
// tries an administrator's change; the administrator finds both on the audit page, filters them, and
// sees the trail's chain counted by journal verification. Axe in English and Arabic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { apiAs, startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, signIn } from './support/browser.ts';

let office: RunningOffice;
let browser: Browser;
let unpublished = '';

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
  const formalities = await apiAs(office.url, 'formalities');
  const list = (await formalities('GET', '/cases?limit=100')).body.items as { number: string; public: boolean }[];
  unpublished = list.find((c) => !c.public)!.number;
  assert.equal((await formalities('GET', `/cases/${encodeURIComponent(unpublished)}`)).status, 200);
  const examiner = await apiAs(office.url, 'examiner');
  assert.equal((await examiner('PUT', '/gazette/calendar', { frequency: 'weekly', weekday: 2 })).status, 403);
});
after(async () => { await browser?.close(); await office?.stop(); });

for (const lang of ['en', 'ar']) {
  test(`the administrator reads the audit trail and filters it (${lang})`, async () => {
    const page = await newPage(browser, office.url, lang);
    await signIn(page, 'admin');
    await page.goto('/admin/audit');
    await page.getByTestId('audit-table').waitFor();
    const read = page.locator('[data-testid^=audit-row-][data-kind=read-unpublished]', { hasText: unpublished }).first();
    await read.waitFor();
    await expectAccessible(page, `/admin/audit (${lang})`);

    // Refused attempts only.
    await page.getByTestId('audit-kind').selectOption('admin-denied');
    await page.getByTestId('audit-apply').click();
    await page.locator('[data-testid^=audit-row-][data-kind=read-unpublished]').first().waitFor({ state: 'detached' });
    const kinds = await page.locator('[data-testid^=audit-row-]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    assert.ok(kinds.length >= 1 && kinds.every((k) => k === 'admin-denied'), kinds.join());
    // The summary of an event opens in place.
    await page.locator('[data-testid^=audit-row-] details summary').first().click();
    await expectAccessible(page, `/admin/audit filtered, details open (${lang})`, false);

    // A range that ends before it starts is refused on the page.
    await page.getByTestId('audit-from').fill('2030-02-01');
    await page.getByTestId('audit-to').fill('2030-01-01');
    await page.getByTestId('audit-apply').click();
    await page.locator('.field-error').first().waitFor();
    await expectAccessible(page, `/admin/audit with an error (${lang})`, false);
    await closeWithoutErrors(page);
  });
}

test('journal verification counts the audit trail', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'admin');
  await page.goto('/admin/journal');
  await page.getByTestId('journal-verify').click();
  await page.getByTestId('journal-report').waitFor();
  assert.equal(await page.getByTestId('journal-report').getAttribute('data-ok'), 'true');
  assert.ok(Number((await page.getByTestId('journal-audit-events').innerText()).replace(/\D/g, '')) >= 2);
  await closeWithoutErrors(page);
});
