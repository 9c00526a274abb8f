// Every English title the law gives a framework, a procedure, a state, an act or a fee, gathered from
// the frameworks the office ships: the keys src/i18n/law.ts must translate. Shared by the i18n test
// and, run on its own (npx tsx packages/web/test/law-titles.ts), it prints the titles that still lack
// a translation, as entries to paste into LAW_TEXT and complete.
import { pathToFileURL } from 'node:url';
import { FRAMEWORKS } from '@registrum/procedures';
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
      for (const [k, s] of Object.entries(p.states)) add(s.title, `${at} state ${k}`);
      for (const [k, a] of Object.entries(p.acts)) add(a.title, `${at} act ${k}`);
      // Fee titles live in the fee schedule versions; a charge (FeeCharge) names its fee by code only.
      for (const v of p.fees) for (const [k, i] of Object.entries(v.items)) add(i.title, `${at} fee ${k} (from ${v.effectiveFrom})`);
    }
  }
  return titles;
}

export function untranslatedTitles(): string[] {
  return [...lawTitles().keys()].filter((t) => !(t in LAW_TEXT)).sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const missing = untranslatedTitles();
  for (const t of missing) console.log(`  ${JSON.stringify(t)}: { fr: '', es: '', ar: '', zh: '', ru: '' },`);
  console.error(`${missing.length} of ${lawTitles().size} titles have no translation`);
}
