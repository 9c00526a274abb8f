// Accessibility across the app: axe on every page of every portal (English and Arabic), and the filing
// and examination journeys done with the keyboard alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiAs, startOffice, type RunningOffice } from './support/office.ts';
import { describeViolations, launchBrowser, newPage, pageErrors, seriousViolations, signIn } from './support/browser.ts';

let office: RunningOffice;
let browser: Browser;
let published = '';
let pending = '';
before(async () => {
  office = await startOffice(); browser = await launchBrowser();
  const admin = await apiAs(office.url, 'admin');
  const list = (await admin('GET', '/cases?limit=50')).body.items as any[];
  published = list.find((c) => c.public && c.right === 'trademark')!.number;
  pending = list.find((c) => c.state === 'formalities' && c.right === 'trademark')?.number ?? list[0].number;
});
after(async () => { await browser?.close(); await office?.stop(); });

const PAGES: Record<string, string[]> = {
  public: ['/', '/login', '/register', '/register?q=a', '/register/cases/{published}', '/register/gazette', '/register/open-data', '/no-such-page'],
  agent: ['/portal', '/portal/file/trademark', '/portal/file/patent', '/portal/file/design', '/portal/file/utility-model', '/portal/file/gi',
    '/portal/drafts', '/portal/account', '/portal/inbox', '/portal/webhooks', '/portal/cases/{pending}'],
  formalities: ['/office', '/office/cases/{pending}', '/office/bulk', '/office/gazette', '/admin/dashboard'],
  admin: ['/admin/users', '/admin/calendars', '/admin/fees', '/admin/clock', '/admin/journal', '/admin/audit', '/admin/accounts', '/admin/gazette', '/admin/open-data',
    '/admin/import', '/admin/dashboard'],
};

for (const lang of ['en', 'ar']) {
  for (const [who, paths] of Object.entries(PAGES)) {
    test(`axe finds no serious or critical violation on the ${who} pages (${lang})`, async () => {
      const page = await newPage(browser, office.url, lang);
      if (who !== 'public') await signIn(page, who);
      const problems: string[] = [];
      for (const p of paths) {
        await page.goto(p.replace('{published}', published).replace('{pending}', pending));
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const v = await seriousViolations(page);
        if (v.length) problems.push(`${p}:\n${describeViolations(v)}`);
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(pageErrors(page), []);
      await page.context().close();
    });
  }
}

/** Moves the focus with Tab (only) until the element with this test id has it. */
async function tabTo(page: Page, testid: string, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id
      || document.activeElement?.closest(`[data-testid="${id}"]`) === document.activeElement, testid)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testid} cannot be reached with the Tab key`);
}

test('keyboard only: an applicant files a word mark, and the formalities officer accepts it', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/login');
  await page.locator('h1').waitFor();
  await page.keyboard.type('applicant'); // the user name field has the focus on arrival
  await page.keyboard.press('Tab');
  await page.keyboard.type('registrum-demo');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/portal/);

  await tabTo(page, 'file-trademark'); await page.keyboard.press('Enter');
  await page.getByTestId('step-heading').waitFor();
  await tabTo(page, 'applicant-name');
  if (!(await page.getByTestId('applicant-name').inputValue())) await page.keyboard.type('Keyboard Foods Ltd');
  await tabTo(page, 'step-next'); await page.keyboard.press('Enter');
  await page.locator('[data-testid=step-heading][data-step=mark]').waitFor();
  await tabTo(page, 'mark-text'); await page.keyboard.type('KEYSTROKE');
  await tabTo(page, 'step-next'); await page.keyboard.press('Enter');
  await page.locator('[data-testid=step-heading][data-step=goods]').waitFor();
  await tabTo(page, 'nice-search'); await page.keyboard.type('coffee');
  await page.getByTestId('nice-result-30-0').waitFor();
  await tabTo(page, 'nice-result-30-0'); await page.keyboard.press('Enter');
  await page.getByTestId('class-30').waitFor();
  await tabTo(page, 'step-next'); await page.keyboard.press('Enter');
  await page.locator('[data-testid=step-heading][data-step=priority]').waitFor();
  await tabTo(page, 'step-next'); await page.keyboard.press('Enter');
  await page.locator('[data-testid=step-heading][data-step=review]').waitFor();
  await page.getByTestId('account-balance').waitFor();
  await tabTo(page, 'pay-submit'); await page.keyboard.press('Enter');
  const n = (await page.getByTestId('receipt-number').textContent({ timeout: 30_000 }))!.trim();
  assert.match(n, /^TM-/);
  await page.context().close();

  const office2 = await newPage(browser, office.url, 'en');
  await signIn(office2, 'formalities');
  await office2.goto(`/office/cases/${n}`);
  await office2.getByTestId('case-header').waitFor();
  await tabTo(office2, 'act-accept-formalities'); await office2.keyboard.press('Enter');
  await office2.getByTestId('act-dialog').waitFor();
  await tabTo(office2, 'act-submit'); await office2.keyboard.press('Enter');
  await office2.locator('[data-testid=case-state][data-state=classification]').waitFor();
  // Focus went back to where the officer was, not to the top of the page.
  assert.notEqual(await office2.evaluate(() => document.activeElement?.tagName), 'BODY');
  assert.deepEqual(pageErrors(office2), []);
  await office2.context().close();
});
