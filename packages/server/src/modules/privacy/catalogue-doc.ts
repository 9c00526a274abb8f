// The catalogue as the tables of docs/data-protection.md (between its BEGIN/END CATALOGUE markers). A
// test fails when the page is not what this makes; to write it again:
//   npx tsx packages/server/src/modules/privacy/catalogue-doc.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FRAMEWORKS, privacyOf } from '@registrum/procedures';
import { PAYLOAD_PERSON_KEYS, PERSON_FIELDS, PUBLIC_DATA_FIELDS, TABLES, columnClass, parseSpec } from './classification.ts';

export const BEGIN = '<!-- BEGIN CATALOGUE (generated from packages/server/src/modules/privacy/classification.ts) -->';
export const END = '<!-- END CATALOGUE -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const published = (p: string) => (p === 'public' ? 'public' : p === 'office-rules' ? 'by the office\'s rules' : '');

export function catalogueMarkdown(): string {
  const out: string[] = [BEGIN, ''];
  out.push('### What each office publishes', '');
  out.push('| framework | addresses published | erasure: legal basis | file kept after the case ended |', '|---|---|---|---|');
  for (const f of FRAMEWORKS) {
    const r = privacyOf(f);
    const period = Object.entries(r.erasure.retention).filter(([k]) => k !== 'citation' && k !== 'extendToWorkingDay' && k !== 'endOfMonth').map(([k, v]) => `${v} ${k}`).join(' ');
    const basis = [r.erasure.legalBasis, ...Object.entries(r.erasure.byRight ?? {}).map(([right, b]) => `${b} (${right})`)].join('; ');
    out.push(`| ${f.id} | ${r.publishAddressesOf.length ? r.publishAddressesOf.join(', ') : 'none (names and countries only)'} | ${cell(basis)} | ${period}${r.erasure.retention.citation ? ` (${cell(r.erasure.retention.citation)})` : ''} |`);
  }
  out.push('', '### Tables', '');
  for (const [table, t] of Object.entries(TABLES).sort(([a], [b]) => a.localeCompare(b))) {
    const personal = Object.keys(t.columns).filter((c) => columnClass(table, c)!.category !== 'none');
    out.push(`#### \`${table}\``, '', `${t.purpose} Seen by: ${t.who}. Kept: ${t.kept}.`, '');
    if (!personal.length) { out.push('No personal data.', ''); continue; }
    out.push('| column | category | published | in a subject access export | note |', '|---|---|---|---|---|');
    for (const c of personal) {
      const k = columnClass(table, c)!;
      out.push(`| ${c} | ${k.category} | ${published(k.published)} | ${k.exported ? 'yes' : 'no'} | ${cell(k.note ?? '')} |`);
    }
    const others = Object.keys(t.columns).filter((c) => !personal.includes(c));
    if (others.length) out.push('', `Not personal data: ${others.join(', ')}.`);
    out.push('');
  }
  out.push('### Persons in the payloads of acts', '');
  out.push(`A person is named in a payload under ${PAYLOAD_PERSON_KEYS.map((k) => `\`${k}\``).join(', ')}, with these fields:`, '');
  out.push('| field | category | published |', '|---|---|---|');
  for (const [k, spec] of Object.entries(PERSON_FIELDS)) { const c = parseSpec(spec); out.push(`| ${k} | ${c.category} | ${published(c.published)} |`); }
  out.push('', 'Every other payload field is classified by its path in `PAYLOAD_FIELDS` (free text such as remarks and statements: `free-text`, never published with the payload).', '');
  out.push('### Persons in the public case data', '');
  const persons = Object.entries(PUBLIC_DATA_FIELDS).filter(([, v]) => v !== 'none');
  out.push('| field | holds |', '|---|---|');
  for (const [k, v] of persons) out.push(`| ${k} | ${v === 'persons' ? 'persons (reduced to what the register publishes)' : 'names of persons (published)'} |`);
  out.push('', END);
  return out.join('\n');
}

/** docs/data-protection.md with its catalogue section made again. */
export function withCatalogue(page: string): string {
  const b = page.indexOf(BEGIN); const e = page.indexOf(END);
  if (b < 0 || e < b) throw new Error('docs/data-protection.md has no catalogue markers');
  return page.slice(0, b) + catalogueMarkdown() + page.slice(e + END.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = new URL('../../../../../docs/data-protection.md', import.meta.url);
  writeFileSync(path, withCatalogue(readFileSync(path, 'utf8')));
}
