// Answering an office action from the filing portal: the examiner provisionally refuses a trademark;
// the agent answers with remarks and an uploaded PDF; the response is in the case file and the case is
// back in examination. The same in French, so the act's form speaks the user's language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { tinyPdf } from '../packages/server/src/app/demo-files.ts';
import { apiAs, startOffice, trademarkBeforeExaminer, type RunningOffice } from './support/office.ts';
import { describeViolations, launchBrowser, newPage, pageErrors, seriousViolations, signIn } from './support/browser.ts';

let office: RunningOffice;
let browser: Browser;
before(async () => { office = await startOffice(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await office?.stop(); });

/** A trademark filed by the agent and provisionally refused by the examiner (set up through the API). */
async function refusedCase(text: string): Promise<string> {
  const { number: n, examiner } = await trademarkBeforeExaminer(office.url, text, 'Answer Foods Ltd');
  const refusal = await examiner('POST', `/cases/${n}/acts/refuse-provisionally`, { payload: { grounds: [{ code: 'descriptive', explanation: 'The mark describes the goods.' }] } });
  assert.equal(refusal.status, 201, JSON.stringify(refusal.body));
  return n;
}

for (const lang of ['en', 'fr']) {
  test(`the agent answers a provisional refusal with remarks and a PDF (${lang})`, async () => {
    const n = await refusedCase(`ANSWER ${lang.toUpperCase()}`);
    const page = await newPage(browser, office.url, lang);
    await signIn(page, 'agent');
    await page.goto(`/portal/cases/${n}`);
    await page.getByTestId('act-respond-to-refusal').click();
    await page.getByTestId('act-dialog').waitFor();
    if (lang === 'fr') assert.match(await page.getByTestId('act-dialog').textContent() ?? '', /Pièces jointes à la réponse/);
    await page.getByTestId('field-remarks').fill('The mark is distinctive: it is an invented word, see the enclosed survey.');
    await page.getByTestId('field-documents-add').click();
    await page.getByTestId('field-documents.0.document-file').setInputFiles({ name: 'survey.pdf', mimeType: 'application/pdf', buffer: tinyPdf(['Consumer survey', 'ANSWER']) });
    // The upload is done when the form may be sent.
    await page.waitForFunction(() => !(document.querySelector('[data-testid=act-submit]') as HTMLButtonElement | null)?.disabled);
    const v = await seriousViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    await page.getByTestId('act-submit').click();
    await page.getByTestId('act-dialog').waitFor({ state: 'hidden' });
    await page.locator('[data-testid=case-state][data-state=examination]').waitFor();

    const agent = await apiAs(office.url, 'agent');
    const c = (await agent('GET', `/cases/${n}`)).body;
    const response = c.acts.find((a: any) => a.type === 'respond-to-refusal');
    assert.match(response.payload.remarks, /invented word/);
    const doc = c.documents.find((d: any) => d.kind === 'response-document');
    assert.ok(doc, 'the PDF is in the case file');
    assert.equal(doc.media_type.split(';')[0], 'application/pdf');
    assert.equal(response.payload.documents[0].document.sha256, doc.sha256);
    assert.deepEqual(pageErrors(page), []);
    await page.context().close();
  });
}
