// The pure waiver rules (no database): the amount arithmetic
// against every combination of cost, quantity and cap, the residency prefix, money in figures and
// in words (人民币大写) as printed on the settlement sheet.
import { describe, expect, it } from 'vitest';
import { computeWaiver, divisionPrefix, isWithinDivision } from '../../../main/funeral/waivers/compute';
import { formatFen } from '../../../main/funeral/waivers/contract';
import { amountInWords } from '../../../main/funeral/waivers/documents/settlementPdf';

describe('pure rules', () => {
  it('never waives more than the cap, the actual cost or the allowance', () => {
    const version = {
      id: 1,
      effectiveFrom: '2020-01-01',
      title: 't',
      sample: false,
      items: [
        { code: 'a', name: '甲', unit: '次', standardPriceFen: 700, waivableQuantity: 2 },
        { code: 'b', name: '乙', unit: '次', standardPriceFen: 500, waivableQuantity: 1 },
      ],
      categories: [{ code: 'c', name: '丙', capFen: 1000, itemCodes: ['a', 'b'], localOnly: false, evidenceLabel: null }],
    };
    for (let qa = 1; qa <= 3; qa++)
      for (const aa of [0, 300, 501, 1400, 5000])
        for (const ab of [0, 200, 500, 900]) {
          const c = computeWaiver(version, 'c', [
            { itemCode: 'a', quantity: qa, actualFen: aa },
            { itemCode: 'b', quantity: 1, actualFen: ab },
          ]);
          expect(c.waivedFen).toBeLessThanOrEqual(1000);
          expect(c.waivedFen).toBe(Math.min(1000, Math.min(aa, 700 * Math.min(qa, 2)) + Math.min(ab, 500)));
          for (const l of c.lines) expect(l.waivedFen).toBeLessThanOrEqual(Math.min(l.actualFen, l.allowanceFen));
        }
  });

  it('reads a prefecture or province office code as its prefix', () => {
    expect(divisionPrefix('500118')).toBe('500118');
    expect(divisionPrefix('500100')).toBe('5001');
    expect(divisionPrefix('500000')).toBe('50');
    expect(isWithinDivision('500118001', '500100')).toBe(true);
    expect(isWithinDivision('510118001', '500100')).toBe(false);
  });

  it('formats money and writes amounts in words', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(amountInWords(178000)).toBe('壹仟柒佰捌拾元整');
    expect(amountInWords(100005)).toBe('壹仟元零伍分');
    expect(amountInWords(1005050)).toBe('壹万零伍拾元伍角整');
    expect(amountInWords(10000000000)).toBe('壹亿元整');
    expect(amountInWords(0)).toBe('零元整');
  });
});
