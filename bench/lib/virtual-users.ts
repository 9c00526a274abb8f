// The virtual users of the load benchmark: 500 people using the office at once, each a loop of requests
// separated by think time, over keep-alive HTTP connections (node:http, one agent for all). Three kinds:
//   public   anonymous: register searches, case reads, the gazette, the Nice terms (the majority);
//   portal   applicants and agents, each signed in once with an account of its own: portfolio, inbox,
//            filings with an Idempotency-Key (some patents with an uploaded PDF), answers to the office's
//            actions (a remedy; a response to a provisional refusal with an uploaded PDF), fee quotes;
//   staff    formalities officers, examiners and registrars: worklists, case files, acts, the gazette.
// Every request says what it expects. A deliberate 4xx (an invalid filing, an unknown or someone else's
// unpublished case) is counted apart when its status and problem code are the expected ones; any other
// status, a 5xx, a connection error or a timeout is an error.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { tinyPdf } from '../../packages/server/src/app/demo-files.ts';
import { patentFiling, rng, trademarkFiling, type Rng } from './payloads.ts';

// ---------------------------------------------------------------------------------------------------------
// HTTP

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; error?: undefined }
  | { status: 0; error: 'timeout' | 'network'; message: string };

/** Keep-alive connections to the servers; idle sockets are closed by the client well before the server's keep-alive timeout. */
export function httpAgent() {
  return new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 2048, timeout: 30_000, scheduling: 'lifo' });
}

export function send(agent: http.Agent, base: URL, method: string, path: string, headers: Record<string, string>, body: Buffer | null, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Reply) => { if (!done) { done = true; clearTimeout(timer); resolve(r); } };
    const req = http.request({
      agent, host: base.hostname, port: base.port, method, path,
      headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => finish({ status: 0, error: 'network', message: `${(e as any).code ?? e.name}: ${e.message}` }));
    });
    const timer = setTimeout(() => { req.destroy(); finish({ status: 0, error: 'timeout', message: `no answer within ${timeoutMs} ms` }); }, timeoutMs);
    req.on('error', (e) => finish({ status: 0, error: 'network', message: `${(e as any).code ?? e.name}: ${e.message}` }));
    if (body) req.end(body); else req.end();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Figures

export type Outcome = 'ok' | 'deliberate' | 'error';

export class OpStats {
  count = 0; ok = 0; deliberate = 0; errors = 0;
  statuses: Record<string, number> = {};
  latencies: number[] = [];
}

export interface SeriesPoint { t: number; requests: number; errors: number; deliberate: number; latencies: number[] }

/** What the run measured: per operation within the measured window; errors over the whole run. */
export class Figures {
  /** Requests that completed inside [from, to) are measured. */
  from = Infinity; to = Infinity;
  readonly ops = new Map<string, OpStats>();
  /** The same for requests before the window (the ramp, with most sign-ins) and after it. */
  readonly opsOutside = new Map<string, OpStats>();
  readonly outside = { requests: 0, errors: 0, deliberate: 0 };
  readonly errorKinds = new Map<string, number>();
  readonly deliberateKinds = new Map<string, number>();
  readonly sampleErrors: string[] = [];
  readonly series: SeriesPoint[] = [];
  constructor(readonly bucketMs: number, readonly t0: number) {}

  add(op: string, startedAt: number, endedAt: number, status: string, outcome: Outcome, kind?: string, sample?: string) {
    if (outcome === 'error') {
      this.errorKinds.set(kind!, (this.errorKinds.get(kind!) ?? 0) + 1);
      if (this.sampleErrors.length < 20) this.sampleErrors.push(sample ?? kind!);
    } else if (outcome === 'deliberate') this.deliberateKinds.set(kind!, (this.deliberateKinds.get(kind!) ?? 0) + 1);
    const b = Math.floor((endedAt - this.t0) / this.bucketMs);
    while (this.series.length <= b) this.series.push({ t: this.series.length * this.bucketMs / 1000, requests: 0, errors: 0, deliberate: 0, latencies: [] });
    const point = this.series[b];
    point.requests++; point.latencies.push(endedAt - startedAt);
    if (outcome === 'error') point.errors++; else if (outcome === 'deliberate') point.deliberate++;
    const inWindow = endedAt >= this.from && endedAt < this.to;
    if (!inWindow) {
      this.outside.requests++;
      if (outcome === 'error') this.outside.errors++; else if (outcome === 'deliberate') this.outside.deliberate++;
    }
    const map = inWindow ? this.ops : this.opsOutside;
    let s = map.get(op);
    if (!s) { s = new OpStats(); map.set(op, s); }
    s.count++; s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    s.latencies.push(endedAt - startedAt);
    if (outcome === 'ok') s.ok++; else if (outcome === 'deliberate') s.deliberate++; else s.errors++;
  }

  get errors() { let n = 0; for (const v of this.errorKinds.values()) n += v; return n; }
}

// ---------------------------------------------------------------------------------------------------------
// The office the users meet (from the generated register) and what they leave behind

export interface Account { username: string; password: string; role: string }

export interface World {
  servers: URL[];
  publicNumbers: string[];
  /** Unpublished cases with the account that filed them: for the deliberate "someone else's case" read. */
  hiddenCases: { number: string; owner: string }[];
  titleFragments: string[];
  holderFragments: string[];
  gazetteIssues: string[];
  /** Where a consumer of the change feed that has been following it stands (a little before the end of the sealed journal). */
  feedCursor: string;
  portal: Account[];
  staff: Account[];
}

export interface Acknowledged {
  filings: { caseId: string; number: string; username: string; key: string }[];
  acts: { actId: number; caseId: string; act: string; hash: string; username: string }[];
  replays: { key: string; first: string; second: string | null; flagged: boolean }[];
}

export interface RunOptions {
  world: World;
  publicUsers: number; portalUsers: number; staffUsers: number;
  rampMs: number; measureMs: number; thinkMs: number; timeoutMs: number; seed: number; runId: string;
  figures: Figures;
}

const NICE_WORDS = ['coffee', 'software', 'clothing', 'beer', 'cosmetics', 'furniture', 'toys', 'jewellery', 'insurance', 'education', 'restaurant', 'medical', 'vehicles', 'paper', 'tea', 'wine'];
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** FNV-1a of a string: how cases are shared out between the officers of one role (no two act on the same case). */
export function shareOf(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) % n;
}

class User {
  token: string | null = null;
  userId: string | null = null;
  etags = new Map<string, string>();
  feedCursor: string;
  constructor(readonly ctx: Ctx, readonly r: Rng, readonly base: URL, readonly name: string) { this.feedCursor = ctx.o.world.feedCursor; }

  /** One request: timed, classified, recorded. Returns the reply when it was what was expected (ok or the deliberate refusal). */
  async call(op: string, method: string, path: string, o: {
    json?: unknown; raw?: { type: string; body: Buffer }; headers?: Record<string, string>;
    expect?: number[]; deliberate?: { status: number; code: string }; conditional?: boolean;
  } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; json(): any } | null> {
    const { ctx } = this;
    const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: Buffer | null = null;
    if (o.json !== undefined) { body = Buffer.from(JSON.stringify(o.json)); headers['content-type'] = 'application/json'; }
    if (o.raw) { body = o.raw.body; headers['content-type'] = o.raw.type; }
    const etag = o.conditional ? this.etags.get(path) : undefined;
    if (etag) headers['if-none-match'] = etag;
    const t = performance.now();
    const res = await send(ctx.agent, this.base, method, path, headers, body, ctx.o.timeoutMs);
    const end = performance.now();
    const expect = [...(o.expect ?? [200]), ...(etag ? [304] : [])];
    if (res.error !== undefined) {
      ctx.o.figures.add(op, t, end, res.error, 'error', res.error === 'timeout' ? 'timeout' : `network: ${res.message.split(':')[0]}`, `${op} ${method} ${path}: ${res.message}`);
      return null;
    }
    let code = '';
    const problem = () => {
      if (code || !String(res.headers['content-type'] ?? '').includes('json')) return code;
      try { code = String(JSON.parse(res.body.toString('utf8')).code ?? ''); } catch { code = '(unreadable)'; }
      return code;
    };
    if (o.deliberate && res.status === o.deliberate.status && problem() === o.deliberate.code) {
      ctx.o.figures.add(op, t, end, String(res.status), 'deliberate', `${res.status} ${code} (${op})`);
      return { ...res, json: () => JSON.parse(res.body.toString('utf8')) };
    }
    if (!expect.includes(res.status)) {
      const kind = res.status >= 500 ? `${res.status} ${problem()}` : `unexpected ${res.status} ${problem()}`;
      ctx.o.figures.add(op, t, end, String(res.status), 'error', `${kind} (${op})`, `${op} ${method} ${path} -> ${res.status} ${res.body.toString('utf8').slice(0, 400)}`);
      return null;
    }
    ctx.o.figures.add(op, t, end, String(res.status), 'ok');
    if (o.conditional && typeof res.headers.etag === 'string') {
      if (this.etags.size > 64) this.etags.delete(this.etags.keys().next().value!);
      this.etags.set(path, res.headers.etag);
    }
    return { ...res, json: () => JSON.parse(res.body.toString('utf8')) };
  }

  /** A person reading and deciding: exponential around the mean, cut at 0.1x and 5x; never past the end of the run. */
  async think(scale = 1) {
    const mean = this.ctx.o.thinkMs * scale;
    const ms = Math.min(5 * mean, Math.max(0.1 * mean, -Math.log(1 - this.r.next()) * mean));
    const left = this.ctx.stopAt - performance.now();
    if (left > 0) await sleep(Math.min(ms, left));
  }

  get stopping() { return performance.now() >= this.ctx.stopAt; }

  async signIn(account: Account) {
    const res = await this.call('sign in', 'POST', '/api/v1/auth/login', { json: { username: account.username, password: account.password } });
    if (!res) return false;
    const b = res.json();
    this.token = b.token; this.userId = b.user.id;
    return true;
  }
}

interface Ctx { o: RunOptions; agent: http.Agent; stopAt: number; ack: Acknowledged; pdfSeq: number }

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)];
/** A journey chosen by weight. */
function weighted<T extends string>(r: Rng, table: Record<T, number>): T {
  const total = Object.values<number>(table).reduce((a, b) => a + b, 0);
  let x = r.next() * total;
  for (const [k, w] of Object.entries<number>(table)) { x -= w; if (x < 0) return k as T; }
  return Object.keys(table)[0] as T;
}
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

// ---------------------------------------------------------------------------------------------------------
// Journeys

async function searchAndRead(u: User, op = 'register search') {
  const { world } = u.ctx.o;
  const x = u.r.next();
  const query: Record<string, string | number> = x < 0.7 ? { q: pick(u.r, world.titleFragments), limit: 20 }
    : x < 0.85 ? { holder: pick(u.r, world.holderFragments), limit: 20 }
    : { classNumber: u.r.int(1, 45), right: 'trademark', limit: 20 };
  const found = await u.call(op, 'GET', `/api/v1/cases?${q(query)}`);
  if (!found) return;
  const items: { number: string }[] = found.json().items ?? [];
  for (let i = u.r.int(0, 2); i > 0 && items.length && !u.stopping; i--) {
    await u.think();
    const c = pick(u.r, items);
    await u.call('case read', 'GET', `/api/v1/cases/${encodeURIComponent(c.number)}`, { conditional: true });
    if (u.r.next() < 0.25) { await u.think(0.5); await u.call('case journal', 'GET', `/api/v1/cases/${encodeURIComponent(c.number)}/acts`, { conditional: true }); }
  }
}

async function publicUser(u: User) {
  const { world } = u.ctx.o;
  while (!u.stopping) {
    const j = weighted(u.r, { search: 52, number: 16, gazette: 10, nice: 10, changes: 4, unknown: 4, hidden: 4 });
    if (j === 'search') await searchAndRead(u);
    else if (j === 'number') {
      const n = pick(u.r, world.publicNumbers);
      await u.call('case read', 'GET', `/api/v1/cases/${encodeURIComponent(n)}`, { conditional: true });
      if (u.r.next() < 0.3) { await u.think(0.5); await u.call('case journal', 'GET', `/api/v1/cases/${encodeURIComponent(n)}/acts`, { conditional: true }); }
    } else if (j === 'gazette') {
      await u.call('gazette issues', 'GET', '/api/v1/gazette/issues?limit=20', { conditional: true });
      if (world.gazetteIssues.length && u.r.next() < 0.6) {
        await u.think();
        await u.call('gazette issue', 'GET', `/api/v1/gazette/issues/${encodeURIComponent(pick(u.r, world.gazetteIssues))}`, { conditional: true });
      }
    } else if (j === 'nice') {
      await u.call('nice terms', 'GET', `/api/v1/reference/nice/terms?${q({ q: pick(u.r, NICE_WORDS), limit: 20 })}`);
    } else if (j === 'changes') {
      // A docketing system polling the change feed from where it stopped.
      const feed = await u.call('change feed', 'GET', `/api/v1/changes?${q({ since: u.feedCursor, limit: 100 })}`);
      if (feed) u.feedCursor = feed.json().next;
    } else if (j === 'unknown') {
      // A mistyped number: deliberate 404.
      await u.call('case read (unknown number)', 'GET', `/api/v1/cases/TM-1999-${String(u.r.int(900000, 999999))}`, { deliberate: { status: 404, code: 'CASE_NOT_FOUND' } });
    } else {
      // An unpublished case by its number: to the public it does not exist (deliberate 404, and a confidentiality check under load).
      const h = pick(u.r, world.hiddenCases);
      await u.call('case read (unpublished)', 'GET', `/api/v1/cases/${encodeURIComponent(h.number)}`, { deliberate: { status: 404, code: 'CASE_NOT_FOUND' } });
    }
    await u.think();
  }
}

function uniquePdf(u: User, what: string): Buffer {
  const n = ++u.ctx.pdfSeq;
  return tinyPdf([`${what}`, `${u.ctx.o.runId} ${u.name} document ${n}`, `Submitted ${new Date().toISOString()}`]);
}

async function upload(u: User, what: string): Promise<string | null> {
  const res = await u.call('upload PDF', 'POST', '/api/v1/uploads', { raw: { type: 'application/pdf', body: uniquePdf(u, what) }, expect: [201] });
  return res ? res.json().sha256 : null;
}

let keySeq = 0;
async function file(u: User, account: Account, filing: { right: string; payload: any; payment: any }, op: string) {
  const key = `${u.ctx.o.runId}-${u.name}-${++keySeq}`;
  const res = await u.call(op, 'POST', '/api/v1/cases', { json: filing, headers: { 'idempotency-key': key }, expect: [201] });
  if (!res) return;
  const b = res.json();
  u.ctx.ack.filings.push({ caseId: b.case.id, number: b.case.number, username: account.username, key });
  // Now and then the same submission again (a double click, a retry after a lost answer): the first result, not a second case.
  if (u.r.next() < 0.04) {
    const again = await u.call('filing (same Idempotency-Key again)', 'POST', '/api/v1/cases', { json: filing, headers: { 'idempotency-key': key }, expect: [201] });
    u.ctx.ack.replays.push({ key, first: b.case.number, second: again ? again.json().case.number : null, flagged: again?.headers['idempotent-replayed'] === 'true' });
  }
}

async function act(u: User, account: Account, op: string, c: { id: string }, type: string, payload: Record<string, unknown>) {
  const res = await u.call(op, 'POST', `/api/v1/cases/${c.id}/acts/${type}`, { json: { payload }, expect: [201] });
  if (res) { const b = res.json(); u.ctx.ack.acts.push({ actId: Number(b.actId), caseId: b.caseId, act: type, hash: b.hash, username: account.username }); }
  return !!res;
}

async function portalUser(u: User, account: Account) {
  const { world } = u.ctx.o;
  if (!await u.signIn(account)) return;
  const r = u.r;
  const docs = { pdf: [] as string[], png: [] as string[] };
  while (!u.stopping) {
    await u.think();
    if (u.stopping) break;
    const j = weighted(r, { portfolio: 24, inbox: 12, file: 15, patent: 3, answer: 14, search: 10, quote: 5, account: 4, invalid: 2, foreign: 2 });
    if (j === 'portfolio') {
      const p = await u.call('portfolio', 'GET', '/api/v1/portfolio?limit=20');
      const items: { id: string }[] = p?.json().items ?? [];
      if (items.length) {
        await u.think();
        const c = pick(r, items);
        await u.call('own case read', 'GET', `/api/v1/cases/${c.id}`);
        if (r.next() < 0.3) { await u.think(0.5); await u.call('own case time limits', 'GET', `/api/v1/cases/${c.id}/time-limits`); }
      }
    } else if (j === 'inbox') {
      await u.call('inbox', 'GET', '/api/v1/inbox');
    } else if (j === 'file') {
      const filing = trademarkFiling(r);
      if (r.next() < 0.5) {
        await u.call('nice terms', 'GET', `/api/v1/reference/nice/terms?${q({ q: pick(r, NICE_WORDS), limit: 20 })}`);
        await u.think();
      }
      if (r.next() < 0.4) {
        await u.call('fee quote', 'POST', '/api/v1/fees/quote', { json: { right: 'trademark', payload: { goodsServices: filing.payload.goodsServices } } });
        await u.think();
      }
      await file(u, account, filing, 'file trademark');
    } else if (j === 'patent') {
      const sha = await upload(u, 'Description');
      if (!sha) continue;
      docs.pdf = [sha];
      await u.think();
      // The portal quotes the fees of what the form says (claims beyond those included cost extra) and pays them.
      const filing = patentFiling(r, docs);
      const quote = await u.call('fee quote', 'POST', '/api/v1/fees/quote', { json: { right: 'patent', payload: filing.payload } });
      if (!quote) continue;
      filing.payment.amount = quote.json().total;
      await file(u, account, filing, 'file patent (with uploaded PDF)');
    } else if (j === 'answer') {
      // The office's actions waiting for this party come first in the portfolio (the nearest time limit first).
      const p = await u.call('portfolio', 'GET', '/api/v1/portfolio?limit=20');
      const waiting = (p?.json().items ?? []).filter((c: any) => c.right === 'trademark' && (c.state === 'formalities-deficient' || c.state === 'provisionally-refused'));
      if (!waiting.length) continue;
      const c = pick(r, waiting) as { id: string; state: string };
      await u.think();
      await u.call('own case read', 'GET', `/api/v1/cases/${c.id}`);
      await u.think(2);
      if (c.state === 'formalities-deficient') {
        await act(u, account, 'remedy deficiency', c, 'remedy-deficiency', { remarks: 'The complete address of the applicant is: 12 Industrial Park, Unit 4, Port Town.' });
      } else {
        const sha = await upload(u, 'Arguments in response to the provisional refusal');
        if (!sha) continue;
        await u.think(0.5);
        await act(u, account, 'respond to refusal (with uploaded PDF)', c, 'respond-to-refusal', { remarks: 'The mark is distinctive for the goods concerned; see the arguments filed.', documents: [{ document: { sha256: sha } }] });
      }
    } else if (j === 'search') {
      await searchAndRead(u, 'register search (signed in)');
    } else if (j === 'quote') {
      await u.call('fee quote', 'POST', '/api/v1/fees/quote', { json: { right: 'trademark', payload: { goodsServices: [{ classNumber: r.int(1, 45), terms: ['x'] }, { classNumber: 9, terms: ['software'] }] } } });
    } else if (j === 'account') {
      await u.call('current account', 'GET', '/api/v1/account');
    } else if (j === 'invalid') {
      // A filing with a class the Nice Classification does not have: deliberate 400, nothing filed.
      const f = trademarkFiling(r);
      f.payload.goodsServices = [{ classNumber: 46 + r.int(0, 50), terms: ['things'] }];
      await u.call('file trademark (invalid class)', 'POST', '/api/v1/cases', { json: f, headers: { 'idempotency-key': `${u.ctx.o.runId}-${u.name}-bad-${++keySeq}` }, deliberate: { status: 400, code: 'UNKNOWN_NICE_CLASS' } });
    } else {
      // Another party's unpublished case: not found for this account either.
      const from = r.int(0, world.hiddenCases.length - 1);
      const h = [...world.hiddenCases.slice(from), ...world.hiddenCases.slice(0, from)].find((x) => x.owner !== account.username);
      if (h) await u.call('case read (another party\'s unpublished)', 'GET', `/api/v1/cases/${encodeURIComponent(h.number)}`, { deliberate: { status: 404, code: 'CASE_NOT_FOUND' } });
    }
  }
}

/** The worklist lanes each role works on here, with the decisions it takes and how often. */
const WORK: Record<string, { state: string; right: string; decide(r: Rng, c: any): { act: string; payload: Record<string, unknown> } }[]> = {
  formalities: [
    { state: 'formalities', right: 'trademark', decide: (r) => (r.next() < 0.85 ? { act: 'accept-formalities', payload: {} }
      : { act: 'notify-formal-deficiency', payload: { deficiencies: [{ code: 'APPLICANT_ADDRESS', description: 'The address of the applicant is incomplete.' }] } }) },
    { state: 'formalities', right: 'patent', decide: () => ({ act: 'accept-formalities', payload: {} }) },
  ],
  examiner: [
    { state: 'classification', right: 'trademark', decide: () => ({ act: 'approve-classification', payload: {} }) },
    { state: 'examination', right: 'trademark', decide: (r) => (r.next() < 0.8 ? { act: 'accept', payload: {} }
      : { act: 'refuse-provisionally', payload: { grounds: [{ code: 'DESCRIPTIVE', explanation: 'The mark describes the goods.' }] } }) },
  ],
  registrar: [
    { state: 'accepted', right: 'trademark', decide: () => ({ act: 'publish', payload: {} }) },
    { state: 'awaiting-registration', right: 'trademark', decide: () => ({ act: 'register', payload: {} }) },
  ],
};

async function staffUser(u: User, account: Account, share: { index: number; of: number }) {
  const { world } = u.ctx.o;
  if (!await u.signIn(account)) return;
  const r = u.r;
  const lanes = WORK[account.role];
  while (!u.stopping) {
    await u.think();
    if (u.stopping) break;
    const j = weighted(r, { work: 62, overview: 12, journal: 8, search: 10, gazette: account.role === 'registrar' ? 8 : 3, dashboard: 2 });
    if (j === 'work') {
      const lane = pick(r, lanes);
      let mine: any[] = [];
      // This officer's share of the lane: the first page, else the next one.
      for (let page = 0; page < 2 && !mine.length && !u.stopping; page++) {
        const w = await u.call('worklist', 'GET', `/api/v1/worklist?${q({ state: lane.state, right: lane.right, limit: 50, offset: page * 50 })}`);
        if (!w) break;
        const items: any[] = w.json().items ?? [];
        mine = items.filter((c) => c.state === lane.state && shareOf(c.id, share.of) === share.index);
        if (items.length < 50) break;
      }
      if (!mine.length) continue;
      const c = pick(r, mine);
      await u.think(0.5);
      const file = await u.call('case file (office)', 'GET', `/api/v1/cases/${c.id}`);
      if (!file) continue;
      await u.think(2);
      // Fees still outstanding: the officer leaves the case until they are paid.
      if (Number(file.json().fees?.outstanding ?? 0) > 0) continue;
      const d = lane.decide(r, c);
      await act(u, account, `act: ${d.act}`, c, d.act, d.payload);
    } else if (j === 'overview') {
      await u.call('worklist', 'GET', '/api/v1/worklist?limit=20');
    } else if (j === 'journal') {
      await u.call('case journal', 'GET', `/api/v1/cases/${encodeURIComponent(pick(r, world.publicNumbers))}/acts`);
    } else if (j === 'search') {
      await searchAndRead(u, 'register search (office)');
    } else if (j === 'gazette') {
      await u.call('gazette issues', 'GET', '/api/v1/gazette/issues?limit=20');
      if (world.gazetteIssues.length) { await u.think(); await u.call('gazette issue', 'GET', `/api/v1/gazette/issues/${encodeURIComponent(pick(r, world.gazetteIssues))}`, { conditional: true }); }
    } else {
      await u.call('office dashboard', 'GET', '/api/v1/stats/dashboard');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Runs every virtual user until the end of the measured window. Users start one after the other over the
 * ramp (public, portal and staff interleaved), each on a server of its own in turn (as a load balancer with
 * sticky sessions would), so sign-ins are spread out; the window begins when the last one has started.
 */
export async function runUsers(o: RunOptions): Promise<{ ack: Acknowledged; signIns: { portal: number; staff: number } }> {
  const total = o.publicUsers + o.portalUsers + o.staffUsers;
  if (o.portalUsers > o.world.portal.length) throw new Error(`--portal ${o.portalUsers} needs as many portal accounts (have ${o.world.portal.length})`);
  if (o.staffUsers > o.world.staff.length) throw new Error(`--staff ${o.staffUsers} needs as many staff accounts (have ${o.world.staff.length})`);
  const start = performance.now();
  o.figures.from = start + o.rampMs;
  o.figures.to = o.figures.from + o.measureMs;
  const ctx: Ctx = { o, agent: httpAgent(), stopAt: o.figures.to, ack: { filings: [], acts: [], replays: [] }, pdfSeq: 0 };
  // Interleave the kinds, so the ramp brings each in at its share.
  const kinds: ('public' | 'portal' | 'staff')[] = [];
  const want = { public: o.publicUsers, portal: o.portalUsers, staff: o.staffUsers };
  const had = { public: 0, portal: 0, staff: 0 };
  for (let i = 0; i < total; i++) {
    const k = (['public', 'portal', 'staff'] as const).reduce((best, x) => (want[x] && had[x] / want[x] < (want[best] ? had[best] / want[best] : Infinity) ? x : best), 'public' as 'public' | 'portal' | 'staff');
    kinds.push(k); had[k]++;
  }
  // Staff accounts in the order they were made (the roles interleaved in proportion); each officer gets a share of its role's cases.
  const chosenStaff = o.world.staff.slice(0, o.staffUsers);
  const roleCount = new Map<string, number>();
  for (const a of chosenStaff) roleCount.set(a.role, (roleCount.get(a.role) ?? 0) + 1);
  const roleIndex = new Map<string, number>();
  const next = { portal: 0, staff: 0 };
  const loops: Promise<void>[] = [];
  const signIns = { portal: 0, staff: 0 };
  for (let i = 0; i < total; i++) {
    const k = kinds[i];
    const u = new User(ctx, rng(o.seed * 1000 + i), o.world.servers[i % o.world.servers.length], `${k}-${i}`);
    const at = start + (o.rampMs * i) / total;
    const run = async () => {
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      if (k === 'public') return publicUser(u);
      if (k === 'portal') { signIns.portal++; return portalUser(u, o.world.portal[next.portal++]); }
      const account = chosenStaff[next.staff++];
      const idx = roleIndex.get(account.role) ?? 0; roleIndex.set(account.role, idx + 1);
      signIns.staff++;
      return staffUser(u, account, { index: idx, of: roleCount.get(account.role)! });
    };
    loops.push(run().catch((e) => { o.figures.add('virtual user', performance.now(), performance.now(), 'crash', 'error', 'virtual user failed', String(e?.stack ?? e)); }));
  }
  await Promise.all(loops);
  ctx.agent.destroy();
  return { ack: ctx.ack, signIns };
}
