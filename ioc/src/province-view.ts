import { h, tile } from './dom.js';
import { formatCount, formatRate } from './format.js';
import type { Lang, Messages } from './i18n.js';
import type { ProvinceCommune } from './queries.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A province at a date: its communes' figures summed, and the communes with records listed. */
export function renderProvince(root: HTMLElement, lang: Lang, t: Messages, name: string, communes: ProvinceCommune[]): void {
  const received = sum(communes.map((c) => c.dossierStats?.received ?? 0));
  const online = sum(communes.map((c) => c.dossierStats?.online ?? 0));
  const outgoing = sum(communes.map((c) => c.documentStats?.outgoingElectronic ?? 0));
  const signed = sum(communes.map((c) => c.documentStats?.outgoingSigned ?? 0));
  const radio = sum(communes.map((c) => c.deviceStats?.radioClusters ?? 0));
  const planned = sum(communes.map((c) => c.deviceStats?.radioClustersPlanned ?? 0));
  const cameras = sum(communes.map((c) => c.deviceStats?.cameras ?? 0));
  const records = sum(communes.map((c) => c.healthRecordStats?.records ?? 0));
  const active = communes.filter((c) => (c.dossierStats?.received ?? 0) > 0 || (c.deviceStats?.radioClusters ?? 0) > 0 || (c.healthRecordStats?.records ?? 0) > 0);
  root.replaceChildren(
    h('h1', { 'data-testid': 'unit-name' }, `${t.province} ${name}`, h('small', {}, ` (${formatCount(lang, communes.length)} ${t.communeCount})`)),
    h(
      'div',
      { class: 'tiles' },
      tile('dossiers', t.dossiers, formatCount(lang, received)),
      tile('online-rate', t.onlineRate, formatRate(lang, received ? online / received : null)),
      tile('documents-signed', t.signedRate, `${formatCount(lang, signed)} / ${formatCount(lang, outgoing)}`, formatRate(lang, outgoing ? signed / outgoing : null)),
      tile('radio-clusters', t.radio, formatCount(lang, radio), `${formatCount(lang, planned)} ${t.planned}`),
      tile('cameras', t.cameras, formatCount(lang, cameras)),
      tile('health', t.health, formatCount(lang, records)),
    ),
    h(
      'section',
      { class: 'panel', 'data-testid': 'province-communes' },
      h('h2', {}, t.communes),
      h(
        'table',
        { class: 'table' },
        h('tr', {}, h('th', {}, t.name), h('th', { class: 'num' }, t.dossiers), h('th', { class: 'num' }, t.onlineRate), h('th', {}, t.target), h('th', { class: 'num' }, t.signedRate), h('th', { class: 'num' }, t.radio)),
        ...active.map((c) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `?view=commune&code=${c.code}` }, `${c.name} (${c.code})`)),
            h('td', { class: 'num' }, formatCount(lang, c.dossierStats?.received)),
            h('td', { class: 'num' }, formatRate(lang, c.dossierStats?.onlineRate)),
            h('td', {}, c.dossierStats?.targetMet === null || c.dossierStats?.targetMet === undefined ? '—' : c.dossierStats.targetMet ? t.met : t.notMet),
            h('td', { class: 'num' }, `${formatCount(lang, c.documentStats?.outgoingSigned)} / ${formatCount(lang, c.documentStats?.outgoingElectronic)}`),
            h('td', { class: 'num' }, formatCount(lang, c.deviceStats?.radioClusters)),
          ),
        ),
      ),
    ),
  );
}
