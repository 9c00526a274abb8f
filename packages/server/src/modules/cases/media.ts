// Types of uploaded files are decided by their bytes, never by what the client says.
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

export const IMAGE_TYPES = Object.keys(SIGNATURES);

/** The image type the bytes show, or null. */
export function sniffImage(b: Buffer): string | null {
  for (const [type, test] of Object.entries(SIGNATURES)) if (test(b)) return type;
  return null;
}

export const bytesAre = (type: string, b: Buffer) => !!SIGNATURES[type]?.(b);
