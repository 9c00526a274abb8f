// Every English title the law gives a framework, a procedure, a state (and its ST.96 status category),
// an act, a fee or a document (issued by the office, or uploaded where an act asks for one), gathered
// from the frameworks the office ships: the keys procedures/src/translations/law-text.ts must translate. Shared by the i18n test
// and, run on its own (npx tsx packages/web/test/law-titles.ts), it prints the titles that still lack
// a translation, as entries to paste into LAW_TEXT and complete.
import { pathToFileURL } from 'node:url';
import { FRAMEWORKS, type UploadRef } from '@registrum/procedures';
import { DOCUMENT_TITLES, documentTitle } from '../../server/src/modules/documents/titles.ts';
import { LAW_TEXT } from '../src/i18n/law.ts';

/** Title -> where it is used (framework, right and version, kind of title and its key), for the message of a failing test. */
export function lawTitles(): Map<string, string[]> {
  const titles = new Map<string, string[]>();
  const add = (title: string | undefined, where: string) => {
    if (!title) return;
    titles.set(title, [...(titles.get(title) ?? []), where]);
  };
  for (const f of FRAMEWORKS) {
    add(f.title, `framework ${f.id}`);
    for (const p of f.procedures) {
      const at = `${f.id}/${p.right} ${p.version}`;
      add(p.title, `${at} procedure`);
      for (const [k, s] of Object.entries(p.states)) {
        add(s.title, `${at} state ${k}`);
        add(s.statusCategory, `${at} status category of state ${k}`);
      }
      for (const [k, a] of Object.entries(p.acts)) {
        add(a.title, `${at} act ${k}`);
        // A legal basis is a citation ('ML r. 9(1)'), shown as written, unless it names rules in words only.
        if (!/\d/.test(a.legalBasis)) add(a.legalBasis, `${at} legal basis of act ${k}`);
        for (const d of a.documents ?? []) add(documentTitle(d), `${at} document ${d} of act ${k}`);
        for (const u of uploadsOf(a.uploads)) add(u.title, `${at} upload ${u.kind} of act ${k}`);
      }
      // Fee titles live in the fee schedule versions; a charge (FeeCharge) names its fee by code only.
      for (const v of p.fees) for (const [k, i] of Object.entries(v.items)) add(i.title, `${at} fee ${k} (from ${v.effectiveFrom})`);
    }
  }
  for (const [k, t] of Object.entries(DOCUMENT_TITLES)) add(t, `document ${k} (server documents module)`);
  return titles;
}

/**
 * A payload that names an upload under every field (`{ sha256 }` everywhere, and a list of designs
 * with a view), so an act's `uploads` gives every document it can ask for with its title.
 */
const anyUpload = (): any => {
  const doc = { sha256: '0'.repeat(64), title: 'view' };
  const value = Object.assign([{ ...doc, views: [doc] }], doc, { image: doc });
  return new Proxy({}, { get: (_, key) => (typeof key === 'string' ? value : undefined) });
};

/**
 * Upload titles that are titles of the law. A view of a design is titled with the applicant's own
 * name of the view: the web client formats that title itself (ui/names.ts, checked by the i18n test).
 */
function uploadsOf(uploads: ((payload: Record<string, any>) => UploadRef[]) | undefined): UploadRef[] {
  return (uploads?.(anyUpload()) ?? []).filter((u) => u.kind !== 'design-view');
}

/** The titles an act's uploads give a view of a design (for the test of their format). */
export function designViewTitles(): string[] {
  return FRAMEWORKS.flatMap((f) => f.procedures.flatMap((p) => Object.values(p.acts)
    .flatMap((a) => a.uploads?.(anyUpload()) ?? []).filter((u) => u.kind === 'design-view').map((u) => u.title)));
}

export function untranslatedTitles(): string[] {
  return [...lawTitles().keys()].filter((t) => !(t in LAW_TEXT)).sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const missing = untranslatedTitles();
  for (const t of missing) console.log(`  ${JSON.stringify(t)}: { fr: '', es: '', ar: '', zh: '', ru: '' },`);
  console.error(`${missing.length} of ${lawTitles().size} titles have no translation`);
}
