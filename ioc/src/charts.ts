import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Lang, Messages } from './i18n.js';

// Only the parts used, so the bundle stays small; all of it is served by the hub.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const charts: echarts.ECharts[] = [];

export function disposeCharts(): void {
  for (const c of charts.splice(0)) c.dispose();
}

function chart(el: HTMLElement, _lang: Lang, option: echarts.EChartsCoreOption): void {
  const c = echarts.init(el, undefined, { renderer: 'canvas' });
  c.setOption({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20, top: 40, bottom: 30 }, ...option, legend: { top: 0, ...(option.legend as object) } });
  charts.push(c);
}

function monthLabels(t: Messages): string[] {
  return Array.from({ length: 12 }, (_, i) => `${t.month}${i + 1}`);
}

export function dossiersChart(el: HTMLElement, lang: Lang, t: Messages, months: { month: number; received: number; online: number }[]): void {
  chart(el, lang, {
    legend: { data: [t.received, t.receivedOnline] },
    xAxis: { type: 'category', data: monthLabels(t) },
    yAxis: { type: 'value' },
    series: [
      { name: t.received, type: 'bar', data: months.map((m) => m.received), itemStyle: { color: '#2f6db5' } },
      { name: t.receivedOnline, type: 'bar', data: months.map((m) => m.online), itemStyle: { color: '#e08a1e' } },
    ],
  });
}

export function budgetChart(
  el: HTMLElement,
  lang: Lang,
  t: Messages,
  budget: { revenue: { estimateVnd: number; actualVnd: number }; expenditure: { estimateVnd: number; actualVnd: number } },
  format: (n: number) => string,
): void {
  const million = (v: number) => Math.round(v / 1e6);
  chart(el, lang, {
    legend: { data: [t.estimate, t.actual] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => format(Number(v)) },
    xAxis: { type: 'category', data: [t.revenue, t.expenditure] },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      { name: t.estimate, type: 'bar', data: [million(budget.revenue.estimateVnd), million(budget.expenditure.estimateVnd)], itemStyle: { color: '#9bb7d4' } },
      { name: t.actual, type: 'bar', data: [million(budget.revenue.actualVnd), million(budget.expenditure.actualVnd)], itemStyle: { color: '#2f6db5' } },
    ],
  });
}

export function budgetMonthsChart(el: HTMLElement, lang: Lang, t: Messages, months: { month: number; revenueVnd: number; expenditureVnd: number }[], format: (n: number) => string): void {
  chart(el, lang, {
    legend: { data: [t.revenue, t.expenditure] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => format(Number(v)) },
    xAxis: { type: 'category', data: monthLabels(t) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      { name: t.revenue, type: 'line', data: months.map((m) => Math.round(m.revenueVnd / 1e6)), itemStyle: { color: '#2e8b57' } },
      { name: t.expenditure, type: 'line', data: months.map((m) => Math.round(m.expenditureVnd / 1e6)), itemStyle: { color: '#c0392b' } },
    ],
  });
}
