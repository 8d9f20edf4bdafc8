/** A tiny element builder: text is always set as text, never parsed as HTML. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** A KPI tile; `testId` names it for tests and assistive tools. */
export function tile(testId: string, label: string, value: string, ...details: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'tile', 'data-testid': testId }, h('h3', {}, label), h('p', { class: 'value', 'data-testid': `${testId}-value` }, value), ...details.map((d) => (d === null ? null : h('p', { class: 'detail' }, d))));
}
