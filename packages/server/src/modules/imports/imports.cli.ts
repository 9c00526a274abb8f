// `registrum import ...`: the commands an office runs to move its previous register onto Registrum.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../kernel/actor.ts';
import { DomainError } from '../../kernel/errors.ts';
import { importRegister } from './use-cases/import-register.ts';
import type { ImportDeps, ImportReport } from './use-cases/import-records.ts';
import { importXml, type XmlSource } from './use-cases/import-xml.ts';
import { fileText } from './xml.ts';

export const IMPORT_HELP = `  registrum import st96 FILE|DIR...
                                  take over the records of ST.96 documents (trademarks, designs, GIs, patents)
  registrum import uspto FILE...  take over the case files of USPTO trademark daily XML files
  registrum import register --format jsonl FILE [--batch N]
                                  take over a register of marks, one JSON object a line, in bulk
                                  (--verbose lists every record; the same records imported again change nothing)`;

export interface CommandIo { out: (line: string) => void; progress?: (text: string | null) => void }

/** The office itself performs the take-over acts of a command run. */
const IMPORTER: Actor = { kind: 'system', name: 'Registrum (import)' };

export async function importCommand(deps: ImportDeps, args: string[], io: CommandIo): Promise<number> {
  const [what, ...rest] = args;
  const verbose = rest.includes('--verbose');
  const opt = (name: string) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
  const valued = new Set(['--format', '--batch']);
  const paths = rest.filter((a, i) => !a.startsWith('--') && !valued.has(rest[i - 1]));
  if (paths.length === 0) return usage(io);
  const progress = (done: number, total: number | null, file?: string) =>
    io.progress?.(`importing ${file ?? ''}: ${done.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} records`);
  const keep = verbose ? 'all' as const : 'attention' as const;
  let report: ImportReport;
  switch (what) {
    case 'st96':
    case 'uspto': {
      const files = await xmlFiles(paths);
      const sources: XmlSource[] = files.map((f) => ({ name: f, text: () => fileText(f) }));
      report = await importXml(deps, IMPORTER, what === 'st96' ? 'st96' : 'uspto-tdxf', sources, { keep, onProgress: progress });
      break;
    }
    case 'register': {
      const format = opt('--format') ?? 'jsonl';
      if (format !== 'jsonl' || paths.length !== 1) return usage(io);
      const batch = opt('--batch');
      report = await importRegister(deps, IMPORTER, paths[0], { keep, onProgress: (d, t) => progress(d, t, paths[0]), ...(batch ? { batchSize: Number(batch) } : {}) });
      break;
    }
    default: return usage(io);
  }
  io.progress?.(null);
  print(report, io);
  return report.counts.rejected > 0 || report.files.some((f) => f.error) ? 1 : 0;
}

function usage(io: CommandIo): number {
  io.out(`Usage:\n${IMPORT_HELP}`);
  return 2;
}

/** The files named, and the .xml files of the directories named (in name order). */
async function xmlFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new DomainError('IMPORT_FILE_UNREADABLE', `${p}: no such file or directory`, 400, { file: p });
    if (s.isDirectory()) out.push(...(await readdir(p)).filter((n) => n.toLowerCase().endsWith('.xml')).sort().map((n) => join(p, n)));
    else out.push(p);
  }
  return out;
}

function print(r: ImportReport, io: CommandIo): void {
  const c = r.counts;
  const n = c.created + c.updated + c.unchanged + c.rejected;
  io.out(`import ${r.format}: ${n} record${n === 1 ? '' : 's'} from ${r.files.length} file${r.files.length === 1 ? '' : 's'} in ${r.seconds.toFixed(1)} s: `
    + `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected (run ${r.runId})`);
  for (const f of r.files) if (f.error) io.out(`  ${f.name}: refused ${f.error.code}: ${f.error.message}`);
  for (const o of r.records) {
    const what = [o.source, o.sourceId].filter(Boolean).join(' ');
    const at = o.file ? `${o.file} ${r.format === 'jsonl' ? 'line' : '#'}${o.position}` : `#${o.position}`;
    io.out(`  ${at}${what ? ` (${what})` : ''}: ${o.outcome}${o.number ? ` ${o.number}` : ''}${o.code ? ` ${o.code}: ${o.message}` : ''}`);
  }
}
