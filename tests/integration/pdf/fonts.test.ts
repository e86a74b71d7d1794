// The font set: fallback chain per character, missing-glyph reporting, and the
// process-wide cache (each font file parsed once).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePointLabel, fontParseCount, loadFontSet, missingGlyphs, splitRuns } from '../../../main/core/pdf';

const fontsDir = resolve(__dirname, '../../../resources/fonts');
const fonts = loadFontSet(fontsDir);

// 䶮 Ext A, 𠙶 Ext B, 𪨶 Ext C (the examples), then characters only
// the Hanazono fallbacks have: 𫝀 Ext D, 𫠠 Ext E, 𬺰 Ext F, U+2F800 compat.
const RARE = '䶮𠙶𪨶\u{2B740}\u{2B820}\u{2CEB0}\u{2F800}';

describe('font fallback chain', () => {
  it('has a glyph for every rare sample character, in both families', () => {
    expect(missingGlyphs(fonts, RARE, 'serif')).toEqual([]);
    expect(fonts.missingGlyphs(RARE, 'sans')).toEqual([]);
    expect(missingGlyphs(fonts, '中华人民共和国结婚证 J110105-2025-000123，《民法典》')).toEqual([]);
  });

  it('reports characters that no font has (private use, unassigned)', () => {
    // U+E000 is private use, U+FDD0 a noncharacter, U+3FFFD unassigned.
    expect(missingGlyphs(fonts, '王\u{E000}䶮\u{FDD0}\u{3FFFD}\u{E000}')).toEqual(['\u{E000}', '\u{FDD0}', '\u{3FFFD}']);
  });

  it('chooses the font per character and keeps surrogate pairs whole', () => {
    const runs = splitRuns(fonts, '陈\u{2B820}先生', 'serif');
    expect(runs).toEqual([
      { text: '陈', fontKey: 'serif' },
      { text: '\u{2B820}', fontKey: 'hanaMinB' },
      { text: '先生', fontKey: 'serif' },
    ]);
    expect(fonts.runs('丽\u{2F800}', 'sans').map((r) => r.fontKey)).toEqual(['sans', 'hanaMinA']);
    expect(fonts.runs('粗体', 'sans', true)[0]!.fontKey).toBe('sansBold');
    // Missing characters stay with the primary font (and are reported above).
    expect(fonts.runs('a\u{E000}b', 'sans')).toEqual([{ text: 'a\u{E000}b', fontKey: 'sans' }]);
    // A variation selector stays with the character it modifies.
    expect(fonts.runs('\u{2B820}\u{E0100}', 'serif')).toEqual([{ text: '\u{2B820}\u{E0100}', fontKey: 'hanaMinB' }]);
  });

  it('labels code points', () => {
    expect(codePointLabel('䶮')).toBe('U+4DAE');
    expect(codePointLabel('𪨶')).toBe('U+2AA36');
  });

  it('parses each font file at most once per process', () => {
    fonts.preload();
    const parsed = fontParseCount();
    expect(parsed).toBeGreaterThanOrEqual(5);
    const again = loadFontSet(fontsDir + '/');
    expect(again).toBe(fonts);
    expect(again.font('serif')).toBe(fonts.font('serif'));
    again.preload();
    expect(fontParseCount()).toBe(parsed);
  });

  it('fails clearly when the fonts folder is wrong', () => {
    expect(() => loadFontSet(resolve(fontsDir, '..'))).toThrow(/PDF fonts missing/);
  });
});
