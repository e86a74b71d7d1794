import {
  formatFen,
  type ServiceItem,
  type WaiverCategory,
  type WaiverComputation,
  type WaiverLineComputation,
  type WaiverLineInput,
} from './contract';

// The waiver rules, pure so that every path (試算 in the form, recording, correction, tests) runs
// the very same arithmetic:
//   allowance  = standard unit price × min(quantity, the item's waivable quantity)
//   per item   = min(actual cost, allowance), and 0 for an item the category may not waive
//   per body   = the sum, capped at the category's per-body cap; what exceeds the cap is taken
//                off the items in the standard's order from the last one back (the first items
//                — transport, storage, cremation — are the ones every policy covers fully).

export interface StandardVersion {
  id: number;
  effectiveFrom: string;
  title: string;
  sample: boolean;
  items: ServiceItem[];
  categories: WaiverCategory[];
}

export class WaiverRuleError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const qty = (n: number, unit: string) => `${n} ${unit}`;

export function computeWaiver(
  version: StandardVersion,
  categoryCode: string,
  input: readonly WaiverLineInput[],
): WaiverComputation {
  const category = version.categories.find((c) => c.code === categoryCode);
  if (!category)
    throw new WaiverRuleError(
      `减免对象类别“${categoryCode}”不在 ${version.effectiveFrom} 起施行的减免标准（${version.title}）中`,
      'categoryCode',
    );
  const order = new Map(version.items.map((it, i) => [it.code, i]));
  const seen = new Set<string>();
  input.forEach((l, i) => {
    if (!order.has(l.itemCode))
      throw new WaiverRuleError(
        `服务项目“${l.itemCode}”不在 ${version.effectiveFrom} 起施行的减免标准（${version.title}）中`,
        `lines.${i}.itemCode`,
      );
    if (seen.has(l.itemCode)) throw new WaiverRuleError('同一服务项目只能填写一行', `lines.${i}.itemCode`);
    seen.add(l.itemCode);
  });
  const sorted = [...input].sort((a, b) => order.get(a.itemCode)! - order.get(b.itemCode)!);

  const lines: WaiverLineComputation[] = sorted.map((l) => {
    const item = version.items[order.get(l.itemCode)!]!;
    const waivable = category.itemCodes.includes(item.code);
    const counted = Math.min(l.quantity, item.waivableQuantity);
    const allowance = item.standardPriceFen * counted;
    const beforeCap = waivable ? Math.min(l.actualFen, allowance) : 0;
    const standardText =
      counted < l.quantity
        ? `标准 ${formatFen(item.standardPriceFen)}/${item.unit} × ${qty(counted, item.unit)}（最多减免 ${qty(item.waivableQuantity, item.unit)}，实际 ${qty(l.quantity, item.unit)}）= ${formatFen(allowance)}`
        : `标准 ${formatFen(item.standardPriceFen)}/${item.unit} × ${qty(counted, item.unit)} = ${formatFen(allowance)}`;
    const explanation = waivable
      ? `${item.name}：实际 ${formatFen(l.actualFen)}，${standardText}，取较低者 ${formatFen(beforeCap)}`
      : `${item.name}：实际 ${formatFen(l.actualFen)}，不属于「${category.name}」可减免项目，不予减免`;
    return {
      itemCode: item.code,
      itemName: item.name,
      unit: item.unit,
      quantity: l.quantity,
      actualFen: l.actualFen,
      standardPriceFen: item.standardPriceFen,
      countedQuantity: counted,
      allowanceFen: allowance,
      waivable,
      beforeCapFen: beforeCap,
      waivedFen: beforeCap,
      explanation,
    };
  });

  const actual = lines.reduce((s, l) => s + l.actualFen, 0);
  const beforeCap = lines.reduce((s, l) => s + l.beforeCapFen, 0);
  const capApplied = beforeCap > category.capFen;
  const steps = lines.map((l) => l.explanation);
  if (capApplied) {
    let excess = beforeCap - category.capFen;
    const cuts: string[] = [];
    for (let i = lines.length - 1; i >= 0 && excess > 0; i--) {
      const line = lines[i]!;
      const cut = Math.min(line.waivedFen, excess);
      if (cut === 0) continue;
      line.waivedFen -= cut;
      excess -= cut;
      line.explanation += `；因每具封顶核减 ${formatFen(cut)}，减免 ${formatFen(line.waivedFen)}`;
      cuts.push(`${line.itemName}核减 ${formatFen(cut)}`);
    }
    steps.push(
      `可减免小计 ${formatFen(beforeCap)}，超过「${category.name}」每具封顶 ${formatFen(category.capFen)}，` +
        `超出的 ${formatFen(beforeCap - category.capFen)} 自排在最后的项目起核减（${cuts.join('，')}）`,
    );
  } else {
    steps.push(`可减免小计 ${formatFen(beforeCap)}，未超过「${category.name}」每具封顶 ${formatFen(category.capFen)}`);
  }
  const waived = lines.reduce((s, l) => s + l.waivedFen, 0);
  steps.push(`减免合计 ${formatFen(waived)}；实际费用 ${formatFen(actual)}，家属自付 ${formatFen(actual - waived)}`);
  return {
    versionId: version.id,
    versionTitle: version.title,
    versionEffectiveFrom: version.effectiveFrom,
    sample: version.sample,
    categoryCode: category.code,
    categoryName: category.name,
    capFen: category.capFen,
    lines,
    actualFen: actual,
    beforeCapFen: beforeCap,
    waivedFen: waived,
    familyPaysFen: actual - waived,
    capApplied,
    steps,
  };
}

/**
 * The prefix a household code must start with to lie within the office's division: a county code
 * (500118) as it is, a prefecture (500100 → 5001) or province (500000 → 50) without its zero pairs.
 */
export function divisionPrefix(officeCode: string): string {
  if (/^\d{2}0000$/.test(officeCode)) return officeCode.slice(0, 2);
  if (/^\d{4}00$/.test(officeCode)) return officeCode.slice(0, 4);
  return officeCode;
}

export const isWithinDivision = (household: string, officeCode: string): boolean =>
  household.startsWith(divisionPrefix(officeCode));
