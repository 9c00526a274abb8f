// The formats of a published issue: a PDF for reading (every script set in an embedded font that has
// it, right-to-left text in reading order) and a JSON document for reuse whose entries carry their case's
// ST.96 data (modules/exchange). The ST.96 XML is the exchange module's bag per right.
import { st96Json, type ExportCase } from '../exchange/index.ts';
import { PdfWriter } from '../../platform/pdf/layout.ts';
import { SECTION_TITLES, type Section } from './sections.ts';

export interface IssueEntry {
  no: number;
  section: Section;
  caseNumber: string;
  right: string;
  title: string | null;
  act: string;
  actTitle: string;
  officeDate: string;
  event: Record<string, any> | null;
  stateAfter: string;
  /** The case as the public export shows it (null: a right the export does not cover). */
  export: ExportCase | null;
}

export interface IssueDocument {
  office: { code: string; name: string };
  number: string;
  date: string;
  publishedAt: Date;
  seal: { id: number; hash: string } | null;
  sections: { section: Section; title: string; entries: IssueEntry[] }[];
}

export const RIGHT_TITLES: Readonly<Record<string, string>> = {
  trademark: 'Trademark', design: 'Industrial design', patent: 'Patent', 'utility-model': 'Utility model', gi: 'Geographical indication',
};

const eventLabel = (e: Record<string, any> | null) =>
  (e ? `${e.standard} ${e.category}${e.detailedCode ? ` / ${e.detailedCode}` : ''}` : '');

/** The entry's classification line: Nice classes, Locarno classes or IPC symbols, as the case has them. */
function classification(data: Record<string, any>): string | null {
  const nice = Array.isArray(data.goodsServices) ? [...new Set(data.goodsServices.map((g: any) => g?.classNumber).filter(Number.isInteger))].sort((a: any, b: any) => a - b) : [];
  if (nice.length) return `Nice classes: ${nice.join(', ')}`;
  const locarno = Array.isArray(data.designs) ? [...new Set(data.designs.map((d: any) => d?.locarno?.class).filter(Boolean))] : [];
  if (locarno.length) return `Locarno class: ${locarno.join(', ')}`;
  if (Array.isArray(data.ipc) && data.ipc.length) return `IPC: ${data.ipc.join('; ')}`;
  if (data.product?.niceClass) return `Nice class: ${data.product.niceClass}`;
  return null;
}

/** Who the entry names: as the public export has them (an address only where the office's law publishes it). */
function partiesLine(c: ExportCase): string | null {
  const named = (roles: string[]) => c.parties.filter((p) => roles.includes(p.role))
    .map((p) => `${p.name}${p.address ? `, ${p.address.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(', ')}` : ''}${p.country ? ` (${p.country})` : ''}`);
  const owners = named(['holder']).length ? named(['holder']) : named(['applicant']);
  const parts = [
    owners.length ? `${named(['holder']).length ? 'Holder' : 'Applicant'}: ${owners.join('; ')}` : null,
    named(['representative']).length ? `Representative: ${named(['representative']).join('; ')}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** What the entry is about, in its own script: the mark, the title of the invention, the name of the indication, the products. */
function subject(e: IssueEntry): string {
  const d = e.export?.data ?? {};
  const products = Array.isArray(d.designs) ? d.designs.flatMap((x: any) => x?.products ?? []).join('; ') : '';
  return e.export?.title ?? e.title ?? (products || '—');
}

export async function renderPdf(doc: IssueDocument): Promise<Buffer> {
  const heading = `${doc.office.name} — Official Gazette`;
  const w = new PdfWriter({
    title: `${heading}, issue ${doc.number} of ${doc.date}`, author: doc.office.name, subject: 'Official gazette',
    header: `${heading} · Issue ${doc.number} · ${doc.date}`, footer: `Issue ${doc.number}`, createdAt: doc.publishedAt,
  });
  w.heading(heading, 1, 120);
  w.paragraph(`Issue ${doc.number}, published ${doc.date}`, { size: 13, after: 6 });
  const total = doc.sections.reduce((n, s) => n + s.entries.length, 0);
  w.paragraph(`${total} ${total === 1 ? 'entry' : 'entries'}`, { size: 10 });
  for (const s of doc.sections) w.paragraph(`${s.title}: ${s.entries.length}`, { size: 10, indent: 12 });
  w.space(6);
  w.paragraph(doc.seal
    ? `The register as published is anchored by journal seal ${doc.seal.id}, SHA-256 ${doc.seal.hash}.`
    : 'The journal had no seal yet when this issue was published.', { size: 8, color: '#444444', after: 4 });
  w.paragraph('This issue is also published as JSON and as WIPO ST.96 XML, with SHA-256 checksums (see the open data of the office).', { size: 8, color: '#444444' });

  for (const s of doc.sections) {
    if (s.entries.length === 0) continue;
    w.heading(s.title, 1);
    for (const e of s.entries) {
      const parts: { text: string; style?: Parameters<PdfWriter['paragraph']>[1] }[] = [
        { text: `${e.no}. ${e.caseNumber} · ${RIGHT_TITLES[e.right] ?? e.right} · ${e.officeDate}`, style: { bold: true, size: 9 } },
        { text: subject(e), style: { size: 11, indent: 12 } },
        { text: `${e.actTitle}${e.event ? ` (${eventLabel(e.event)})` : ''}`, style: { size: 9, indent: 12, color: '#333333' } },
      ];
      const who = e.export ? partiesLine(e.export) : null;
      if (who) parts.push({ text: who, style: { size: 9, indent: 12 } });
      const cls = e.export ? classification(e.export.data) : null;
      if (cls) parts.push({ text: cls, style: { size: 9, indent: 12 } });
      w.block(parts, 5);
    }
  }
  return w.finish();
}

/** The issue as JSON: its metadata and sections; each entry with its event and its case's ST.96 data. */
export function renderJson(doc: IssueDocument, links: { caseOf(n: string): string; st96Of(n: string): string }): Buffer {
  const body = {
    format: 'registrum-gazette/1',
    office: doc.office,
    issue: { number: doc.number, date: doc.date, publishedAt: doc.publishedAt.toISOString(), entryCount: doc.sections.reduce((n, s) => n + s.entries.length, 0) },
    seal: doc.seal,
    sections: doc.sections.map((s) => ({
      section: s.section,
      title: SECTION_TITLES[s.section],
      entries: s.entries.map((e) => ({
        no: e.no, caseNumber: e.caseNumber, right: e.right, title: e.export?.title ?? e.title,
        act: e.act, actTitle: e.actTitle, officeDate: e.officeDate, event: e.event, stateAfter: e.stateAfter,
        links: { case: links.caseOf(e.caseNumber), st96: links.st96Of(e.caseNumber) },
        st96: e.export ? st96Json(e.export) : null,
      })),
    })),
  };
  return Buffer.from(JSON.stringify(body), 'utf8');
}
