// The electronic dossier in a real browser:
//   1. an agent's filing gets its filing receipt (a signed PDF); on the case page the agent sees what the
//      file records of each document and follows the receipt's verification code to the public check;
//   2. anyone checks a PDF by the file itself: the office's copy matches, a changed one does not;
//   3. the administrator edits the filing receipt's template: a text with an unknown field is refused with
//      its line, a corrected one is put in force; the next filing's receipt is drawn from it;
//   4. office staff see what the parties were told of a case, and search the text read from scans.
// Every page added passes axe in English and Arabic; two screenshots are kept in docs/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { apiAs, startOffice, trademarkBeforeExaminer, type RunningOffice } from './support/office.ts';
import { closeWithoutErrors, expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
const accessible = expectAccessible;


const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

let office: RunningOffice;
let browser: Browser;
let tmp = '';
let caseNumber = '';
let receipt: { sha256: string; verification_code: string } = { sha256: '', verification_code: '' };

/** The case's filing receipt, once the worker has issued it. */
async function receiptOf(number: string, as = 'agent') {
  const api = await apiAs(office.url, as);
  for (let i = 0; i < 100; i++) {
    const c = (await api('GET', `/cases/${number}`)).body;
    const r = c.documents?.find((d: any) => d.kind === 'filing-receipt');
    if (r) return r;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`no filing receipt on ${number}`);
}

before(async () => {
  office = await startOffice();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'registrum-e2e-dossier-'));
  caseNumber = (await trademarkBeforeExaminer(office.url, 'QUILL & COMPASS', 'Quill Stationers Ltd')).number;
  receipt = await receiptOf(caseNumber);
});
after(async () => { await browser?.close(); await office?.stop(); if (tmp) rmSync(tmp, { recursive: true, force: true }); });

test('1. the agent sees the case file with what it records of each document and checks the filing receipt by its code', async () => {
  assert.match(receipt.verification_code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'agent');
  await page.goto(`/portal/cases/${caseNumber}`);
  const code = page.getByTestId(`doc-code-${receipt.sha256.slice(0, 12)}`);
  await code.waitFor();
  assert.equal((await code.textContent())?.trim(), receipt.verification_code);
  await accessible(page, 'portal: case with document details');
  await code.click();
  await page.waitForURL((u) => u.pathname === `/verify/${receipt.verification_code}`);
  await page.getByTestId('verify-result').waitFor();
  assert.equal((await page.getByTestId('verify-sha').textContent())?.trim(), receipt.sha256);
  assert.equal((await page.getByTestId('verify-title').textContent())?.trim(), 'Filing receipt');
  await accessible(page, 'verify: by code');
  await screenshot(page, join(SHOTS, 'verify-document.png'));
  await closeWithoutErrors(page);
});

test('2. anyone checks a PDF by the file itself: the office\'s copy matches, a changed copy does not (in Arabic too)', async () => {
  const copy = Buffer.from(await (await fetch(`${office.url}/api/v1/verify/${receipt.verification_code}/document`)).arrayBuffer());
  const good = join(tmp, 'receipt.pdf'); writeFileSync(good, copy);
  const changed = Buffer.from(copy); changed[Math.floor(changed.length / 2)] ^= 1;
  const bad = join(tmp, 'receipt-changed.pdf'); writeFileSync(bad, changed);

  const page = await newPage(browser, office.url, 'ar');
  await page.goto('/verify');
  await page.getByTestId('verify-file').waitFor();
  await accessible(page, 'verify (ar): empty');
  await page.getByTestId('verify-file').setInputFiles(good);
  await page.getByTestId('verify-file-submit').click();
  await page.locator('[data-testid=verify-file-result][data-valid=true]').waitFor();
  await page.getByTestId('verify-result').waitFor();
  await accessible(page, 'verify (ar): a matching file');
  await page.getByTestId('verify-file').setInputFiles(bad);
  await page.getByTestId('verify-file-submit').click();
  await page.locator('[data-testid=verify-file-result][data-valid=false]').waitFor();
  assert.equal(await page.getByTestId('verify-result').count(), 0, 'a changed file shows no document');

  // A code that is not one: the reader's language, the stable code.
  await page.getByTestId('verify-code').fill('nonsense');
  await page.getByTestId('verify-submit').click();
  await page.locator('[data-code=VERIFICATION_CODE_INVALID]').waitFor();
  await closeWithoutErrors(page);
});

test('3. the administrator edits the filing receipt\'s template; an unknown field is refused with its line; the next receipt follows the new text', async () => {
  const page = await newPage(browser, office.url, 'en');
  await signIn(page, 'admin');
  await page.goto('/admin/templates');
  await page.getByTestId('tpl-table').waitFor();
  await accessible(page, 'admin: document templates');
  await page.getByTestId('tpl-edit-filing-receipt-en').click();
  await page.getByTestId('tpl-body').waitFor();
  await page.getByTestId('tpl-fields').waitFor();
  const shipped = await page.getByTestId('tpl-body').inputValue();
  assert.match(shipped, /\{\{case\.number\}\}/);

  await page.getByTestId('tpl-body').fill(`${shipped}\nYour reference: {{case.reference}}`);
  await page.getByTestId('tpl-save').click();
  await page.getByTestId('tpl-problems').waitFor();
  const lines = shipped.split('\n').length + 1;
  assert.match((await page.getByTestId('tpl-problems').textContent()) ?? '', new RegExp(`Line ${lines}: no field is called case\\.reference`));
  await accessible(page, 'admin: template with a problem');

  await page.getByTestId('tpl-body').fill(`${shipped}\nThank you for filing {{case.title}} with the {{office.name}}.`);
  await page.getByTestId('tpl-note').fill('a line of thanks');
  await page.getByTestId('tpl-save').click();
  await page.getByTestId('tpl-versions').waitFor();
  assert.match((await page.getByTestId('tpl-versions').textContent()) ?? '', /a line of thanks/);
  await screenshot(page, join(SHOTS, 'document-template-editor.png'));
  await closeWithoutErrors(page);

  const next = (await trademarkBeforeExaminer(office.url, 'BRASS LANTERN', 'Brass Works Ltd')).number;
  const r = await receiptOf(next);
  const admin = await apiAs(office.url, 'admin');
  const version = (await admin('GET', '/admin/document-templates/filing-receipt/en')).body.versions[0];
  assert.equal(version.note, 'a line of thanks');
  const ar = await newPage(browser, office.url, 'ar');
  await signIn(ar, 'admin');
  await ar.goto('/admin/templates/filing-receipt/ar');
  await ar.getByTestId('tpl-body').waitFor();
  await accessible(ar, 'admin (ar): template editor');
  await closeWithoutErrors(ar);
  const pdf = Buffer.from(await (await fetch(`${office.url}/api/v1/verify/${r.verification_code}/document`)).arrayBuffer());
  const file = join(tmp, 'next-receipt.pdf'); writeFileSync(file, pdf);
  const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (text.error && !process.env.CI) return; // poppler-utils is installed by CI
  assert.match(text.stdout.replace(/\s+/g, ' '), /Thank you for filing BRASS LANTERN with the /);
});

test('4. office staff see what the parties were told of a case, and search the text read from scans', async () => {
  const page = await newPage(browser, office.url, 'ar');
  await signIn(page, 'examiner');
  await page.goto(`/office/cases/${caseNumber}`);
  await page.getByTestId('case-notifications').waitFor();
  await page.locator('[data-testid=case-notifications] table, [data-testid=case-notifications] .muted').first().waitFor();
  await accessible(page, 'office (ar): case with its notifications');
  await page.getByTestId('case-notifications').screenshot({ path: join(SHOTS, 'case-notifications-ar.png') });
  await page.goto('/office/documents');
  await page.getByTestId('doc-search-q').fill('"power of attorney"');
  await page.getByTestId('doc-search-submit').click();
  await page.locator('[data-testid=doc-search-hits], [data-testid=doc-search-none]').first().waitFor();
  await accessible(page, 'office (ar): search of document text');
  await closeWithoutErrors(page);
});
