// Clerks type ID numbers with Chinese input methods on, so full-width characters (１２Ｘ) and stray
// spaces are common. Numbers are stored in one normal form: ASCII, upper case, no whitespace.

const FULL_WIDTH_START = 0xff01; // ！ … ～ map onto ! … ~ by a fixed offset
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII variants (０-９, Ａ-Ｚ, ａ-ｚ, （）…) to their ASCII forms; other characters unchanged. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= FULL_WIDTH_START && cp <= FULL_WIDTH_END ? String.fromCodePoint(cp - FULL_WIDTH_OFFSET) : ch;
  }
  return out;
}

/** Half-width, every kind of whitespace removed (including the ideographic space U+3000), upper case. */
export function normalizeDocumentNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/gu, '').toUpperCase();
}
