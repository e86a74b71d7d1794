import { normalizeDocumentNumber } from '../../core/idnumber/normalize';
import { parseResidentId } from '../../core/idnumber/residentId';
import { GRAM_MAX, INITIALS_MARK, grams, nameLetters } from './names';

// What the one search box understood. Typed text is read in this order: a certificate number of
// this system's format (J/L/BJ/BL + division code + year + serial), an identity document number
// (15 or 18 digits, full-width accepted; other documents as letters with digits), pinyin
// initials (letters only), else a name or part of one. Any text is also tried as a certificate
// number exactly as typed, which finds the free-form numbers of legacy archive records.

export type SearchText =
  | { kind: 'certificate'; number: string }
  | { kind: 'document'; number: string }
  | { kind: 'letters'; letters: string }
  | { kind: 'name'; letters: string }
  | { kind: 'none' };

export const CERTIFICATE_NUMBER = /^(J|L|BJ|BL)\d{6}-\d{4}-\d{6}$/;

/** Old 15-digit IDs are stored converted to 18 digits; search by either. */
function storedDocumentNumber(number: string): string {
  if (!/^\d{15}$/.test(number)) return number;
  const parsed = parseResidentId(number);
  return parsed.ok ? parsed.value.id : number;
}

export function readSearchText(raw: string): SearchText {
  const text = raw.trim();
  if (text === '') return { kind: 'none' };
  const upper = normalizeDocumentNumber(text);
  if (CERTIFICATE_NUMBER.test(upper)) return { kind: 'certificate', number: upper };
  if (/^\d{15}$/.test(upper) || /^\d{17}[\dX]$/.test(upper)) return { kind: 'document', number: storedDocumentNumber(upper) };
  if (/^[0-9A-Z()]{6,}$/.test(upper) && /\d{5}/.test(upper)) return { kind: 'document', number: upper };
  const letters = nameLetters(text);
  if (letters === '') return { kind: 'none' };
  // Latin letters only: pinyin initials, or part of a foreign name.
  if (/^[a-z]+$/.test(letters)) return { kind: 'letters', letters };
  return { kind: 'name', letters };
}

/**
 * The FTS5 query for letters typed: the one token when short enough, else the AND of its
 * 3-character pieces (the caller confirms the candidates against the names).
 */
function pieces(text: string, prefix: string): string {
  const wanted = [...text].length <= GRAM_MAX ? [text] : [...grams(text, GRAM_MAX, GRAM_MAX)];
  return wanted.map((g) => `"${prefix}${g}"`).join(' AND ');
}

/** Tokens hold only letters and the digit mark, so quoting them is all FTS5 needs. */
export function ftsQuery(search: { kind: 'letters' | 'name'; letters: string }): string {
  if (search.kind === 'name') return pieces(search.letters, '');
  // Two letters or more: initials; one letter could only be part of a foreign name.
  if (search.letters.length < 2) return pieces(search.letters, '');
  return `(${pieces(search.letters, INITIALS_MARK)}) OR (${pieces(search.letters, '')})`;
}

/** True when the index lookup alone is exact (no confirmation against the names needed). */
export const exactLookup = (search: { letters: string }): boolean => [...search.letters].length <= GRAM_MAX;
