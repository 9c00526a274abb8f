// Publication and data exchange in a real browser:
//   1. the administrator sets the gazette calendar so that today is an issue day, asks for a register dump
//      and imports an ST.96 document (one record taken over, one refused with its reason);
//   2. the registrar compiles the next issue (two trademarks wait for publication), takes one entry out, and
//      publishes it after the confirmation; an examiner sees the draft without the buttons;
//   3. the public opens the gazette and the issue, downloads its PDF and ST.96 XML, finds the entry and the
//      case's ST.96 export, and sees the issue's files with their SHA-256 on the open-data page;
//   4. an agent adds a webhook subscription, sees its secret once, sends a test delivery and reads it.
// Every page added passes axe in English and Arabic; two screenshots are kept in docs/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { apiAs, startOffice, trademarkBeforeExaminer, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
const accessible = expectAccessible;


const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const ST96_TRADEMARK = 'http://www.wipo.int/standards/XMLSchema/ST96/Trademark';

let office: RunningOffice;
let browser: Browser;
let today = '';
/** Two trademarks accepted by the examiner, waiting for the registrar's publication. */
let published = '';
let heldBack = '';
let issueNumber = '';

async function acceptedTrademark(text: string): Promise<string> {
  const { number: n, examiner } = await trademarkBeforeExaminer(office.url, text, 'Gazette Foods Ltd');
  const accepted = await examiner('POST', `/cases/${n}/acts/accept`, {});
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  return n;
}

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
  const admin = await apiAs(office.url, 'admin');
  today = (await admin('GET', '/admin/clock')).body.officeDate;
  published = await acceptedTrademark('LANTERN QUAY');
  heldBack = await acceptedTrademark('MOSS HARBOUR');
});
after(async () => { await browser?.close(); await office?.stop(); });

/** Today's ISO weekday (1 = Monday) of the office's date. */
const isoWeekday = (d: string) => { const w = new Date(`${d}T00:00:00Z`).getUTCDay(); return w === 0 ? 7 : w; };

test('1. the administrator sets the gazette calendar, asks for a dump and imports an ST.96 document', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'admin');
  await page.goto('/admin/gazette');
  await page.getByTestId('gazcal-current').waitFor();
  await accessible(page, 'admin: gazette calendar');
  // Weekly, on the weekday of today's office date, so that today is an issue day.
  await page.getByTestId('gazcal-frequency').selectOption('weekly');
  await page.getByTestId('gazcal-weekday').selectOption(String(isoWeekday(today)));
  await page.getByTestId('gazcal-save').click();
  await page.locator(`[data-testid=gazcal-next] time[datetime="${today}"]`).waitFor();
  const cal = (await (await apiAs(office.url, 'admin'))('GET', '/gazette/calendar')).body;
  assert.equal(cal.weekday, isoWeekday(today));
  assert.equal(cal.nextIssues[0], today);

  await page.getByTestId('admin-tab-open-data').click();
  await page.getByTestId('dump-now').waitFor();
  await accessible(page, 'admin: open data');
  await page.getByTestId('dump-now').click();
  await page.locator('[data-testid^=dump-files-] [data-testid^=sha256-]').first().waitFor({ timeout: 30_000 });

  // An ST.96 document of two records: a published case's own export (taken over as a new case) and a copy
  // with a status the procedure does not know (refused, with its reason in the user's language).
  const register = (await (await fetch(`${office.url}/api/v1/cases?right=trademark`)).json()) as { items: { number: string }[] };
  const xml = await (await fetch(`${office.url}/api/v1/register/${register.items[0].number}/st96.xml`)).text();
  const record = /<tmk:Trademark>[\s\S]*<\/tmk:Trademark>/.exec(xml)![0];
  const refused = record.replace(/<tmk:MarkCurrentStatusCode>[^<]*/, '<tmk:MarkCurrentStatusCode>Imaginary status')
    .replace(/<com:ApplicationNumberText>[^<]*/, '<com:ApplicationNumberText>OLD-000042');
  const doc = xml.replace('</tmk:TrademarkBag>', `${refused}</tmk:TrademarkBag>`);
  await page.getByTestId('admin-tab-import').click();
  await page.getByTestId('import-file').waitFor();
  await accessible(page, 'admin: import');
  await page.getByTestId('import-submit').click();
  await page.locator('[role=alert]', { hasText: 'Choose the file to import.' }).waitFor();
  await page.getByTestId('import-file').setInputFiles({ name: 'previous-register.xml', mimeType: 'application/xml', buffer: Buffer.from(doc) });
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-report').waitFor();
  assert.equal(await page.getByTestId('import-count-created').textContent(), '1');
  assert.equal(await page.getByTestId('import-count-rejected').textContent(), '1');
  // A report with a refusal opens on the refused records, the reason translated and its code beside it.
  const rejected = page.locator('[data-testid=import-records] tr[data-outcome=rejected]');
  assert.equal(await rejected.count(), 1);
  assert.match(await rejected.textContent() ?? '', /no equivalent in the procedure.*IMPORT_UNKNOWN_STATUS/);
  await accessible(page, 'admin: import report');
  assert.match(await page.getByTestId('import-cli').textContent() ?? '', /registrum import register --format jsonl <file>/);

  // The same pages in Arabic.
  await page.getByTestId('language').selectOption('ar');
  for (const p of ['/admin/gazette', '/admin/open-data', '/admin/import']) {
    await page.goto(p);
    await page.locator('main h2').first().waitFor();
    await accessible(page, `admin ${p} (ar)`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await closeWithoutErrors(page);
});

test('2. the registrar compiles the next issue, takes an entry out and publishes it; an examiner reads the draft', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'registrar');
  await page.goto('/office');
  await page.getByTestId('office-nav-gazette').click();
  await page.getByTestId('gazette-no-draft').waitFor();
  await accessible(page, 'office: gazette, no draft');
  // The date proposed is the calendar's next issue: today.
  assert.equal(await page.getByTestId('gazette-compile-date').inputValue(), today);
  await page.getByTestId('gazette-compile').click();
  await page.getByTestId('gazette-draft').waitFor();
  for (const n of [published, heldBack]) {
    await page.locator(`[data-testid=draft-entry-${n}][data-status=pending]`).waitFor();
  }
  await accessible(page, 'office: gazette draft');

  // An examiner sees the same draft, without the registrar's buttons.
  const examiner = await newPage(browser, office.url, 'en');
  await signIn(examiner, 'examiner');
  await examiner.goto('/office/gazette');
  await examiner.locator(`[data-testid=draft-entry-${published}]`).waitFor();
  assert.equal(await examiner.getByTestId('gazette-publish').count(), 0);
  assert.equal(await examiner.getByTestId(`take-out-${published}`).count(), 0);
  await examiner.getByTestId('gazette-read-only').waitFor();
  await closeWithoutErrors(examiner);

  await page.getByTestId(`take-out-${heldBack}`).click();
  await page.locator(`[data-testid=draft-entry-${heldBack}]`).waitFor({ state: 'detached' });
  await page.getByTestId('gazette-notice').waitFor();

  // The draft in Arabic, kept for reviewers.
  await page.getByTestId('language').selectOption('ar');
  await page.locator('html[dir=rtl]').waitFor();
  await accessible(page, 'office: gazette draft (ar)');
  await screenshot(page, `${SHOTS}gazette-draft-ar.png`);
  await page.getByTestId('language').selectOption('en');

  await page.getByTestId('gazette-publish').click();
  await page.getByTestId('gazette-publish-dialog').waitFor();
  assert.match(await page.getByTestId('gazette-publish-dialog').textContent() ?? '', /frozen/);
  await accessible(page, 'office: publish dialog');
  await page.getByTestId('gazette-publish-confirm').click();
  await page.getByTestId('gazette-published').waitFor({ timeout: 90_000 });
  assert.match(await page.getByTestId('gazette-performed').textContent() ?? '', /^Publication acts performed: 1\./);
  await accessible(page, 'office: gazette published');
  const link = page.getByTestId('gazette-public-issue');
  issueNumber = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
  assert.match(issueNumber, /^\d{4}-\d{2}$/);

  const registrar = await apiAs(office.url, 'registrar');
  assert.equal((await registrar('GET', `/cases/${published}`)).body.state, 'published');
  assert.equal((await registrar('GET', `/cases/${heldBack}`)).body.state, 'accepted', 'the entry taken out waits for a later issue');
  await link.click();
  await page.getByTestId('issue-facts').waitFor();
  await closeWithoutErrors(page);
});

test('3. the public reads the issue, downloads its PDF and ST.96 XML, and finds its files on the open-data page', async () => {
  assert.ok(issueNumber, 'journey 2 published an issue');
  const page = await newPage(browser, office.url, 'en');
  await page.goto('/register');
  await page.getByTestId('register-nav-gazette').click();
  await page.getByTestId(`gazette-issue-${issueNumber}`).waitFor();
  await accessible(page, 'register: gazette');
  await page.getByTestId(`gazette-issue-link-${issueNumber}`).click();
  await page.getByTestId('issue-facts').waitFor();
  await accessible(page, 'register: gazette issue');

  // The entry, numbered, with its case, act and event; the one taken out is not in the issue.
  const entry = page.getByTestId(`issue-entry-${published}`);
  assert.match(await entry.getAttribute('data-no') ?? '', /^\d+$/);
  assert.match(await entry.textContent() ?? '', /LANTERN QUAY.*Application published.*ST\.61/);
  assert.equal(await page.getByTestId(`issue-entry-${heldBack}`).count(), 0);
  const issue = (await (await fetch(`${office.url}/api/v1/gazette/issues/${issueNumber}`)).json()) as any;
  assert.match(issue.seal.hash, /^[0-9a-f]{64}$/);
  assert.equal(await page.getByTestId('issue-seal').textContent(), issue.seal.hash);
  await screenshot(page, `${SHOTS}gazette-issue-en.png`);

  // The PDF and the ST.96 XML, as the links on the page download them.
  const pdfHref = await page.getByTestId(`download-gazette-${issueNumber}.pdf`).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const xmlName = `gazette-${issueNumber}-st96-trademark.xml`;
  assert.equal(await page.getByTestId(`sha256-${xmlName}`).textContent(), issue.files.find((f: any) => f.name === xmlName).sha256);
  const xml = await page.request.get((await page.getByTestId(`download-${xmlName}`).getAttribute('href'))!);
  assert.equal(xml.status(), 200);
  assert.match(xml.headers()['content-type'], /^application\/xml/);
  const text = await xml.text();
  assert.ok(text.startsWith('<?xml'), text.slice(0, 40));
  assert.ok(text.includes(ST96_TRADEMARK), 'the XML names the ST.96 trademark namespace');
  assert.ok(text.includes(published), 'the XML holds the published case');

  // The case page links to the case's own ST.96 export.
  await page.getByTestId(`issue-case-${published}`).click();
  await page.getByTestId('register-case').waitFor();
  for (const [f, type] of [['xml', /^application\/xml/], ['json', /^application\/json/]] as const) {
    const res = await page.request.get((await page.getByTestId(`register-st96-${f}`).getAttribute('href'))!);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], type);
  }

  await page.goto('/register');
  await page.getByTestId('register-nav-open-data').click();
  const files = page.getByTestId(`open-issue-files-${issueNumber}`);
  await files.waitFor();
  await accessible(page, 'register: open data');
  for (const f of issue.files as { name: string; sha256: string }[]) {
    assert.equal(await files.getByTestId(`sha256-${f.name}`).textContent(), f.sha256, f.name);
  }
  await page.getByTestId('open-latest').waitFor();
  assert.match(await page.getByTestId('open-limit-anonymous').textContent() ?? '', /600 requests a minute/);
  await closeWithoutErrors(page);

  // The same pages in Arabic.
  const ar = await newPage(browser, office.url, 'ar');
  for (const p of ['/register/gazette', `/register/gazette/${issueNumber}`, '/register/open-data', `/register/cases/${published}`]) {
    await ar.goto(p);
    await ar.locator('main h1').first().waitFor();
    await ar.locator('main h2').first().waitFor();
    await accessible(ar, `register ${p} (ar)`);
    if (p.includes('/gazette')) assert.match(await ar.locator('main h1').textContent() ?? '', /\p{Script=Arabic}/u, p);
  }
  await closeWithoutErrors(ar);
});

test('4. an agent adds a webhook subscription, sees the secret once, sends a test delivery and reads the deliveries', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'agent');
  await page.goto('/portal');
  await page.getByTestId('nav-webhooks').click();
  await page.getByTestId('hooks-empty').waitFor();
  await accessible(page, 'portal: webhooks');

  // Without an event the form says so beside the events.
  await page.getByTestId('hook-url').fill('http://127.0.0.1:9/registrum');
  await page.getByTestId('hook-add').click();
  await page.locator('#hook-events-error').waitFor();
  await page.getByTestId('hook-event-status-changed').check();
  await page.getByTestId('hook-event-case-published').check();
  await page.getByTestId('hook-description').fill('Docketing');
  await page.getByTestId('hook-add').click();
  const secret = (await page.getByTestId('hook-secret').inputValue());
  assert.match(secret, /^whsec_[A-Za-z0-9_-]{20,}$/);
  assert.match(await page.getByTestId('hook-secret-panel').textContent() ?? '', /x-registrum-signature/);
  await accessible(page, 'portal: webhook secret');
  await page.getByTestId('hook-secret-done').click();
  await page.getByTestId('hook-secret-panel').waitFor({ state: 'detached' });

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  const row = page.locator('[data-testid^=hook-row-]');
  await row.waitFor();
  assert.equal(await page.getByTestId('hook-secret-panel').count(), 0);
  assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
  const id = (await row.getAttribute('data-testid'))!.replace('hook-row-', '');

  await page.getByTestId(`hook-ping-${id}`).click();
  await page.getByTestId('hooks-notice').waitFor();
  await page.getByTestId(`hook-link-${id}`).click();
  // The worker attempts the test delivery: nothing listens there, so the attempt fails and is retried later.
  for (let i = 0; i < 20 && !(await page.locator('[data-testid=deliveries-table] td', { hasText: 'ECONNREFUSED' }).count()); i++) {
    await page.waitForTimeout(250);
    await page.getByTestId('deliveries-refresh').click();
  }
  const delivery = page.locator('[data-testid=deliveries-table] tbody tr').first();
  assert.match(await delivery.textContent() ?? '', /Test delivery.*Waiting.*ECONNREFUSED/);
  await accessible(page, 'portal: webhook deliveries');

  await page.getByTestId(`hook-toggle-${id}`).click();
  await page.getByTestId('hook-notice').waitFor();
  await page.locator('.badge', { hasText: 'Paused' }).waitFor();

  await page.getByTestId('language').selectOption('ar');
  await page.locator('html[dir=rtl]').waitFor();
  await accessible(page, 'portal: webhook (ar)');
  await page.goto('/portal/webhooks');
  await page.locator('[data-testid^=hook-row-]').waitFor();
  await accessible(page, 'portal: webhooks (ar)');
  await page.getByTestId('language').selectOption('en');

  await page.getByTestId(`hook-delete-${id}`).click();
  await page.getByTestId(`hook-delete-confirm-${id}`).click();
  await page.getByTestId('hooks-empty').waitFor();
  assert.deepEqual((await (await apiAs(office.url, 'agent'))('GET', '/webhooks')).body.items, []);
  await closeWithoutErrors(page);
});
