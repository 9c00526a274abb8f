// Quality of classification help: Nice classes suggested for applicant-style descriptions of goods and
// services (per language), and IPC subclasses suggested for patent titles and abstracts.
//   npm run bench -- classify [--split test|dev|both] [--misses dev|test] [--dry (nothing recorded)]
// The sets are in bench/data/nice-suggest/: <language>-dev.json and <language>-test.json, ipc-dev.json and
// ipc-test.json, each item a text with the one class (or subclass) an examiner would give first. The dev
// parts were used while building the lexicons and choosing the weights; the test parts were written
// before and are reported as held out (see bench/README.md). Reported: top-1 and top-3 accuracy per
// language and part, the time to build each suggester (first use) and per suggestion (p50/p95).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { IpcSuggester, NiceSuggester, shippedNiceData } from '../packages/server/src/modules/classify/index.ts';
import { oneOf, parseFlags, str } from './lib/args.ts';
import { machine, percentile, record, round } from './lib/results.ts';

const flags = parseFlags(process.argv.slice(2));
const splits = oneOf(flags, 'split', 'both', ['dev', 'test', 'both'] as const);
const showMisses = str(flags, 'misses', '');
const dataDir = new URL('./data/nice-suggest/', import.meta.url);

interface NiceSet { language: string; split: 'dev' | 'test'; items: { text: string; class: number }[] }
interface IpcSet { split: 'dev' | 'test'; items: { text: string; subclass: string }[] }
interface Score { n: number; top1: number; top3: number; top1Pct: number; top3Pct: number }

const atStart = machine();
const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
const wanted = (split: string) => splits === 'both' || splits === split;
const niceSets = files.filter((f) => !f.startsWith('ipc-')).map((f) => JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) as NiceSet).filter((s) => wanted(s.split));
const ipcSets = files.filter((f) => f.startsWith('ipc-')).map((f) => JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) as IpcSet).filter((s) => wanted(s.split));

const score = (ranks: number[]): Score => {
  const n = ranks.length; const top1 = ranks.filter((r) => r === 1).length; const top3 = ranks.filter((r) => r >= 1 && r <= 3).length;
  return { n, top1, top3, top1Pct: round((100 * top1) / n, 1), top3Pct: round((100 * top3) / n, 1) };
};

let t0 = performance.now();
const nice = new NiceSuggester(shippedNiceData());
const niceBuildMs = round(performance.now() - t0, 0);
t0 = performance.now();
const ipc = new IpcSuggester();
const ipcBuildMs = round(performance.now() - t0, 0);
console.log(`classify: Nice suggester built in ${niceBuildMs} ms, IPC suggester in ${ipcBuildMs} ms`);

const times: number[] = [];
const nice1: Record<string, Score> = {};
for (const set of niceSets) {
  const ranks: number[] = [];
  for (const item of set.items) {
    const s = performance.now();
    const got = nice.suggest({ text: item.text, language: set.language, limit: 10 }).suggestions.map((x) => x.classNumber);
    times.push(performance.now() - s);
    const rank = got.indexOf(item.class) + 1;
    ranks.push(rank);
    if (showMisses === set.split && rank !== 1) console.log(`  miss ${set.language}-${set.split}: [${item.class}] got ${got.slice(0, 3).join(', ')}  "${item.text}"`);
  }
  nice1[`${set.language}-${set.split}`] = score(ranks);
}
const ipc1: Record<string, Score> = {};
const ipcTimes: number[] = [];
for (const set of ipcSets) {
  const ranks: number[] = [];
  for (const item of set.items) {
    const s = performance.now();
    const got = ipc.suggest({ text: item.text, limit: 10 }).suggestions.map((x) => x.symbol);
    ipcTimes.push(performance.now() - s);
    const rank = got.indexOf(item.subclass) + 1;
    ranks.push(rank);
    if (showMisses === set.split && rank !== 1) console.log(`  miss ipc-${set.split}: [${item.subclass}] got ${got.slice(0, 3).join(', ')}  "${item.text.slice(0, 90)}"`);
  }
  ipc1[`ipc-${set.split}`] = score(ranks);
}

times.sort((a, b) => a - b); ipcTimes.sort((a, b) => a - b);
const line = (k: string, s: Score) => `${k} (${s.n}): top-1 ${s.top1Pct} %, top-3 ${s.top3Pct} %`;
for (const [k, s] of Object.entries(nice1)) console.log(`  Nice ${line(k, s)}`);
for (const [k, s] of Object.entries(ipc1)) console.log(`  IPC ${line(k, s)}`);
const latency = { niceP50Ms: round(percentile(times, 50), 2), niceP95Ms: round(percentile(times, 95), 2), ipcP50Ms: round(percentile(ipcTimes, 50), 2), ipcP95Ms: round(percentile(ipcTimes, 95), 2) };
console.log(`  per suggestion: Nice p50 ${latency.niceP50Ms} ms, p95 ${latency.niceP95Ms} ms; IPC p50 ${latency.ipcP50Ms} ms, p95 ${latency.ipcP95Ms} ms`);

const enTest = nice1['en-test'];
const met = enTest ? enTest.top1Pct >= 80 && enTest.top3Pct >= 95 : null;
const short = (k: string, s: Score | undefined) => (s ? `${k} ${s.top1Pct}/${s.top3Pct}` : null);
const parts = [
  ...['en', 'fr', 'es'].map((l) => short(`${l}`, nice1[`${l}-test`])),
  ...Object.keys(nice1).filter((k) => k.endsWith('-test') && !['en-test', 'fr-test', 'es-test'].includes(k)).map((k) => short(k.replace('-test', ''), nice1[k])),
  short('IPC', ipc1['ipc-test']),
].filter(Boolean);
if (!flags.dry) record({
  name: 'classify', db: 'none', machine: { ...atStart, loadavgAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
  params: { splits, sets: [...niceSets.map((s) => `${s.language}-${s.split}`), ...ipcSets.map((s) => `ipc-${s.split}`)] },
  figures: { nice: nice1, ipc: ipc1, buildMs: { nice: niceBuildMs, ipc: ipcBuildMs }, latency },
  target: { text: 'Nice, English test part: top-1 ≥ 80 %, top-3 ≥ 95 %', met },
  line: `held-out test parts, top-1/top-3 %: ${parts.join(', ')}${nice1['en-dev'] ? `; dev: en ${nice1['en-dev'].top1Pct}/${nice1['en-dev'].top3Pct}` : ''}; built in ${niceBuildMs} ms (Nice) and ${ipcBuildMs} ms (IPC), p95 ${latency.niceP95Ms} ms (Nice), ${latency.ipcP95Ms} ms (IPC) a suggestion`,
});
if (met === false) process.exitCode = 1;
