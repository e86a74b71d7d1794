// Line breaking for mixed-font text.
//
// Why our own: pdfkit's LineWrapper measures with the current font only, and its
// `continued: true` mode centres/right-aligns each font run on its own, so a
// line made of several fonts (primary + rare-character fallbacks) ends up
// misaligned. We break lines here, knowing each character's font, and let
// document.ts place every font run at an exact x on a shared baseline.
//
// Rules: ideographs, kana and CJK punctuation may break anywhere; runs of other
// non-space characters (Latin words, numbers such as 1,284 or J110105-2025-01)
// stay together; simple kinsoku: closing punctuation never starts a line and
// opening brackets never end one. Over-long words are split by character.

import { isMark, type FontKey, type TextRun } from './fonts';

/** A piece of a line printed with one font. Width in points. */
export interface Piece {
  text: string;
  fontKey: FontKey;
  width: number;
}

export interface Line {
  pieces: Piece[];
  /** Visible width in points (without trailing spaces). */
  width: number;
  /** Number of characters (code points with their marks) on the line. */
  chars: number;
  /** Last line of a paragraph (ends at '\n' or the end of the text). */
  last: boolean;
}

export interface Measurer {
  /** Advance of one character (a code point plus attached marks) in points. */
  advance(ch: string, key: FontKey): number;
  /** Exact width of a same-font string in points (shaping, kerning). */
  width(text: string, key: FontKey): number;
}

interface Cell {
  ch: string;
  key: FontKey;
}

interface Unit {
  cells: Cell[];
  space: boolean;
  width: number;
}

const BREAK_ANYWHERE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u;
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〗〉〙〛］｝’”…—·％‰℃,.;:!?)]}%']);
const NO_LINE_END = new Set([...'（《「『【〔〖〈〘〚［｛‘“([{']);
// Breakable spaces; no-break spaces (e.g. between "230" and "mm") glue instead.
const isSpace = (ch: string) => /^\s/u.test(ch) && !BREAK_ANYWHERE.test(ch) && !/^[\u00a0\u2007\u202f]/u.test(ch);

// Character classes as bit flags, memoised per code point (the regular
// expressions above are too slow to run for every character of every page).
const SPACE = 1;
const CJK = 2;
const NO_START = 4;
const NO_END = 8;
const classes = new Map<number, number>();

/** Class of a cell: decided by its first code point (attached marks do not change it). */
function classOf(ch: string): number {
  const cp = ch.codePointAt(0)!;
  let c = classes.get(cp);
  if (c === undefined) {
    const first = String.fromCodePoint(cp);
    c =
      (isSpace(first) ? SPACE : 0) |
      (BREAK_ANYWHERE.test(first) ? CJK : 0) |
      (NO_LINE_START.has(first) ? NO_START : 0) |
      (NO_LINE_END.has(first) ? NO_END : 0);
    classes.set(cp, c);
  }
  return c;
}

/** Splits runs into lines no wider than maxWidth (null = only hard breaks). */
export function layoutLines(runs: readonly TextRun[], maxWidth: number | null, m: Measurer): Line[] {
  const paragraphs: Cell[][] = [[]];
  for (const run of runs) {
    for (const ch of run.text) {
      const para = paragraphs[paragraphs.length - 1]!;
      if (ch === '\n') paragraphs.push([]);
      else if (ch === '\r') continue;
      else if (isMark(ch) && para.length > 0) para[para.length - 1]!.ch += ch;
      else para.push({ ch, key: run.fontKey });
    }
  }

  const lines: { cells: Cell[]; last: boolean }[] = [];
  for (const para of paragraphs) {
    const units = toUnits(para, m);
    let line: Cell[] = [];
    let lineWidth = 0;
    let wrapped = false;
    const flush = () => {
      lines.push({ cells: trimEnd(line), last: false });
      line = [];
      lineWidth = 0;
      wrapped = true;
    };
    for (const unit of units) {
      if (unit.space) {
        // Spaces at the start of a wrapped line are dropped; at the start of a
        // paragraph they are kept (they may be deliberate indentation).
        if (line.length === 0 && wrapped) continue;
      } else if (maxWidth !== null && lineWidth + unit.width > maxWidth + 1e-6) {
        if (line.some((c) => !(classOf(c.ch) & SPACE))) flush();
        if (unit.width > maxWidth) {
          // Too wide on its own: split by character.
          for (const cell of unit.cells) {
            const w = m.advance(cell.ch, cell.key);
            if (line.length > 0 && lineWidth + w > maxWidth + 1e-6) flush();
            line.push(cell);
            lineWidth += w;
          }
          continue;
        }
      }
      line.push(...unit.cells);
      lineWidth += unit.width;
    }
    lines.push({ cells: trimEnd(line), last: true });
  }
  return lines.map(({ cells, last }) => toLine(cells, last, m));
}

function toUnits(cells: Cell[], m: Measurer): Unit[] {
  const units: Unit[] = [];
  for (const cell of cells) {
    const w = m.advance(cell.ch, cell.key);
    const last = units[units.length - 1];
    const cls = classOf(cell.ch);
    const space = (cls & SPACE) !== 0;
    let glue = false;
    if (last !== undefined && !last.space && !space) {
      const lastCls = classOf(last.cells[last.cells.length - 1]!.ch);
      // No break before closing punctuation, after opening brackets, or inside a Latin word/number.
      glue = (cls & NO_START) !== 0 || (lastCls & NO_END) !== 0 || ((cls & CJK) === 0 && (lastCls & CJK) === 0);
    }
    if (glue && last) {
      last.cells.push(cell);
      last.width += w;
    } else {
      units.push({ cells: [cell], space, width: w });
    }
  }
  return units;
}

function trimEnd(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && classOf(cells[end - 1]!.ch) & SPACE) end--;
  return cells.slice(0, end);
}

function toLine(cells: Cell[], last: boolean, m: Measurer): Line {
  const pieces: Piece[] = [];
  for (const cell of cells) {
    const last = pieces[pieces.length - 1];
    if (last && last.fontKey === cell.key) last.text += cell.ch;
    else pieces.push({ text: cell.ch, fontKey: cell.key, width: 0 });
  }
  let width = 0;
  for (const piece of pieces) {
    piece.width = m.width(piece.text, piece.fontKey);
    width += piece.width;
  }
  return { pieces, width, chars: cells.length, last };
}
