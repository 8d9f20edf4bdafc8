import { budgetChart, budgetMonthsChart, dossiersChart } from './charts.js';
import { h, tile } from './dom.js';
import { formatCount, formatMillionVnd, formatRate, formatTarget } from './format.js';
import { INDICATOR_NAMES, STATUS_NAMES, type Lang, type Messages } from './i18n.js';
import type { AlertsData, CommuneData } from './queries.js';

function panel(testId: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': testId }, h('h2', {}, title), ...children);
}

function indicatorValue(lang: Lang, unit: string, value: number): string {
  return unit === 'RATE' ? formatRate(lang, value) : formatCount(lang, value);
}

/** One commune at a date: KPI tiles against targets, charts, equipment, reports, listings; alerts for its officers. */
export function renderCommune(root: HTMLElement, lang: Lang, t: Messages, c: CommuneData, alerts: AlertsData | null): void {
  const d = c.dossierStats;
  const target = d?.target ? formatTarget(lang, d.target.minimum) : null;
  const verdict = d?.targetMet === null || d?.targetMet === undefined ? t.noTarget : d.targetMet ? t.met : t.notMet;
  const docs = c.documentStats;
  const dev = c.deviceStats;
  const health = c.healthRecordStats;
  const fr = c.fieldReportStats;
  const money = (n: number) => formatMillionVnd(lang, n * 1e6);

  const tiles = h(
    'div',
    { class: 'tiles' },
    tile('dossiers', t.dossiers, formatCount(lang, d?.received)),
    tile(
      'online-rate',
      t.onlineRate,
      formatRate(lang, d?.onlineRate),
      h('span', { 'data-testid': 'online-target' }, target ? `${t.target}: ${target}` : t.noTarget),
      d?.target ? h('span', { class: `badge ${d.targetMet ? 'ok' : 'bad'}`, 'data-testid': 'online-target-met' }, verdict) : null,
    ),
    tile('on-time-rate', t.onTimeRate, formatRate(lang, d?.onTimeRate)),
    tile('documents-signed', t.signedRate, docs ? `${formatCount(lang, docs.outgoingSigned)} / ${formatCount(lang, docs.outgoingElectronic)}` : '—', formatRate(lang, docs?.signedRate)),
    tile(
      'radio-clusters',
      t.radio,
      formatCount(lang, dev?.radioClusters),
      dev ? `${formatCount(lang, dev.radioClustersPlanned)} ${t.planned} · ${formatCount(lang, dev.radioClustersOnline)} ${t.online}` : null,
    ),
    tile('cameras', t.cameras, formatCount(lang, dev?.cameras), dev ? `${formatCount(lang, dev.camerasOnline)} ${t.online}` : null),
    tile('health', t.health, formatCount(lang, health?.records), health ? `${t.coverage} ${formatRate(lang, health.coverage)}` : null),
    tile('field-reports', t.fieldReports, formatCount(lang, fr?.received), fr ? `${formatCount(lang, fr.open)} ${t.open} · ${formatCount(lang, fr.overdueNow)} ${t.overdue}` : null),
    c.budget
      ? tile(
          'budget-revenue',
          `${t.revenue} (${t.execution})`,
          formatRate(lang, c.budget.revenue.executionRate),
          `${t.expenditure}: ${formatRate(lang, c.budget.expenditure.executionRate)}`,
        )
      : null,
  );

  const dossierChart = h('div', { class: 'chart', 'data-testid': 'chart-dossiers' });
  const budgetEl = h('div', { class: 'chart', 'data-testid': 'chart-budget' });
  const budgetMonthsEl = h('div', { class: 'chart', 'data-testid': 'chart-budget-months' });

  const radioList = h(
    'ul',
    { class: 'list', 'data-testid': 'radio-list' },
    ...(c.radioClusters ?? []).map((r) => h('li', {}, `${r.village} — ${STATUS_NAMES[lang][r.status] ?? r.status} (${formatCount(lang, r.loudspeakerCount)} ${t.loudspeakers})`)),
    ...(c.cameras ?? []).map((cam) => h('li', {}, `${t.camera}: ${cam.name} — ${STATUS_NAMES[lang][cam.status] ?? cam.status}`)),
  );

  const indicators = h(
    'table',
    { class: 'table', 'data-testid': 'indicators' },
    ...(c.indicators ?? []).map((i) => h('tr', {}, h('td', {}, INDICATOR_NAMES[lang][i.indicator] ?? i.indicator), h('td', { class: 'num' }, indicatorValue(lang, i.unit, i.value)))),
  );

  const listings = h(
    'table',
    { class: 'table', 'data-testid': 'listings' },
    h('tr', {}, h('th', {}, t.product), h('th', {}, t.producer), h('th', { class: 'num' }, t.price), h('th', {}, 'voso / postmart')),
    ...(c.products?.edges ?? []).map(({ node }) =>
      h('tr', {}, h('td', {}, node.name), h('td', {}, node.producer?.name ?? ''), h('td', { class: 'num' }, formatCount(lang, node.priceVnd)), h('td', {}, node.listings.map((l) => `${l.marketplace}: ${l.status}`).join(', '))),
    ),
  );

  const producers = h(
    'table',
    { class: 'table', 'data-testid': 'producers' },
    h('tr', {}, h('th', {}, t.producer), h('th', {}, t.marketplaces)),
    ...(c.producers?.edges ?? []).map(({ node }) => h('tr', {}, h('td', {}, node.name), h('td', {}, node.marketplaces.join(', ')))),
  );

  const feed = alerts?.commune?.informationAlerts;
  const alertPanel = feed
    ? panel(
        'alerts',
        `${t.alerts} (${formatCount(lang, feed.totalCount)})`,
        h(
          'ul',
          { class: 'list' },
          ...feed.edges.map(({ node }) => h('li', { class: `sev-${node.severity.toLowerCase()}` }, `[${node.severity}] ${node.topic}: ${node.title} — ${node.source} (${node.handled ? t.handled : t.notHandled})`)),
        ),
      )
    : null;

  root.replaceChildren(
    h('h1', { 'data-testid': 'unit-name' }, `${t.commune} ${c.name}`, h('small', {}, ` ${[c.districtName, c.provinceName].filter(Boolean).join(', ')}`)),
    tiles,
    h(
      'div',
      { class: 'panels' },
      panel('panel-dossiers', t.dossiersPerMonth, dossierChart),
      panel('panel-budget', t.budget, c.budget ? budgetEl : h('p', {}, t.noData), c.budget ? budgetMonthsEl : null),
      panel('panel-equipment', `${t.radio} · ${t.cameras}`, radioList),
      panel('panel-indicators', t.indicators, c.indicators?.length ? indicators : h('p', {}, t.noData)),
      panel('panel-producers', `${t.producers} (${formatCount(lang, c.producers?.totalCount)})`, producers),
      panel('panel-listings', `${t.listings} (${formatCount(lang, c.products?.totalCount)})`, c.products?.edges.length ? listings : h('p', {}, t.noData)),
      alertPanel,
    ),
    h('p', { class: 'note' }, t.assumed),
  );
  if (d) dossiersChart(dossierChart, lang, t, d.months);
  if (c.budget) {
    budgetChart(budgetEl, lang, t, c.budget, money);
    budgetMonthsChart(budgetMonthsEl, lang, t, c.budget.months, money);
  }
}
