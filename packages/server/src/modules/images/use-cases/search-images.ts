// Image search: the figurative marks and design views of the register most like an uploaded image, ranked,
// each with why (shape: silhouette, edges, outline, form; colour; the perceptual hashes; a near-duplicate by
// its hashes; the same figure in reversed contrast). The query's bytes are judged and refused before any
// pixel is decoded when they are no PNG or JPEG or larger than 25 megapixels. Filters first (published
// cases for the public, marks or designs, Vienna codes, Locarno classes, still standing), then an exact scan
// of what passes. One hit per case: its image most like the query. The public and applicants see published
// cases; office staff all.
import { isLocarnoClass, normaliseViennaCode, viennaCodeProblem } from '@registrum/procedures';
import { DomainError } from '../../../kernel/errors.ts';
import { isOffice, type Viewer } from '../../cases/index.ts';
import { decodeImage } from '../decode/index.ts';
import { computeFeatures, isNearDuplicate } from '../features.ts';
import { packVienna, type Filters } from '../image-index.ts';
import type { ImageSearchService } from '../image-service.ts';
import * as repo from '../images.repository.ts';

export const IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;

export interface ImageSearch {
  viennaCodes?: string[];
  locarnoClasses?: (string | number)[];
  rights?: ('mark' | 'design')[];
  limit?: number;
  /** Also refused, withdrawn, lapsed and surrendered marks and designs (default: only those still standing). */
  includeDead?: boolean;
  minScore?: number;
}

export interface ImageHit {
  caseId: string; applicationNumber: string; right: string; kind: 'mark' | 'design-view'; sha256: string; design: number | null;
  score: number; why: Record<string, unknown>; viennaCodes: string[]; locarnoClasses: string[]; status: string; title: string | null; filingDate: string | null;
}

/** Several values in one query parameter ("26.1,26.4") or repeated; blanks dropped. */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
  .flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);

export function parseFilters(s: ImageSearch): { vienna: string[]; locarno: string[]; rights: { mark: boolean; design: boolean } } {
  const vienna = [...new Set(listOf(s.viennaCodes).map((c) => {
    const problem = viennaCodeProblem(c);
    if (problem) throw new DomainError('UNKNOWN_VIENNA_CODE', problem, 422, { viennaCode: c });
    return normaliseViennaCode(c)!;
  }))];
  const locarno = [...new Set(listOf(s.locarnoClasses).map((c) => {
    const padded = /^\d{1,2}$/.test(c) ? c.padStart(2, '0') : c;
    if (!isLocarnoClass(padded)) throw new DomainError('UNKNOWN_LOCARNO_CLASS', `'${c}' is not a class of the Locarno Classification (01 to 32)`, 422, { class: c });
    return padded;
  }))];
  const rights = listOf(s.rights);
  return { vienna, locarno, rights: { mark: !rights.length || rights.includes('mark'), design: !rights.length || rights.includes('design') } };
}

export async function searchImages(service: ImageSearchService, viewer: Viewer, image: { bytes: unknown; contentType: string }, s: ImageSearch) {
  const type = image.contentType.split(';')[0].trim().toLowerCase();
  if (!(IMAGE_TYPES as readonly string[]).includes(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as the request body with Content-Type image/png or image/jpeg', 415, { accept: IMAGE_TYPES });
  }
  const bytes = Buffer.isBuffer(image.bytes) ? image.bytes : Buffer.alloc(0);
  const limit = Math.min(Math.max(s.limit ?? 50, 1), 200);
  const filters = parseFilters(s);
  // Vienna codes are a mark's and Locarno classes a design's: a search narrowed by one leaves the other right out, unless narrowed by both.
  const rights = {
    mark: filters.rights.mark && (filters.vienna.length > 0 || !filters.locarno.length),
    design: filters.rights.design && (filters.locarno.length > 0 || !filters.vienna.length),
  };
  const picture = decodeImage(bytes);
  const features = computeFeatures(picture);
  if (features.blank) throw new DomainError('IMAGE_BLANK', 'Nothing stands out from the ground of this image: there is no figure to compare', 422);
  const embedding = service.embedder ? await service.embedder.embed(picture) : null;

  const index = await service.ready();
  const staff = isOffice(viewer);
  const f: Filters = {
    publicOnly: !staff, liveOnly: !s.includeDead, rights,
    vienna: filters.vienna.map(packVienna),
    locarnoMask: filters.locarno.reduce((m, c) => (m | (1 << (Number(c) - 1))) >>> 0, 0),
  };
  const query = index.vectorOf(features.vector, embedding);
  const { rows, n } = index.candidates(f);
  const ranked = index.best(query, features.phash, features.dhash, rows, n, limit * 4).filter((r) => r.score >= (s.minScore ?? 0));
  const qh = [features.phash, features.dhash].flatMap((h) => { const u = BigInt.asUintN(64, h); return [Number(u & 0xffffffffn), Number(u >> 32n)]; });

  // The cases as they stand now: a case the index still holds as public but that is not is left out for the public.
  const out: ImageHit[] = [];
  const seen = new Set<string>();
  for (let from = 0; from < ranked.length && out.length < limit; from += limit * 2) {
    const slice = ranked.slice(from, from + limit * 2);
    const found = await repo.hitRows(service.db, slice.map((r) => r.rowId));
    for (const r of slice) {
      const h = found.get(r.rowId);
      if (!h || (!staff && !h.public) || seen.has(h.case_id)) continue;
      seen.add(h.case_id);
      const [pd, dd] = index.hammings(r.slot, qh);
      const parts = index.explain(query, r.slot);
      out.push({
        caseId: h.case_id, applicationNumber: h.number, right: h.right_kind, kind: h.kind, sha256: h.sha256, design: h.design,
        score: Math.round(r.score * 1000) / 1000,
        why: {
          shape: Math.max(0, parts.shape), colour: Math.max(0, parts.colour), hash: Math.round(r.hash * 1000) / 1000,
          nearDuplicate: isNearDuplicate(pd, dd), inverted: index.darkGround(r.slot) !== features.darkGround,
          silhouette: parts.silhouette, edges: parts.edges, outline: parts.radial, form: parts.form,
          ...(parts.embedding !== null ? { embedding: parts.embedding } : {}),
        },
        viennaCodes: h.vienna, locarnoClasses: h.locarno.map((c) => String(c).padStart(2, '0')), status: h.state, title: h.title, filingDate: h.filing_date,
      });
      if (out.length >= limit) break;
    }
  }
  return {
    hits: out,
    query: {
      mediaType: picture.source.type, width: picture.source.width, height: picture.source.height, darkGround: features.darkGround,
      viennaCodes: filters.vienna, locarnoClasses: filters.locarno, rights: (['mark', 'design'] as const).filter((k) => rights[k]),
    },
  };
}
