// IPC filters of prior-art search (pure): a symbol or the beginning of one, matched as a prefix of the
// symbols the application is classified in (the case data's `ipc`, as filed: "A61K 31/4745").
//
//   H             section          H04      class         H04L     subclass
//   H04L 9        main group 9 and all its subgroups (also written "H04L 9/" or "H04L 9/00")
//   H04L 9/32     subgroup 9/32 and those numbered from it (9/321, 9/3247 ...)
//
// Symbols are compared without spaces and without leading zeros in the main group (ST.8 writes them
// padded: "H04L0009/32"); letters in any case.
import { invalid } from '../../kernel/errors.ts';

export const MAX_IPC_FILTERS = 50;

const FILTER = /^([A-H])(?:([0-9]{2})(?:([A-Z])(?:\s*([0-9]{1,4})(?:\s*(\/)\s*([0-9]{0,6}))?)?)?)?$/;

/** The normalised prefix a filter stands for; throws IPC_SYMBOL_INVALID for anything else. */
export function ipcPrefix(raw: string): string {
  const m = FILTER.exec(raw.trim().toUpperCase());
  if (!m) {
    throw invalid('IPC_SYMBOL_INVALID', `'${raw.slice(0, 60)}' is not an IPC symbol or the beginning of one (e.g. H04L, H04L 9/, H04L 9/32)`, { symbol: raw.slice(0, 60) });
  }
  const [, section, cls = '', subclass = '', group, , subgroup = ''] = m;
  if (group === undefined) return section + cls + subclass;
  // "9/00" is the main group itself, in the notation of the scheme: all of it.
  const sub = /^0+$/.test(subgroup) ? '' : subgroup;
  return `${section}${cls}${subclass}${Number(group)}/${sub}`;
}

/** LIKE patterns of the filters (the prefixes hold only letters, digits and '/': nothing to escape). */
export function ipcPatterns(filters: readonly string[] | undefined): string[] | null {
  if (!filters?.length) return null;
  return [...new Set(filters.map((f) => `${ipcPrefix(f)}%`))];
}
