// The part of fontkit (pdfkit's font engine) the PDF writer uses: parsing a font once per process.
declare module 'fontkit' {
  export interface Font { layout(text: string): unknown; readonly postscriptName: string }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
