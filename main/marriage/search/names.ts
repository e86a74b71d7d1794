import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../core/idnumber/normalize';

// How a party's name becomes searchable: the letters of the name (Han characters, or a foreign
// name's Latin letters, lower-cased; spaces, dots and the middle dot of 买买提·艾力 dropped), and
// the pinyin initials of a Chinese name ("zsf" for 张三丰).
//
// The index stores every 1- to 3-character piece of the name and every 2- to 3-letter piece of
// its initials as a token. Chinese names are 2–4 characters, so almost every query (full name,
// surname, given name, one character, initials) is the lookup of ONE token; longer queries are
// the AND of their 3-character pieces, confirmed against the names themselves.

/** Initials tokens start with a digit, which no name token contains, so the two never collide. */
export const INITIALS_MARK = '0';
/**
 * Marks a registration imported from the archive, so "archive only" / "counter only" is decided
 * inside the index (a registration never changes its source) instead of row by row afterwards.
 */
export const ARCHIVE_TOKEN = '1archive';
export const GRAM_MAX = 3;

const HAN = /\p{Script=Han}/u;

/** The name reduced to its letters, lower-cased: what name queries are compared with. */
export function nameLetters(name: string): string {
  return toHalfWidth(name)
    .normalize('NFKC')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
}

// Names repeat a great deal (张伟, 王芳 …) and pinyin conversion is the slow step of indexing.
const initialsMemo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 50_000;

/**
 * The pinyin initials of a name, lower case. A Chinese name is read with its surname's surname
 * reading (单 Shàn, 曾 Zēng, 解 Xiè, 仇 Qiú, 区 Ōu, 尉迟 Yùchí …, pinyin-pro's surname mode); when
 * the everyday reading of the characters differs, that spelling is returned too, because the
 * person at the counter may type either ("sxx" or "dxx" for 单雄信). A foreign name gives the
 * first letter of each word ("JOHN SMITH" → "js"). The first entry is the surname reading.
 */
export function nameInitials(name: string): readonly string[] {
  const cached = initialsMemo.get(name);
  if (cached) return cached;
  let result: string[];
  const han = [...name].filter((c) => HAN.test(c)).join('');
  if (han.length > 0) {
    const read = (surname: 'head' | 'off') =>
      pinyin(han, { pattern: 'first', toneType: 'none', type: 'array', surname })
        .join('')
        .toLowerCase()
        .replace(/[^a-z]/g, '');
    result = [...new Set([read('head'), read('off')])].filter((s) => s.length > 0);
  } else {
    const words = toHalfWidth(name)
      .normalize('NFKC')
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 0);
    const initials = words.map((w) => w[0]!.toLowerCase()).join('');
    result = initials.length > 0 ? [initials] : [];
  }
  if (initialsMemo.size >= MEMO_LIMIT) initialsMemo.clear();
  initialsMemo.set(name, result);
  return result;
}

/** Every piece of `text` of `min`..`max` characters (code points, so rare characters count as one). */
export function grams(text: string, min: number, max: number, out: Set<string> = new Set()): Set<string> {
  const chars = [...text];
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** The tokens one registration is indexed under: both parties' name pieces and initials pieces. */
export function registrationTokens(names: readonly string[], source: 'counter' | 'archive' = 'counter'): string[] {
  const tokens = new Set<string>();
  if (source === 'archive') tokens.add(ARCHIVE_TOKEN);
  for (const name of names) {
    grams(nameLetters(name), 1, GRAM_MAX, tokens);
    for (const initials of nameInitials(name)) {
      for (const g of grams(initials, 2, GRAM_MAX)) tokens.add(INITIALS_MARK + g);
    }
  }
  return [...tokens];
}

/** What is stored beside the party for confirming long initials queries: every reading, space-separated. */
export const storedInitials = (name: string): string => nameInitials(name).join(' ');

// The index key of a registration orders results by registration date, newest first, and makes a
// date range a key range: YYYYMMDD × 10^7 + id. Ids stay below 10^7 (ten million registrations at
// one registry), which keeps every key an exact integer in JavaScript.
export const ID_ROOM = 10_000_000;

export function searchKey(registrationDate: string, id: number): number {
  if (!Number.isInteger(id) || id <= 0 || id >= ID_ROOM) throw new RangeError(`registration id out of range: ${id}`);
  return Number(registrationDate.replaceAll('-', '')) * ID_ROOM + id;
}

export const idOfSearchKey = (key: number): number => key % ID_ROOM;

/** The key range of a date range (either end open). */
export function searchKeyRange(from: string | undefined, to: string | undefined): [number, number] {
  const lo = from ? Number(from.replaceAll('-', '')) * ID_ROOM : 0;
  const hi = to ? Number(to.replaceAll('-', '')) * ID_ROOM + ID_ROOM - 1 : Number.MAX_SAFE_INTEGER;
  return [lo, hi];
}
