// How fast the public register's search page becomes usable in a real browser: a cold visit (new
// browser context, empty cache) to /register, timed until the search box is on screen and accepts
// input, from the browser's own navigation timing. Target: interactive in under 1.5 s (p95).
//   npm run bench -- web-load [--runs 20]
// The office it measures is a real `registrum serve` on PGlite with the demo data and the built app.
import { execFileSync } from 'node:child_process';
import { startOffice } from '../e2e/support/office.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { num, parseFlags } from './lib/args.ts';
import { loadavg } from 'node:os';
import { machine, percentile, record } from './lib/results.ts';

const flags = parseFlags(process.argv.slice(2));
const runs = num(flags, 'runs', 20);
const TARGET_MS = 1500;

execFileSync(process.execPath, [new URL('../scripts/build-web.mjs', import.meta.url).pathname], { stdio: 'inherit' });
const m = machine();
const office = await startOffice();
const browser = await launchBrowser();
const samples: { interactive: number; domContentLoaded: number; load: number; bytes: number }[] = [];
try {
  // One warm-up visit so the server's first-request costs (route compilation, file stat) are not counted.
  const warm = await browser.newContext(); await (await warm.newPage()).goto(`${office.url}/register`); await warm.close();
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext(); // a new context: no cache, no cookies — a first visit
    const page = await ctx.newPage();
    await page.goto(`${office.url}/register`, { waitUntil: 'commit' });
    const box = page.getByTestId('register-q');
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    await box.fill('a'); // accepts input: the app is hydrated and handling events
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + ((r as PerformanceResourceTiming).transferSize || 0), nav.transferSize || 0);
      return { interactive: performance.now() - nav.startTime, domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime, load: nav.loadEventEnd - nav.startTime, bytes };
    });
    samples.push(t);
    await ctx.close();
  }
} finally {
  await browser.close();
  await office.stop();
}

const pick = (k: keyof (typeof samples)[0]) => samples.map((s) => s[k]).sort((a, b) => a - b);
const pct = percentile;
const inter = pick('interactive');
const figures = {
  runs, interactiveMs: { p50: +pct(inter, 50).toFixed(0), p95: +pct(inter, 95).toFixed(0), max: +inter[inter.length - 1].toFixed(0) },
  domContentLoadedMsP50: +pct(pick('domContentLoaded'), 50).toFixed(0), loadMsP50: +pct(pick('load'), 50).toFixed(0),
  transferredKB: +(pick('bytes')[0] / 1024).toFixed(0),
};
const met = figures.interactiveMs.p95 < TARGET_MS;
console.log(`public register search page, ${runs} cold visits: interactive p50 ${figures.interactiveMs.p50} ms, p95 ${figures.interactiveMs.p95} ms, max ${figures.interactiveMs.max} ms; DOMContentLoaded p50 ${figures.domContentLoadedMsP50} ms; ${figures.transferredKB} KB transferred`);
record({
  name: 'web-load', db: 'pglite', machine: { ...m, loadavgAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
  params: { runs, page: '/register', browser: 'Chromium (Debian), headless, new context per visit' },
  figures, target: { text: `interactive p95 < ${TARGET_MS} ms`, met },
  line: `/register cold visits ×${runs}: interactive (search box accepts input) p50/p95/max ${figures.interactiveMs.p50}/${figures.interactiveMs.p95}/${figures.interactiveMs.max} ms, DOMContentLoaded p50 ${figures.domContentLoadedMsP50} ms, ${figures.transferredKB} KB`,
});
process.exit(met ? 0 : 1);
