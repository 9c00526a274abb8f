// An outgoing document drawn from a filled template: PDF pages with the office's fonts for every script
// (right to left for Arabic), the mark or design image, the goods and services, the hashes of what was
// submitted, and the verification line every document ends with. Signing is the caller's next step.
import { PdfWriter } from '../../platform/pdf/layout.ts';
import type { Rendered } from './templates.ts';

export interface DocumentContent {
  title: string;
  language: string;
  rtl: boolean;
  office: string;
  caseNumber: string;
  /** The office date of the act, fixed in the file so the same act gives the same text. */
  date: string;
  lines: Rendered[];
  image: Buffer | null;
  goods: { classNumber: number; terms: string[] }[];
  submitted: { label: string; sha256: string }[];
  headings: { image: string; goods: string; classes: string; submitted: string };
  verification: string;
}

export async function renderDocumentPdf(d: DocumentContent): Promise<{ pdf: Buffer; pages: number }> {
  const w = new PdfWriter({
    title: `${d.title} ${d.caseNumber}`, author: d.office, subject: d.title, header: `${d.office} · ${d.caseNumber}`, footer: d.title,
    createdAt: new Date(`${d.date}T12:00:00Z`), lang: d.language,
  });
  const dir = d.rtl ? 'rtl' as const : 'auto' as const;
  const para = (text: string, style: { size?: number; bold?: boolean; color?: string; after?: number } = {}) =>
    w.paragraph(text, { ...style, direction: dir, alignRtl: d.rtl });
  for (const l of d.lines) {
    switch (l.t) {
      case 'h1': w.heading(l.text, 1, 60, d.rtl); break;
      case 'h2': w.heading(l.text, 2, 40, d.rtl); break;
      case 'p': para(l.text, { after: 4 }); break;
      case 'row': w.row(l.label, l.value, { rtl: d.rtl }); break;
      case 'rule': w.rule(8); break;
      case 'gap': w.space(8); break;
      case 'block':
        if (l.name === 'image' && d.image) {
          w.heading(d.headings.image, 2, 120, d.rtl);
          if (!w.image(d.image, { rtl: d.rtl })) para('—');
        } else if (l.name === 'goods' && d.goods.length) {
          w.heading(d.headings.goods, 2, 40, d.rtl);
          for (const g of d.goods) w.row(`${d.headings.classes} ${g.classNumber}`, g.terms.join('; '), { rtl: d.rtl, labelWidth: 90 });
        } else if (l.name === 'submitted' && d.submitted.length) {
          w.heading(d.headings.submitted, 2, 40, d.rtl);
          // A hash on a line of its own, so that it is never broken and can be copied whole.
          for (const s of d.submitted) w.block([{ text: s.label, style: { size: 9, bold: true, direction: dir, alignRtl: d.rtl } }, { text: s.sha256, style: { size: 8, direction: 'ltr', after: 4 } }]);
        }
        break;
    }
  }
  w.space(14);
  w.rule(8);
  para(d.verification, { size: 8.5, color: '#333333' });
  const pages = w.pages;
  return { pdf: await w.finish(), pages };
}
