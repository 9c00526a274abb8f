// A real OpenID Connect provider for the sign-in tests, run as its own process:
//   node oidc-provider.mjs '<json>'   with { clients: [...], users: { <sub>: { claims } } }
// It listens on a free port of 127.0.0.1, makes a fresh RS256 key, and prints `READY <issuer>`.
// Its sign-in page is a form naming the test user to sign in as (no password: the tests are about
// what the office does with the provider's answer). POST /__test/tamper { mode } makes its token
// endpoint answer with an ID token re-signed with another audience, issuer, nonce or key, as a
// hostile or misconfigured provider would; POST /__test/user { sub, claims } changes a user's claims.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2] ?? '{}');
const users = settings.users ?? {};
let tamper = 'none';

const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: `k-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
const signingKey = await jose.importJWK(jwk, 'RS256');
const otherKey = (await jose.generateKeyPair('RS256')).privateKey;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: settings.clients ?? [],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(16).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], roles: ['roles'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const user = users[sub];
    if (!user) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...user }) };
  },
  // The office is a first-party client: no consent screen, every scope it asks for is granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/** Re-signs the ID token of a token response the way the tamper mode says. */
async function tampered(json) {
  const body = JSON.parse(json);
  if (!body.id_token) return json;
  const claims = jose.decodeJwt(body.id_token);
  const header = jose.decodeProtectedHeader(body.id_token);
  let key = signingKey;
  if (tamper === 'aud') claims.aud = 'another-client';
  if (tamper === 'iss') claims.iss = 'http://127.0.0.1:1/another-issuer';
  if (tamper === 'nonce') claims.nonce = 'another-nonce';
  if (tamper === 'key') key = otherKey;
  body.id_token = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: header.typ }).sign(key);
  return JSON.stringify(body);
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/__test/tamper' && req.method === 'POST') {
      tamper = JSON.parse(await readBody(req)).mode;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__test/user' && req.method === 'POST') {
      const { sub, claims } = JSON.parse(await readBody(req));
      if (claims) users[sub] = claims; else delete users[sub];
      res.writeHead(204).end();
      return;
    }
    const m = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const details = await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main><h1>Test provider: sign in</h1>
        <form method="post" action="/interaction/${escape(details.uid)}">
          <label>Account <select name="account">${Object.keys(users).map((s) => `<option value="${escape(s)}">${escape(s)}</option>`).join('')}</select></label>
          <button type="submit" name="action" value="login">Sign in</button>
          <button type="submit" name="action" value="abort">Cancel</button>
        </form></main></body></html>`);
      return;
    }
    if (m && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const account = form.get('account');
      if (form.get('action') === 'abort') {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled' }, { mergeWithLastSubmission: false });
      } else if (account && users[account]) {
        await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      } else {
        res.writeHead(400).end('unknown account');
      }
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST' && tamper !== 'none') {
      // Catch the token response on its way out and hand back the altered one.
      const end = res.end.bind(res);
      res.end = (chunk, ...rest) => {
        if (!chunk) return end(chunk, ...rest);
        tampered(chunk.toString()).then((out) => {
          res.setHeader('content-length', Buffer.byteLength(out));
          end(out);
        }, (e) => { res.statusCode = 500; end(String(e)); });
        return res;
      };
    }
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e?.stack ?? e));
  }
});

process.stdout.write(`READY ${issuer}\n`);
