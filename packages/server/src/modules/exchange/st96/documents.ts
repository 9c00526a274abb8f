// ST.96 documents of cases: one document per right (its bag of records), one case as a document of its
// own, and the JSON mirror of the same document, all from the same mapping.
import { designDocument } from './design.ts';
import { giDocument } from './gi.ts';
import type { ExportCase, ExportRight } from './model.ts';
import { patentDocument } from './patent.ts';
import { trademarkDocument } from './trademark.ts';
import { JsonOut, XmlOut, type Attrs, type St96Out } from './writer.ts';

interface DocumentMapping {
  /** The root element (a bag of records). */
  root: string;
  attrs: Attrs;
  body(o: St96Out, cases: readonly ExportCase[]): void;
}

const DOCUMENTS: Record<ExportRight, DocumentMapping> = {
  trademark: trademarkDocument,
  design: designDocument,
  patent: patentDocument,
  'utility-model': patentDocument,
  gi: giDocument,
};

/** The root element of a right's document (its local name): TrademarkApplication, DesignApplicationBag ... */
export const documentRoot = (right: ExportRight): string => DOCUMENTS[right].root.split(':')[1];

function write(o: St96Out, right: ExportRight, cases: readonly ExportCase[]): void {
  const d = DOCUMENTS[right];
  o.el(d.root, () => d.body(o, cases), d.attrs);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One ST.96 document per right present among the cases, each holding all of that right's cases in their order. */
export function st96Bag(cases: readonly ExportCase[]): { right: ExportRight; xml: string }[] {
  const byRight = new Map<ExportRight, ExportCase[]>();
  for (const c of cases) {
    const list = byRight.get(c.right);
    if (list) list.push(c); else byRight.set(c.right, [c]);
  }
  return [...byRight].map(([right, list]) => {
    const o = new XmlOut();
    o.xml = XML_DECLARATION;
    write(o, right, list);
    return { right, xml: o.xml };
  });
}

/** One case as a stand-alone ST.96 document (a bag of one). */
export function st96Record(c: ExportCase): string {
  return st96Bag([c])[0].xml;
}

/**
 * One case as the JSON mirror of its stand-alone document (st96Record): element names without their
 * namespace prefix as keys, the same nesting, an element the schema lets repeat always an array.
 */
export function st96Json(c: ExportCase): Record<string, unknown> {
  const o = new JsonOut();
  write(o, c.right, [c]);
  return o.root;
}
