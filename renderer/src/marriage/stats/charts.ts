import {
  ageBands,
  mainAgeBands,
  originShortLabels,
  statsOrigins,
  type AgeBand,
  type StatsReport,
} from '../../../../main/marriage/stats/contract';
import type { ChartOption } from '../../app/EChart';

// The three charts of the statistics page, as ECharts options built from the report.

const SEAL_RED = '#9b1c1c';
const BLUE = '#1f5fa8';
const GREYS = ['#9b1c1c', '#1f5fa8', '#d48806', '#389e0d', '#722ed1'];

const monthLabel = (m: string, withYear: boolean) =>
  withYear ? `${m.slice(2, 4)}年${Number(m.slice(5))}月` : `${Number(m.slice(5))}月`;

/** Marriages (bars) and divorces (line) per month: the year's months, or the 12 months to the month. */
export function trendOption(r: StatsReport): ChartOption {
  const spansYears = r.trend[0]!.month.slice(0, 4) !== r.trend[r.trend.length - 1]!.month.slice(0, 4);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['结婚登记（对）', '离婚登记（对）'], top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: r.trend.map((t) => monthLabel(t.month, spansYears)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '结婚登记（对）',
        type: 'bar',
        data: r.trend.map((t) => t.marriages),
        itemStyle: { color: SEAL_RED },
        barMaxWidth: 28,
      },
      { name: '离婚登记（对）', type: 'line', data: r.trend.map((t) => t.divorces), itemStyle: { color: BLUE }, symbolSize: 6 },
    ],
  };
}

/** Marriages by origin; an empty period draws an empty ring rather than nothing. */
export function originOption(r: StatsReport): ChartOption {
  const m = r.figures.marriages;
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 对（{d}%）' },
    legend: { bottom: 0 },
    color: GREYS,
    series: [
      {
        name: '结婚登记',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b} {c}' },
        // Empty categories stay in the legend but get no label (they would pile up at one point).
        data: statsOrigins.map((o) => ({
          name: originShortLabels[o],
          value: m[o],
          label: { show: m[o] > 0 },
          labelLine: { show: m[o] > 0 },
        })),
        stillShowZeroSum: true,
      },
    ],
  };
}

const shortBand = (b: AgeBand): string =>
  b === 'under20' ? '<20' : b === 'unknown' ? '不详' : b === '40+' ? '40+' : b.replace('-', '–');

/** Registrants by age band and sex. */
export function ageOption(r: StatsReport): ChartOption {
  const bands = ageBands.filter((b) => mainAgeBands.includes(b) || r.figures.ageBands[b].total > 0);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['男', '女'], top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: bands.map(shortBand), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '男',
        type: 'bar',
        data: bands.map((b) => r.figures.ageBands[b].male),
        itemStyle: { color: BLUE },
        barMaxWidth: 22,
      },
      {
        name: '女',
        type: 'bar',
        data: bands.map((b) => r.figures.ageBands[b].female),
        itemStyle: { color: SEAL_RED },
        barMaxWidth: 22,
      },
    ],
  };
}
