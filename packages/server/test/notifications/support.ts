// A real SMTP server in the test process (smtp-server on 127.0.0.1), collecting what it receives, which can
// refuse chosen recipients or be stopped and started again on its port; and accounts with e-mail addresses.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { actorOf } from '../../src/modules/access/index.ts';
import type { Actor } from '../../src/kernel/actor.ts';
import { insertParty } from '../../src/procedure-engine/journal.repository.ts';
import type { TestOffice } from '../support/harness.ts';

export interface Received {
  from: string; to: string[]; raw: string; user: string | null;
  /** Header names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  body: string;
}

export class SmtpReceiver {
  readonly received: Received[] = [];
  /** Recipients answered 550 at RCPT TO. */
  readonly refusing = new Set<string>();
  port = 0;
  private server: SMTPServer | null = null;

  constructor(private readonly credentials: { user: string; pass: string }) {}

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true, allowInsecureAuth: true, disabledCommands: ['STARTTLS'], logger: false, banner: 'test receiver',
      onAuth: (auth, _session, cb) => {
        if (auth.username === this.credentials.user && auth.password === this.credentials.pass) return cb(null, { user: auth.username });
        cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, cb) => {
        if (this.refusing.has(address.address)) return cb(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const [head, ...rest] = raw.split('\r\n\r\n');
          const headers: Record<string, string> = {};
          for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
            const i = line.indexOf(':');
            if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
          }
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
            raw, user: (session.user as string | undefined) ?? null, headers, body: rest.join('\r\n\r\n').replace(/=\r\n/g, ''),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', () => resolve()); });
    server.on('error', () => {});
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  url(): string { return `smtp://${this.credentials.user}:${this.credentials.pass}@127.0.0.1:${this.port}`; }
  to(address: string): Received[] { return this.received.filter((r) => r.to.includes(address)); }
}

/** An applicant or agent account with a party, both with this e-mail address. */
export async function mailUser(office: TestOffice, username: string, role: 'agent' | 'applicant', partyName: string, email: string): Promise<Actor & { kind: 'user' }> {
  const id = await office.db.tx(async (q) => {
    const partyId = await insertParty(q, { name: partyName, country: 'XX', email });
    return office.access.createUser(q, { username, displayName: partyName, role, password: 'test-password', partyId, email });
  });
  return actorOf((await office.access.listUsers()).find((u) => u.id === id)!) as Actor & { kind: 'user' };
}
