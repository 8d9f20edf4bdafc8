import './style.css';
import { disposeCharts } from './charts.js';
import { renderCommune } from './commune-view.js';
import { h } from './dom.js';
import { query } from './graphql.js';
import { MESSAGES, type Lang } from './i18n.js';
import { renderProvince } from './province-view.js';
import { loadProvince } from './province-data.js';
import { ALERTS_QUERY, COMMUNE_QUERY, type AlertsData, type CommuneData } from './queries.js';

/** What the page shows, all in its address so that a view can be bookmarked and shared. */
interface ViewState {
  view: 'commune' | 'province';
  code: string;
  on: string;
  lang: Lang;
}

const TOKEN_KEY = 'ioc.token';

function readState(): ViewState {
  const p = new URLSearchParams(location.search);
  const view = p.get('view') === 'province' ? 'province' : 'commune';
  const on = /^\d{4}-\d{2}-\d{2}$/.test(p.get('on') ?? '') ? p.get('on')! : new Date().toISOString().slice(0, 10);
  return { view, code: p.get('code') ?? (view === 'province' ? '17' : '05068'), on, lang: p.get('lang') === 'en' ? 'en' : 'vi' };
}

function writeState(state: ViewState): void {
  const p = new URLSearchParams({ view: state.view, code: state.code, on: state.on, lang: state.lang });
  history.pushState(null, '', `?${p.toString()}`);
}

function controls(state: ViewState, onChange: (s: ViewState) => void): HTMLElement {
  const t = MESSAGES[state.lang];
  const view = h('select', { name: 'view', 'aria-label': t.view }, h('option', { value: 'commune' }, t.commune), h('option', { value: 'province' }, t.province)) as HTMLSelectElement;
  view.value = state.view;
  const code = h('input', { name: 'code', value: state.code, size: '6', 'aria-label': t.code }) as HTMLInputElement;
  const on = h('input', { name: 'on', type: 'date', value: state.on, 'aria-label': t.date }) as HTMLInputElement;
  const token = h('input', { name: 'token', type: 'password', placeholder: t.token, 'aria-label': t.token }) as HTMLInputElement;
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const form = h('form', { class: 'controls' }, view, code, on, token, h('button', { type: 'submit' }, t.apply));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (token.value.trim()) sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
    onChange({ ...state, view: view.value === 'province' ? 'province' : 'commune', code: code.value.trim(), on: on.value || state.on });
  });
  const other: Lang = state.lang === 'vi' ? 'en' : 'vi';
  const langButton = h('button', { type: 'button', class: 'lang', 'data-testid': 'lang' }, other === 'en' ? 'English' : 'Tiếng Việt');
  langButton.addEventListener('click', () => onChange({ ...state, lang: other }));
  return h('header', {}, h('strong', {}, t.title), form, langButton);
}

async function render(state: ViewState): Promise<void> {
  const t = MESSAGES[state.lang];
  document.documentElement.lang = state.lang;
  disposeCharts();
  const app = document.getElementById('app')!;
  const main = h('main', { 'aria-busy': 'true' });
  app.replaceChildren(
    controls(state, (next) => {
      writeState(next);
      void render(next);
    }),
    main,
  );
  const token = sessionStorage.getItem(TOKEN_KEY);
  const year = Number(state.on.slice(0, 4));
  try {
    if (state.view === 'province') {
      const province = await loadProvince(state.code, state.on, year, token);
      if ('error' in province || province.communes.length === 0) main.replaceChildren(h('p', { class: 'error', role: 'alert' }, ('error' in province && province.error) || t.notFound));
      else renderProvince(main, state.lang, t, province.name, province.communes);
    } else {
      const variables = { code: state.code, on: state.on, year, from: `${year}-01-01`, to: `${year}-12-31` };
      const [result, alerts] = await Promise.all([
        query<{ commune: CommuneData | null }>(COMMUNE_QUERY, variables, token),
        // The alert feed is for the commune's officers: without a token it is not asked for, and a refusal hides it.
        token ? query<AlertsData>(ALERTS_QUERY, { code: state.code, on: state.on }, token) : Promise.resolve(null),
      ]);
      if (!result.data?.commune) main.replaceChildren(h('p', { class: 'error', role: 'alert' }, result.errors?.[0]?.message ?? t.notFound));
      else renderCommune(main, state.lang, t, result.data.commune, alerts?.data ?? null);
    }
  } catch {
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, t.loadError));
  }
  main.setAttribute('aria-busy', 'false');
}

window.addEventListener('popstate', () => void render(readState()));
void render(readState());
