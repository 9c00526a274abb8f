// Similar marks and watches on marks in a real browser:
//   1. the public searches the register for marks like SOLENNA in class 3 (the demo office's published SOLENA,
//      and two more marks published here: СОЛЕНА in class 5 and SOL Y LUNA in class 3): the ranking the API
//      gives, the score and the reasons in words, the criteria kept in the address across a reload, other
//      reasons (another order of words, a meaning, another script), and bad input refused with a message;
//   2. the same page in Arabic, right to left;
//   3. office staff reach the page from the office's navigation and also find an application not yet published;
//   4. an agent watches the mark from the result page, sees the watch listed, sees the mark it finds once a
//      similar one is published (with the reasons), and ends the watch after a confirmation.
// Every page passes axe; two screenshots are kept in docs/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { apiAs, startOffice, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

let office: RunningOffice;
let browser: Browser;
/** The demo office's published SOLENA (class 3). */
let solena = '';
let cyrillic = '';
let solYLuna = '';

interface Hit { applicationNumber: string; markText: string; score: number; why: { soundCode?: string } }

/** A word mark filed by the demo applicant (paid from its current account) and taken through to publication. */
async function publishedMark(text: string, classNumber: number, term: string): Promise<string> {
  const applicant = await apiAs(office.url, 'applicant');
  const filed = await applicant('POST', '/cases', {
    right: 'trademark',
    payload: { mark: { kind: 'Word', text }, applicant: { name: 'Demo Foods Ltd', country: 'XX' }, goodsServices: [{ classNumber, terms: [term] }] },
    payment: { amount: 250_00, currency: 'EUR', method: 'current-account' },
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const number = filed.body.case.number as string;
  for (const [user, act] of [['formalities', 'accept-formalities'], ['examiner', 'approve-classification'], ['examiner', 'accept'], ['registrar', 'publish']] as const) {
    const r = await (await apiAs(office.url, user))('POST', `/cases/${number}/acts/${act}`, {});
    assert.equal(r.status, 201, `${act} on ${number}: ${JSON.stringify(r.body)}`);
  }
  return number;
}

/** What the API answers the public for a search (the page must show the same ranking). */
async function publicSearch(body: Record<string, unknown>): Promise<Hit[]> {
  const r = await fetch(`${office.url}/api/v1/search/trademarks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(r.status, 200);
  return ((await r.json()) as { hits: Hit[] }).hits;
}

const rows = (page: Page) => page.locator('[data-testid=similar-table] tbody tr');
const reasonsOf = async (page: Page, number: string) =>
  (await page.getByTestId(`similar-row-${number}`).locator('[data-testid=similar-reasons] li').allTextContents()).map((s) => s.trim());

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
  const register = (await (await fetch(`${office.url}/api/v1/cases?right=trademark&q=SOLENA`)).json()) as { items: { number: string; title: string }[] };
  solena = register.items.find((c) => c.title === 'SOLENA')!.number;
  cyrillic = await publishedMark('СОЛЕНА', 5, 'pharmaceuticals');
  solYLuna = await publishedMark('SOL Y LUNA', 3, 'soaps');
});
after(async () => { await browser?.close(); await office?.stop(); });

test('1. the public finds marks like its own, ranked, with the reasons; the address keeps the search; bad input is refused', async () => {
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/register');
  await page.getByTestId('register-nav-similar').click();
  await page.waitForURL((u) => u.pathname === '/register/similar');
  await page.getByTestId('similar-count').filter({ hasText: 'Enter a mark' }).waitFor();
  await expectAccessible(page, 'similar marks: no search yet');

  await page.getByTestId('similar-text').fill('SOLENNA');
  await page.getByTestId('similar-classes').fill('3');
  await page.getByTestId('similar-search').click();
  await page.waitForURL((u) => u.pathname === '/register/similar' && u.search === '?text=SOLENNA&classes=3');
  await rows(page).first().waitFor();

  // The ranking is the API's: SOLENA first, then the Cyrillic mark for a related class, then SOL Y LUNA.
  const expected = await publicSearch({ text: 'SOLENNA', niceClasses: [3], limit: 50 });
  assert.deepEqual(expected.slice(0, 3).map((h) => h.applicationNumber), [solena, cyrillic, solYLuna]);
  assert.deepEqual(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid'))), expected.map((h) => `similar-row-${h.applicationNumber}`));
  assert.equal(await page.getByTestId('similar-count').textContent(), `Similar marks found: ${expected.length}`);

  const top = page.getByTestId(`similar-row-${solena}`);
  assert.equal(await top.getByTestId('similar-mark').textContent(), 'SOLENA');
  assert.equal(await top.getByTestId('similar-score').textContent(), `${Math.round(expected[0].score * 100)}%`);
  assert.equal(await top.getByTestId('similar-case-link').getAttribute('href'), `/register/cases/${solena}`);
  assert.equal(await top.getByTestId('similar-mark').getAttribute('dir'), 'auto');
  const soundCode = expected[0].why.soundCode;
  assert.ok(soundCode, JSON.stringify(expected[0].why));
  const reasons = await reasonsOf(page, solena);
  for (const r of [`Sounds alike (code ${soundCode})`, 'Distinctive elements alike: SOLENNA / SOLENA', 'Looks alike', 'Same class 3']) {
    assert.ok(reasons.includes(r), `${r} in ${JSON.stringify(reasons)}`);
  }
  assert.equal(reasons.at(-1), 'Same class 3', 'the goods relation comes last');
  const translit = await reasonsOf(page, cyrillic);
  assert.ok(translit.includes('Transliterated from Cyrillic'), JSON.stringify(translit));
  assert.ok(translit.includes('Related class 5'), JSON.stringify(translit));
  assert.ok((await reasonsOf(page, solYLuna)).includes('No strong resemblance'));
  await expectAccessible(page, 'similar marks: results');

  // The address is the search: a reload shows the same results, the fields as they were.
  await page.reload();
  await top.waitFor();
  assert.equal(await page.getByTestId('similar-text').inputValue(), 'SOLENNA');
  assert.equal(await page.getByTestId('similar-classes').inputValue(), '3');
  assert.equal(await top.getByTestId('similar-score').textContent(), `${Math.round(expected[0].score * 100)}%`);
  await screenshot(page, `${SHOTS}similar-marks-en.png`);

  // The case page of a result.
  await top.getByTestId('similar-case-link').click();
  await page.waitForURL((u) => u.pathname === `/register/cases/${solena}`);
  await page.goBack();
  await top.waitFor();

  // Other reasons: the same words in another order (and a related class); the same meaning in another language.
  await page.getByTestId('similar-text').fill('ROAST HARBOUR');
  await page.getByTestId('similar-classes').fill('29');
  await page.getByTestId('similar-dead').check();
  await page.getByTestId('similar-search').click();
  await page.waitForURL((u) => u.search === '?text=ROAST+HARBOUR&classes=29&dead=1');
  await rows(page).first().waitFor();
  const harbour = (await publicSearch({ text: 'ROAST HARBOUR', niceClasses: [29], includeDead: true }))[0];
  assert.equal(harbour.markText, 'HARBOUR ROAST');
  const orderReasons = await reasonsOf(page, harbour.applicationNumber);
  assert.ok(orderReasons.includes('Same words in another order'), JSON.stringify(orderReasons));
  assert.ok(orderReasons.includes('Related class 30'), JSON.stringify(orderReasons));
  assert.equal(await page.getByTestId('similar-dead').isChecked(), true);

  await page.goto('/register/similar?text=SOLEIL&classes=3');
  await page.getByTestId(`similar-row-${solYLuna}`).waitFor();
  assert.ok((await reasonsOf(page, solYLuna)).includes('Same meaning: sun (SOLEIL / SOL)'));

  // Bad input: no letters (the office's message), a class out of range and no mark (the form's own, beside the field).
  await page.getByTestId('similar-text').fill('!!!');
  await page.getByTestId('similar-classes').fill('');
  await page.getByTestId('similar-search').click();
  const refused = page.locator('[role=alert][data-code=SEARCH_TEXT_EMPTY]');
  await refused.waitFor();
  assert.equal(await refused.textContent(), 'Enter a mark with at least one letter or digit.');
  assert.equal(await rows(page).count(), 0);
  await expectAccessible(page, 'similar marks: refused text');

  await page.getByTestId('similar-text').fill('SOLENNA');
  await page.getByTestId('similar-classes').fill('3, 46');
  const before = page.url();
  await page.getByTestId('similar-search').click();
  const classesField = page.getByTestId('similar-classes');
  await page.locator('.field-error', { hasText: 'Enter Nice class numbers from 1 to 45, separated by commas.' }).waitFor();
  assert.equal(await classesField.getAttribute('aria-invalid'), 'true');
  assert.equal(await classesField.evaluate((el) => el === document.activeElement), true);
  assert.equal(page.url(), before, 'nothing is searched');
  await expectAccessible(page, 'similar marks: class out of range');

  await page.getByTestId('similar-text').fill('  ');
  await page.getByTestId('similar-classes').fill('3');
  await page.getByTestId('similar-search').click();
  await page.locator('.field-error', { hasText: 'Enter the mark to search for.' }).waitFor();

  // A class out of range typed into the address is shown as such, and nothing is searched.
  await page.goto('/register/similar?text=SOLENNA&classes=99');
  await page.locator('.field-error', { hasText: 'Enter Nice class numbers from 1 to 45' }).waitFor();
  assert.equal(await rows(page).count(), 0);
  await closeWithoutErrors(page);
});

test('2. the same page in Arabic reads right to left and passes axe', async () => {
  const page = await newPage(browser, office.url, 'ar');
  await page.goto('/register/similar?text=SOLENNA&classes=3');
  await page.getByTestId(`similar-row-${solena}`).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('h1').textContent(), 'العلامات المشابهة');
  const reasons = await reasonsOf(page, solena);
  assert.ok(reasons.includes('الصنف نفسه 3'), JSON.stringify(reasons));
  assert.ok(reasons.some((r) => r.startsWith('تشابه في النطق')), JSON.stringify(reasons));
  assert.ok((await reasonsOf(page, cyrillic)).includes('محوَّلة حرفيًا من: السيريلية'));
  // The Latin mark keeps its own direction inside the right-to-left table.
  assert.equal(await page.getByTestId(`similar-row-${solena}`).getByTestId('similar-mark').evaluate((el) => getComputedStyle(el).direction), 'ltr');
  await expectAccessible(page, 'similar marks in Arabic');
  await screenshot(page, `${SHOTS}similar-marks-ar.png`);

  await page.getByTestId('similar-classes').fill('٣، ٤٦');
  await page.getByTestId('similar-search').click();
  await page.locator('.field-error', { hasText: 'أدخل أرقام أصناف نيس' }).waitFor();
  await expectAccessible(page, 'similar marks in Arabic: class out of range');
  await closeWithoutErrors(page);
});

test('3. office staff reach the page from the office and also find applications not yet published', async () => {
  const unpublished = await publicSearch({ text: 'AURORA' });
  assert.ok(!unpublished.some((h) => h.markText === 'AURORA BREW'), 'the public does not see the unpublished AURORA BREW');

  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'examiner');
  await page.goto('/office');
  await page.getByTestId('office-nav-similar').click();
  await page.waitForURL((u) => u.pathname === '/register/similar');
  await page.getByTestId('similar-staff-note').waitFor();
  await page.getByTestId('similar-text').fill('AURORA');
  await page.getByTestId('similar-search').click();
  const row = page.locator('[data-testid^=similar-row-]', { has: page.getByTestId('similar-mark').filter({ hasText: 'AURORA BREW' }) });
  await row.waitFor();
  const number = await row.getByTestId('similar-case-link').textContent();
  assert.equal(await row.getByTestId('similar-case-link').getAttribute('href'), `/office/cases/${number}`);
  // Staff do not watch marks from here: the watch is the filers'.
  assert.equal(await page.getByTestId('watch-panel').count(), 0);
  await expectAccessible(page, 'similar marks: office staff');
  await closeWithoutErrors(page);
});

test('4. an agent watches a mark, sees what the watch finds once a similar mark is published, and ends it', async () => {
  const page = await newPage(browser, office.url, 'en');
  // Signed out, the result page asks to sign in first and comes back to the same search.
  await page.goto('/register/similar?text=SOLENNA&classes=3');
  await page.getByTestId('watch-sign-in').click();
  await page.waitForURL((u) => u.pathname === '/login');
  await page.locator('input[name=username]').fill('agent');
  await page.locator('input[name=password]').fill('registrum-demo');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === '/register/similar' && u.search === '?text=SOLENNA&classes=3');

  await page.getByTestId('watch-panel').waitFor();
  assert.equal(await page.getByTestId('watch-threshold').inputValue(), '0.75');
  assert.equal(await page.locator('[data-testid=watch-threshold] option:checked').textContent(), '75% (recommended)');
  await page.getByTestId('watch-label').fill('Client 42');
  await expectAccessible(page, 'similar marks: watch form');
  await page.getByTestId('watch-submit').click();
  await page.getByTestId('watch-created').waitFor();
  assert.match((await page.getByTestId('watch-created').textContent())!, /You are watching \u2068SOLENNA\u2069\./);

  const agent = await apiAs(office.url, 'agent');
  const watches = (await agent('GET', '/watches')).body.items as { id: string; markText: string; niceClasses: number[]; threshold: number; label: string; hits: number }[];
  assert.equal(watches.length, 1);
  const w = watches[0];
  assert.deepEqual([w.markText, w.niceClasses, w.threshold, w.label, w.hits], ['SOLENNA', [3], 0.75, 'Client 42', 0]);

  await page.getByTestId('watch-all').click();
  await page.waitForURL((u) => u.pathname === '/portal/watches');
  const row = page.getByTestId(`watch-row-${w.id}`);
  await row.waitFor();
  assert.equal(await row.getByTestId('watch-mark').textContent(), 'SOLENNA');
  assert.equal(await row.getByTestId('watch-found').textContent(), '0');
  assert.match((await row.textContent())!, /75%/);
  await expectAccessible(page, 'portal: watches');

  // A similar mark is published by someone else: the worker compares it with the watch.
  const solenne = await publishedMark('SOLENNE', 3, 'perfumery');
  const deadline = Date.now() + 30_000;
  while ((await agent('GET', '/watches')).body.items[0].hits < 1) {
    assert.ok(Date.now() < deadline, 'the watch found nothing within 30 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.reload();
  await row.getByTestId('watch-found').filter({ hasText: '1' }).waitFor();

  await page.getByTestId(`watch-see-${w.id}`).click();
  await page.waitForURL((u) => u.pathname === `/portal/watches/${w.id}`);
  const hit = page.getByTestId(`similar-row-${solenne}`);
  await hit.waitFor();
  assert.equal(await hit.getByTestId('similar-mark').textContent(), 'SOLENNE');
  assert.equal(await page.getByTestId('watch-found-count').textContent(), 'Published marks found: 1');
  const reasons = await reasonsOf(page, solenne);
  assert.ok(reasons.includes('Same class 3'), JSON.stringify(reasons));
  assert.ok(reasons.some((r) => r.startsWith('Sounds alike')), JSON.stringify(reasons));
  assert.equal(await hit.getByTestId('similar-case-link').getAttribute('href'), `/register/cases/${solenne}`);
  await expectAccessible(page, 'portal: a watch and what it found');
  // The same page in Arabic.
  await page.getByTestId('language').selectOption('ar');
  await page.locator('h1', { hasText: 'مراقبة' }).waitFor();
  assert.ok((await reasonsOf(page, solenne)).includes('الصنف نفسه 3'));
  await expectAccessible(page, 'portal: a watch in Arabic');
  await page.getByTestId('language').selectOption('en');

  // Ending the watch asks first; cancelling keeps it.
  await page.getByTestId('watch-back').click();
  await page.waitForURL((u) => u.pathname === '/portal/watches');
  await page.getByTestId(`watch-end-${w.id}`).click();
  await page.getByTestId(`watch-end-cancel-${w.id}`).click();
  await page.getByTestId(`watch-end-${w.id}`).click();
  await page.locator('.confirm', { hasText: 'End the watch on' }).waitFor();
  await expectAccessible(page, 'portal: ending a watch');
  await page.getByTestId(`watch-end-confirm-${w.id}`).click();
  await page.getByTestId('watch-ended').waitFor();
  await page.getByTestId('watches-empty').waitFor();
  assert.equal((await agent('GET', '/watches')).body.items.length, 0);
  assert.equal((await agent('GET', `/watches/${w.id}`)).status, 404);
  await closeWithoutErrors(page);
});
