// 人民币大写: the amount in the financial characters written on notices and rosters, so a figure
// cannot be altered by adding a stroke (壹仟元整, 伍仟叁佰元零伍角).

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿', '万亿'] as const;

/** 1 … 9999 inside a section (no leading 零). */
function sectionWords(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + UNITS[i]!;
    }
  }
  return out;
}

function integerWords(n: number): string {
  if (n === 0) return '零';
  const sections: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10_000)) sections.push(v % 10_000);
  let out = '';
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    if (s === 0) {
      if (out !== '') gap = true;
      continue;
    }
    // A zero section, or a section under 1000 after a higher one, reads with 零 (壹万零伍佰).
    if (out !== '' && (gap || s < 1000)) out += '零';
    gap = false;
    out += sectionWords(s) + SECTIONS[i]!;
  }
  return out;
}

/** 500000 → 伍仟元整; 123456 → 壹仟贰佰叁拾肆元伍角陆分; 1205 → 壹拾贰元零伍分. */
export function amountInWords(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError(`amount in fen must be a non-negative integer: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${integerWords(yuan)}元整`;
  const head = yuan > 0 ? `${integerWords(yuan)}元` : '';
  const mid = jiao > 0 ? `${DIGITS[jiao]}角` : yuan > 0 ? '零' : '';
  const tail = cents > 0 ? `${DIGITS[cents]}分` : '整';
  return head + mid + tail;
}
