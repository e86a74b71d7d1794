import { formShortLabels, type FuneralIndicators } from '../../../../main/funeral/reports/contract';
import { burialForms, type BurialForm } from '../../../../main/funeral/shared/forms';
import { applicationStatusLabels, applicationStatuses } from '../../../../main/funeral/subsidies/contract';
import type { ChartOption } from '../../app/EChart';

// The four charts of the funeral statistics page, as ECharts options built from the report. The
// same figures are in the tables below them (what keyboard and screen-reader users read).

const SEAL_RED = '#9b1c1c';
const GREY = '#8c8c8c';
/** Traditional burial in grey, the eco forms in greens and blues: the eye finds the eco share. */
const formColors: Record<BurialForm, string> = {
  traditional: GREY,
  tree: '#237804',
  flowerBed: '#7cb305',
  lawn: '#52c41a',
  wall: '#08979c',
  tower: '#13c2c2',
  niche: '#1f5fa8',
  seaScattering: '#2f54eb',
  riverScattering: '#597ef7',
  deepBurial: '#874d00',
};
const statusColors = ['#d48806', '#faad14', '#fa8c16', '#1f5fa8', '#389e0d', '#bfbfbf'];

const yuan = (fen: number) => Math.round(fen) / 100;
const monthLabel = (m: string, withYear: boolean) =>
  withYear ? `${m.slice(2, 4)}年${Number(m.slice(5))}月` : `${Number(m.slice(5))}月`;

/** Burials per month stacked by form: the year's months, or the 12 months to the month. */
export function monthsOption(r: FuneralIndicators): ChartOption {
  const months = r.burials.months;
  const spansYears = months[0]!.month.slice(0, 4) !== months[months.length - 1]!.month.slice(0, 4);
  // Forms never used in these months stay out of the legend; a quiet year still shows one axis.
  const used = burialForms.filter((f) => months.some((m) => m.byForm[f] > 0));
  const forms = used.length ? used : (['traditional'] as BurialForm[]);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: forms.map((f) => formShortLabels[f]), top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, spansYears)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: forms.map((f) => ({
      name: formShortLabels[f],
      type: 'bar',
      stack: 'burials',
      data: months.map((m) => m.byForm[f]),
      itemStyle: { color: formColors[f] },
      barMaxWidth: 28,
    })),
  };
}

/** Burials per cemetery (and the plotless ones), eco and other stacked. */
export function cemeteriesOption(r: FuneralIndicators): ChartOption {
  const b = r.burials;
  const plotlessEco = b.byForm.filter((f) => f.eco).reduce((s, f) => s + f.plotless, 0);
  const rows = [
    ...b.cemeteries.map((c) => ({ name: c.name, eco: c.eco, other: c.total - c.eco })),
    ...(b.plotless > 0 ? [{ name: '无墓位安葬', eco: plotlessEco, other: b.plotless - plotlessEco }] : []),
  ].reverse(); // the first cemetery on top
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['节地生态安葬', '其他安葬'], top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((x) => x.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: '节地生态安葬',
        type: 'bar',
        stack: 'c',
        data: rows.map((x) => x.eco),
        itemStyle: { color: '#389e0d' },
        barMaxWidth: 22,
      },
      { name: '其他安葬', type: 'bar', stack: 'c', data: rows.map((x) => x.other), itemStyle: { color: GREY }, barMaxWidth: 22 },
    ],
  };
}

/** Subsidy amounts (yuan) by form, stacked by status. */
export function subsidiesOption(r: FuneralIndicators): ChartOption {
  const s = r.subsidies;
  const forms = s.byForm.map((f) => f.form);
  const amount = (form: BurialForm, status: (typeof applicationStatuses)[number]) =>
    yuan(s.rows.filter((x) => x.form === form && x.status === status).reduce((t, x) => t + x.amountFen, 0));
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `¥${Number(v).toLocaleString('zh-CN')}` },
    legend: { data: applicationStatuses.map((x) => applicationStatusLabels[x]), top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: forms.map((f) => formShortLabels[f]) },
    yAxis: { type: 'value', name: '元' },
    series: applicationStatuses.map((status, i) => ({
      name: applicationStatusLabels[status],
      type: 'bar',
      stack: 's',
      data: forms.map((f) => amount(f, status)),
      itemStyle: { color: statusColors[i] },
      barMaxWidth: 36,
    })),
  };
}

/** Amounts waived (yuan) by beneficiary category; an empty period draws an empty ring. */
export function waiversOption(r: FuneralIndicators): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：¥{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    color: [SEAL_RED, '#1f5fa8', '#d48806', '#389e0d', '#722ed1', '#08979c'],
    series: [
      {
        name: '减免金额',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n¥{c}' },
        data: r.waivers.categories.map((c) => ({ name: c.name, value: yuan(c.waivedFen) })),
        stillShowZeroSum: true,
      },
    ],
  };
}
