// Outgoing e-mail behind one interface: an SMTP server (nodemailer), or, for the demo office that has
// none, the composed message kept as an .eml file (in memory for a database in memory) to look at.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  /** '<id@domain>': the same on every attempt, so a receiver that gets a message twice can tell. */
  messageId: string;
  headers: Record<string, string>;
}

/** accepted false: the server answered, and refused the message (`response` says why). */
export interface MailResult { accepted: boolean; response: string }

export interface Mailer {
  readonly kind: 'smtp' | 'file' | 'memory';
  /** Throws when the server cannot be reached or the conversation breaks off. */
  send(message: MailMessage): Promise<MailResult>;
}

// Local files and URLs are never read into a message: everything in it is given here.
const composeOptions = (m: MailMessage) => ({
  from: m.from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}), messageId: m.messageId, headers: m.headers,
  disableFileAccess: true, disableUrlAccess: true,
});

/** An SMTP server by its URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport;
  constructor(url: string, timeoutMs = 15_000) {
    this.transport = nodemailer.createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: 2 * timeoutMs });
  }

  async send(m: MailMessage): Promise<MailResult> {
    try {
      const info = await this.transport.sendMail(composeOptions(m));
      return { accepted: info.accepted.length > 0 && info.rejected.length === 0, response: String(info.response ?? '') };
    } catch (e: any) {
      // The server answered with a refusal (e.g. 550 for the recipient): an answer, not a broken connection.
      if (typeof e?.responseCode === 'number') return { accepted: false, response: String(e.response ?? e.responseCode) };
      throw e;
    }
  }
}

/** What a mailer without a directory kept, newest last. */
export interface KeptMail { message: MailMessage; raw: Buffer; file: string | null }

/**
 * Writes each message as `<dir>/<Message-ID>.eml`, as the SMTP server would have received it (a resend
 * overwrites it); without a directory, keeps the last messages in memory.
 */
export class FileMailer implements Mailer {
  readonly kind;
  readonly kept: KeptMail[] = [];
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  constructor(private readonly dir: string | null, private readonly keep = 200) {
    this.kind = dir ? 'file' as const : 'memory' as const;
  }

  async send(m: MailMessage): Promise<MailResult> {
    const info = await this.composer.sendMail(composeOptions(m));
    const raw = info.message as Buffer;
    let file: string | null = null;
    if (this.dir) {
      await mkdir(this.dir, { recursive: true });
      file = join(this.dir, `${m.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`);
      await writeFile(file, raw);
    }
    if (!this.dir) {
      this.kept.push({ message: m, raw, file });
      if (this.kept.length > this.keep) this.kept.shift();
    }
    return { accepted: true, response: file ? `written to ${file}` : 'kept in memory' };
  }
}
