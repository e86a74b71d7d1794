// Bundled CJK fonts for PDF output and the per-character fallback chain.
//
// Why per character: no single freely licensed font covers every ideograph that
// appears in civil-affairs records (names use rare characters from CJK Extension
// A–G). Each character is printed with the first font of the chain that has a
// glyph for it, so nothing prints as an empty box (.notdef).
//
// Why a process-wide cache: the fonts are 16–31 MB each. pdfkit re-reads and
// re-parses a font file for every new document when given a path; instead we
// parse each file once with fontkit and hand the Font object to pdfkit (pdfkit
// accepts any object with a `layout` method as a font source). Every document
// still embeds its own small subset, created from the shared Font object.
//
// See docs/fonts.md for the files, licences and coverage.

import fs from 'node:fs';
import path from 'node:path';
import { create as createFontkitFont, type Font, type GlyphRun } from 'fontkit';

export type FontFamily = 'serif' | 'sans';

/**
 * One font file of the set. `extra:<file>` keys are optional fallback fonts
 * dropped into the fonts folder as `fallback-*.otf|ttf` (e.g. a future,
 * properly licensed CJK Extension G font); they are tried after Hanazono.
 */
export type FontKey = 'serif' | 'sans' | 'sansBold' | 'hanaMinA' | 'hanaMinB' | `extra:${string}`;

/** A maximal piece of text that is printed with one font. */
export interface TextRun {
  text: string;
  fontKey: FontKey;
}

export interface FontSet {
  /** Absolute path of the fonts folder this set was loaded from. */
  readonly dir: string;
  /** Fallback chain for a family, primary font first. */
  chain(family: FontFamily, bold?: boolean): readonly FontKey[];
  /** The parsed font; parsed on first use, then shared for the whole process. */
  font(key: FontKey): Font;
  /** Absolute path of the file behind a key. */
  file(key: FontKey): string;
  /**
   * The first font of the chain with a glyph for `codePoint`, or null if no
   * font has one. Memoised per chain.
   */
  fontFor(codePoint: number, family?: FontFamily, bold?: boolean): FontKey | null;
  /** Parses the given fonts now (default: all), e.g. in the background at app start-up. */
  preload(keys?: readonly FontKey[]): void;
  /** Shorthand for splitRuns(this, …). */
  runs(text: string, family?: FontFamily, bold?: boolean): TextRun[];
  /** Shorthand for missingGlyphs(this, …). */
  missingGlyphs(text: string, family?: FontFamily): string[];
}

/** File names in resources/fonts, produced by resources/fonts/build-fonts.sh. */
export const FONT_FILES = {
  serif: 'NotoSerifCJKsc-Regular.otf',
  sans: 'NotoSansCJKsc-Regular.otf',
  sansBold: 'NotoSansCJKsc-Bold.otf',
  hanaMinA: 'HanaMinA.ttf',
  hanaMinB: 'HanaMinB.ttf',
} as const satisfies Record<string, string>;

const FALLBACK_FILE = /^fallback-.+\.(otf|ttf)$/i;

// How many font files have been parsed in this process; tests use it to prove
// that a second document does not parse anything again.
let parseCount = 0;
export function fontParseCount(): number {
  return parseCount;
}

const setsByDir = new Map<string, FontSet>();

/** Loads (once per folder and process) the font set from `fontsDir`. */
export function loadFontSet(fontsDir: string): FontSet {
  const dir = path.resolve(fontsDir);
  let set = setsByDir.get(dir);
  if (!set) {
    set = createFontSet(dir);
    setsByDir.set(dir, set);
  }
  return set;
}

function createFontSet(dir: string): FontSet {
  const files = new Map<FontKey, string>();
  for (const [key, name] of Object.entries(FONT_FILES)) {
    files.set(key as FontKey, path.join(dir, name));
  }
  const missing = [...files.values()].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`PDF fonts missing (run resources/fonts/build-fonts.sh): ${missing.join(', ')}`);
  }
  const extras: FontKey[] = fs
    .readdirSync(dir)
    .filter((name) => FALLBACK_FILE.test(name))
    .sort()
    .map((name) => {
      const key: FontKey = `extra:${name}`;
      files.set(key, path.join(dir, name));
      return key;
    });

  const fallbacks: FontKey[] = ['hanaMinA', 'hanaMinB', ...extras];
  const chains: Record<string, readonly FontKey[]> = {
    serif: ['serif', ...fallbacks],
    sans: ['sans', ...fallbacks],
    // Only the sans has a real bold face; serif bold is drawn as synthetic bold
    // from the regular face (see document.ts), so it shares the regular chain.
    'serif-bold': ['serif', ...fallbacks],
    'sans-bold': ['sansBold', ...fallbacks],
  };

  const parsed = new Map<FontKey, Font>();
  // Per chain: code point -> chosen font key (null = no font has it).
  const choices = new Map<string, Map<number, FontKey | null>>();

  const set: FontSet = {
    dir,
    chain: (family, bold = false) => chains[bold ? `${family}-bold` : family]!,
    font(key) {
      let font = parsed.get(key);
      if (!font) {
        const file = set.file(key);
        font = withSharedLayoutCache(createFontkitFont(fs.readFileSync(file)));
        parseCount++;
        parsed.set(key, font);
      }
      return font;
    },
    file(key) {
      const file = files.get(key);
      if (!file) throw new Error(`Unknown font key: ${key}`);
      return file;
    },
    fontFor(cp, family = 'serif', bold = false) {
      const name = bold ? `${family}-bold` : family;
      let memo = choices.get(name);
      if (!memo) {
        memo = new Map();
        choices.set(name, memo);
      }
      let key = memo.get(cp);
      if (key === undefined) {
        // Fallback fonts are only parsed when a character actually needs them.
        key = chains[name]!.find((k) => set.font(k).hasGlyphForCodePoint(cp)) ?? null;
        memo.set(cp, key);
      }
      return key;
    },
    preload(keys = [...files.keys()]) {
      for (const key of keys) {
        // Shaping once makes fontkit parse cmap/GSUB/GPOS/CFF now rather than
        // during the first print.
        set.font(key).layout('中文 Aa1');
      }
    },
    runs: (text, family = 'serif', bold = false) => splitRuns(set, text, family, bold),
    missingGlyphs: (text, family = 'serif') => missingGlyphs(set, text, family),
  };

  return set;
}

// Shaping (OpenType GSUB/GPOS) is the most expensive step of CJK text output,
// and pdfkit caches it per document only. The results depend on the text alone,
// so we cache them per font for the whole process. pdfkit scales the positions
// of the run it gets in place, so every call returns fresh position objects.
const LAYOUT_CACHE_LIMIT = 20_000;

function withSharedLayoutCache(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  // Inherits everything else (tables, subsetting) from the parsed font.
  const shared = Object.create(font) as Font;
  shared.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      run = font.layout(text);
      cache.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  return shared;
}

/**
 * Characters that never pick a font of their own: control characters (line
 * breaks are handled by the layout), and marks that modify the previous
 * character — combining marks, variation selectors (incl. ideographic variation
 * sequences), zero-width joiners. They stay in the current run.
 */
const isAttaching = (ch: string) => isMark(ch) || /^\p{Cc}/u.test(ch);

/** Combining marks, variation selectors, zero-width (non-)joiners: they modify the previous character. */
export function isMark(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  // Fast exits for ASCII/Latin-1 and the ideograph blocks, i.e. almost all text.
  if (cp < 0x300 || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x3ffff)) return false;
  return (
    (cp >= 0x200b && cp <= 0x200d) ||
    cp === 0x2060 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    /^\p{M}/u.test(ch)
  );
}

/**
 * Splits `text` into runs, choosing for each character (by code point, so
 * surrogate pairs stay together) the first font of the family's chain that has
 * a glyph. Characters that no font has go to the primary font (they will print
 * as .notdef); use missingGlyphs() to find them beforehand.
 */
export function splitRuns(fonts: FontSet, text: string, family: FontFamily = 'serif', bold = false): TextRun[] {
  const primary = fonts.chain(family, bold)[0]!;
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const ch of text) {
    let key: FontKey;
    if (current && isAttaching(ch)) {
      key = current.fontKey;
    } else {
      key = isAttaching(ch) ? primary : (fonts.fontFor(ch.codePointAt(0)!, family, bold) ?? primary);
    }
    if (current && current.fontKey === key) {
      current.text += ch;
    } else {
      current = { text: ch, fontKey: key };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * The distinct characters of `text` (in order of first appearance) for which no
 * font of the chain has a glyph. Empty means the text prints without boxes.
 */
export function missingGlyphs(fonts: FontSet, text: string, family: FontFamily = 'serif'): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (!isAttaching(ch) && fonts.fontFor(ch.codePointAt(0)!, family) === null) missing.add(ch);
  }
  return [...missing];
}

/** "U+4DAE" style label for a character (first code point). */
export function codePointLabel(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
