// The side panel: warning with reasons, credit class with triggering records, list entries and controllers.
import { api } from './api.js';

/** Builds an element; strings become text nodes, so data is never interpreted as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') element.className = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child != null) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const badge = (text, colour) => h('span', { class: `badge ${colour}` }, text);
const rows = (pairs) => h('table', {}, pairs.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v))));

export async function showEnterprise(panel, node) {
  panel.replaceChildren(h('h2', {}, node.label), h('p', { class: 'hint' }, node.id), h('p', { class: 'hint' }, 'loading…'));
  const [warning, credit, controllers] = await Promise.allSettled([api.warning(node.id), api.credit(node.id), api.controllers(node.id)]);
  const parts = [h('h2', { id: 'panel-title' }, node.label), rows([['USCC', node.id], ['industry', node.industry], ['region', node.region]])];

  parts.push(h('h3', {}, 'Warning'));
  if (warning.status === 'fulfilled') {
    const w = warning.value;
    parts.push(h('p', { id: 'panel-warning' }, badge(w.level, w.level), ` score ${w.score.toFixed(3)} · model ${w.model_version} · as of ${w.as_of}`));
    parts.push(h('table', { id: 'panel-reasons' }, w.reasons.map((r) =>
      h('tr', {}, h('td', { title: r.description }, r.feature), h('td', {}, r.value), h('td', { class: `reason-${r.direction}` }, `${r.direction} ${r.contribution > 0 ? '+' : ''}${r.contribution.toFixed(3)}`)))));
  } else {
    parts.push(h('p', { class: 'hint' }, warning.reason.message));
  }

  parts.push(h('h3', {}, 'Credit class'));
  if (credit.status === 'fulfilled') {
    const c = credit.value;
    const cls = c.credit_class;
    parts.push(h('p', { id: 'panel-class' }, badge(`${cls.chinese_name} ${cls.class}`, cls.colour), ' ', cls.decisive_rule.description));
    if (cls.decisive_rule.record_ids.length > 0) parts.push(h('p', { class: 'hint' }, `triggered by ${cls.decisive_rule.record_ids.join(', ')}`));
    parts.push(h('h3', {}, `List entries (${c.list_entries.length})`));
    parts.push(h('table', {}, c.list_entries.map((l) => h('tr', {}, h('td', {}, l.list_type), h('td', {}, `${l.valid_from} → ${l.valid_to ?? 'open'}`), h('td', {}, l.department)))));
    parts.push(h('h3', {}, `Penalties (${c.penalties.length})`));
    parts.push(h('table', {}, c.penalties.map((p) => h('tr', {}, h('td', {}, p.kind), h('td', {}, p.amount), h('td', {}, p.decision_date), h('td', {}, p.status)))));
  } else {
    parts.push(h('p', { class: 'hint' }, credit.reason.message));
  }

  parts.push(h('h3', {}, 'Ultimate controllers'));
  if (controllers.status === 'fulfilled') {
    const list = controllers.value.controllers ?? [];
    parts.push(list.length === 0 ? h('p', { class: 'hint' }, 'none above 25 %') :
      h('table', { id: 'panel-controllers' }, list.map((c) => h('tr', {}, h('td', {}, c.label ?? c.id), h('td', {}, `${(c.share * 100).toFixed(1)}%`), h('td', {}, c.role ?? '')))));
  } else {
    parts.push(h('p', { class: 'hint' }, controllers.reason.message));
  }
  panel.replaceChildren(...parts);
}

export function showPerson(panel, node) {
  panel.replaceChildren(h('h2', { id: 'panel-title' }, node.label), rows([['person key', node.id], ['note', 'ID numbers are never shown']]));
}
