// OCR throughput: scanned pages read by the engine the worker uses (platform/ocr: the page images of
// the PDF, then Tesseract with the shipped English and French data), in pages per minute.
//   npm run bench -- ocr [--pages 30] [--pages-per-doc 5] [--dpi 300] [--quality 80] [--workers 1,2] [--seed 1]
// The pages are made here: A4 pages of dense 12 pt text (sentences built from the goods and services of
// the Nice classification, real English words), typeset with pdfkit, rasterised by pdftoppm at --dpi as
// JPEG of --quality, and each document's page images put back into a PDF (what a scanner's "scan to PDF"
// gives).
// Each --workers count reads every page with a fresh engine; the engine's start (loading the language
// data) is timed apart. One worker is what the office runs (its worker reads one page at a time). Also
// reported: the mean confidence Tesseract gives, the share of the source's words found in the text
// read, and the CPU per page (the process and its worker threads).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { niceData } from '../packages/server/src/modules/cases/reference-data.ts';
import { scanOf } from '../packages/server/src/platform/ocr/pages.ts';
import { TesseractOcr } from '../packages/server/src/platform/ocr/tesseract.ts';
import { hasPdftoppm, imagePdf, rasterise, typesetPdf } from '../packages/server/test/ocr/scans.ts';
import { num, parseFlags, str } from './lib/args.ts';
import { rng } from './lib/payloads.ts';
import { machine, percentile, record, round } from './lib/results.ts';

const flags = parseFlags(process.argv.slice(2));
const pages = num(flags, 'pages', 30);
const perDoc = Math.max(1, num(flags, 'pages-per-doc', 5));
const dpi = num(flags, 'dpi', 300);
const quality = num(flags, 'quality', 80);
const workerCounts = str(flags, 'workers', '1,2').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const r = rng(num(flags, 'seed', 1));

if (!hasPdftoppm) {
  console.error('ocr benchmark: pdftoppm (poppler-utils) is needed to make the scanned pages');
  process.exit(2);
}

/** A page of prose: sentences about goods of the Nice classification, about 300 words (a full A4 page at 12 pt). */
function pageText(): string[] {
  const terms = [...niceData().termsByText.values()].flat().map((t) => t.term).filter((t) => /^[a-z ,-]{6,60}$/i.test(t));
  const openers = ['The applicant claims', 'According to the invention there is provided', 'The description discloses', 'In a preferred embodiment the device comprises',
    'The examiner considers', 'Prior art documents describe', 'The specification relates to'];
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 270) {
    const sentences: string[] = [];
    for (let i = r.int(2, 4); i > 0; i--) {
      const list = Array.from({ length: r.int(2, 5) }, () => r.pick(terms).toLowerCase());
      sentences.push(`${r.pick(openers)} ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}.`);
    }
    const p = sentences.join(' ');
    words += p.split(/\s+/).length;
    paragraphs.push(p);
  }
  return paragraphs;
}

const atStart = machine();
const t0 = performance.now();
const sources: string[][][] = []; // per document, per page, the paragraphs
for (let done = 0; done < pages; done += perDoc) sources.push(Array.from({ length: Math.min(perDoc, pages - done) }, pageText));
const documents: Buffer[] = [];
for (const doc of sources) {
  const images = rasterise(await typesetPdf(doc), { dpi, format: 'jpeg', quality });
  // Each source page must fit on one page, or the words read could not be compared with it.
  if (images.length !== doc.length) throw new Error(`a page of text ran over: ${doc.length} pages typeset as ${images.length}`);
  documents.push(await imagePdf(images));
}
const generateSec = round((performance.now() - t0) / 1000, 2);
const bytes = documents.reduce((s, d) => s + d.length, 0);
console.log(`ocr: ${pages} scanned pages at ${dpi} dpi in ${documents.length} PDFs (${round(bytes / 1024 / pages)} KB a page), made in ${generateSec} s`);

const words = (t: string) => t.toLowerCase().match(/[a-z]{3,}/g) ?? [];
const warmUp = rasterise(documents[0], { dpi: 72, format: 'jpeg' })[0];

async function run(workers: number) {
  const engine = new TesseractOcr({ languages: ['eng', 'fra'], workers });
  try {
    const cpu0 = process.cpuUsage();
    const s0 = performance.now();
    // The engine's start (workers, language data), with one small page each so it is really up.
    await Promise.all(Array.from({ length: workers }, () => engine.recognise(warmUp)));
    const startSec = (performance.now() - s0) / 1000;
    const cpu1 = process.cpuUsage();
    const t = performance.now();
    const perPage: { ms: number; confidence: number; recall: number; chars: number }[] = [];
    // The page images of every document (as the worker takes them), read by as many loops as there are workers.
    const queue: { image: Buffer; source: string[] }[] = [];
    documents.forEach((doc, d) => {
      const scan = scanOf('application/pdf', doc, 300);
      if (scan.kind !== 'ocr') throw new Error(`document ${d + 1}: ${scan.kind}`);
      scan.pages.forEach((p, i) => queue.push({ image: p.images[0](), source: sources[d][i] }));
    });
    await Promise.all(Array.from({ length: workers }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const started = performance.now();
        const res = await engine.recognise(job.image);
        const want = words(job.source.join(' '));
        const got = new Set(words(res.text));
        perPage.push({ ms: performance.now() - started, confidence: res.confidence, recall: want.filter((w) => got.has(w)).length / want.length, chars: res.text.length });
      }
    }));
    const sec = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu1);
    const startCpu = process.cpuUsage(cpu0);
    const ms = perPage.map((p) => p.ms).sort((a, b) => a - b);
    return {
      workers, engine: engine.version(),
      pagesPerMinute: round((perPage.length / sec) * 60, 1), seconds: round(sec, 2), startSeconds: round(startSec, 2),
      meanConfidence: round(perPage.reduce((s, p) => s + p.confidence, 0) / perPage.length, 1),
      minConfidence: Math.min(...perPage.map((p) => p.confidence)),
      wordRecall: round(perPage.reduce((s, p) => s + p.recall, 0) / perPage.length, 3),
      charsPerPage: Math.round(perPage.reduce((s, p) => s + p.chars, 0) / perPage.length),
      pageMs: { p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), max: Math.round(ms[ms.length - 1]) },
      cpuSecondsPerPage: round((cpu.user + cpu.system) / 1e6 / perPage.length, 2),
      startCpuSeconds: round((startCpu.user + startCpu.system - cpu.user - cpu.system) / 1e6, 2),
    };
  } finally { await engine.close(); }
}

const runs = [];
for (const w of workerCounts) {
  const res = await run(w);
  runs.push(res);
  console.log(`  ${w} worker${w > 1 ? 's' : ''}: ${res.pagesPerMinute} pages/min (${res.seconds} s for ${pages} pages; page p50/p95 ${res.pageMs.p50}/${res.pageMs.p95} ms), mean confidence ${res.meanConfidence} (min ${res.minConfidence}), words found ${round(res.wordRecall * 100, 1)} %, ${res.cpuSecondsPerPage} CPU s/page; engine start ${res.startSeconds} s`);
}
const main = runs[0];
const others = runs.slice(1).map((x) => `${x.workers} workers ${x.pagesPerMinute} pages/min`).join(', ');
record({
  name: 'ocr', db: 'none', machine: { ...atStart, loadavgAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
  params: { pages, pagesPerDocument: perDoc, dpi, jpegQuality: quality, workers: workerCounts, languages: 'eng+fra', seed: num(flags, 'seed', 1), generateSeconds: generateSec, kbPerPage: round(bytes / 1024 / pages) },
  figures: { runs },
  target: { text: 'none (reported)', met: null },
  line: `${pages} A4 pages scanned at ${dpi} dpi (JPEG q${quality} in PDF, ~300 words each), eng+fra: ${main.pagesPerMinute} pages/min with ${main.workers} worker${main.workers > 1 ? 's' : ''}${others ? ` (${others})` : ''}; mean confidence ${main.meanConfidence}, ${round(main.wordRecall * 100, 1)} % of words found; ${main.cpuSecondsPerPage} CPU s/page; engine start ${main.startSeconds} s`,
});
