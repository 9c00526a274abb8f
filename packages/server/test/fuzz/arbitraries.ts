// The arbitraries the property-based tests of public inputs share (fast-check): text that tricks
// readers (right-to-left overrides, zero-width characters, homoglyphs, combining marks, lone surrogates),
// JSON values of any shape built from it, a valid body with one thing changed, and text made fit for a
// URL path.
import fc from 'fast-check';

/** Strings readers are fooled by, next to ordinary ones. */
export const TRICKY = ['\u202E', '\u202D', '\u2066', '\u200B', '\u200D', '\uFEFF', 'а', 'ο', 'Ι', 'е', '\u0301', '\u0000', '\uD800', '\uDFFF', '𝔄', '👩🏽‍⚖️', 'ﷺ', '\r\n', '%00', '../', '<script>', "'; DROP TABLE cases; --", '{{case.number}}'];
export const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(fc.constantFrom(...TRICKY, 'AURORA', 'café', 'قهوة', '咖啡', 'кофе'), { maxLength: 12 }).map((a) => a.join('')),
  fc.constantFrom('', ' ', 'x'.repeat(10_001)),
);
export const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' },
    text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(text, tie('v'), { maxKeys: 4 })),
})).v;

/** A valid filing with one thing changed: a field removed, replaced, or a string made tricky. */
export function mangled(base: Record<string, any>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (o: any, path: string[]) => {
    paths.push(path);
    if (o && typeof o === 'object') for (const k of Object.keys(o)) walk(o[k], [...path, k]);
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths.filter((p) => p.length)), fc.oneof(value, fc.constant(undefined))).map(([path, v]) => {
    const copy = structuredClone(base);
    let o: any = copy;
    for (const k of path.slice(0, -1)) o = o[k];
    if (v === undefined) delete o[path.at(-1)!]; else o[path.at(-1)!] = v;
    return copy;
  });
}

/** For a URL path: lone surrogates (which cannot be encoded) become U+FFFD, as a browser sends them. */
export const inPath = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
