// The side panel: the explained warning, exposure and community, the credit class with its records, controllers.
import { api } from './api.js';
import { h, table } from './dom.js';
import { explanationSection } from './explain.js';
import { cny, percent } from './features.js';
import { t, term } from './i18n.js';
import { industryLabel, industryName, regionLabel, regionName } from './reference.js';

// Kept for the explorer files that import the helper from here.
export { h } from './dom.js';

const badge = (text, colour) => h('span', { class: `badge ${colour}` }, text);
const rows = (pairs) => h('table', { class: 'facts' }, h('tbody', {}, pairs.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
const failed = (result) => h('p', { class: 'hint' }, result.reason.message);

/** What the panel last showed about the centre: as-of date and model version for the exports. */
export const lastShown = { warning: null };

export async function showEnterprise(panel, node) {
  panel.replaceChildren(h('h2', {}, node.label), h('p', { class: 'hint' }, node.id), h('p', { class: 'hint' }, t('panel.loading')));
  const [warning, explanation, credit, controllers, exposure, community] = await Promise.allSettled([
    api.warning(node.id), api.explanation(node.id), api.credit(node.id), api.controllers(node.id), api.exposure(node.id), api.community(node.id)]);
  const parts = [h('h2', { id: 'panel-title' }, node.label),
    rows([[t('uscc'), node.id], [t('industry'), industryLabel(node.industry)], [t('region'), regionLabel(node.region)]])];

  parts.push(h('h3', {}, t('warning')));
  if (warning.status === 'fulfilled') {
    lastShown.warning = warning.value;
    parts.push(...explanationSection(node.label, warning.value, explanation.status === 'fulfilled' ? explanation.value : null));
  } else parts.push(failed(warning));

  parts.push(h('h3', {}, t('exposure')));
  parts.push(exposure.status === 'fulfilled' ? exposureSection(exposure.value) : failed(exposure));
  parts.push(h('h3', {}, t('community')));
  parts.push(community.status === 'fulfilled' ? communitySection(community.value) : failed(community));

  parts.push(h('h3', {}, t('credit')));
  if (credit.status === 'fulfilled') parts.push(...creditSection(credit.value));
  else parts.push(failed(credit));

  parts.push(h('h3', {}, t('controllers')));
  if (controllers.status === 'fulfilled') {
    const list = controllers.value.controllers ?? [];
    parts.push(list.length === 0 ? h('p', { class: 'hint' }, t('controllers.none'))
      : table('panel-controllers', [t('col.holder'), t('col.share'), t('col.role')],
        list.map((c) => [c.label ?? c.id, percent(c.share), term('role', c.role)])));
  } else parts.push(failed(controllers));
  panel.replaceChildren(...parts);
}

function exposureSection(x) {
  const byHop = x.risky_by_hop.map((n, i) => [String(i + 1), String(n)]);
  const byType = Object.entries(x.risky_by_relation_type).filter(([, n]) => n > 0).map(([type, n]) => [term('rel', type.toUpperCase()), String(n)]);
  return h('div', { id: 'panel-exposure' },
    h('p', {}, t('exposure.sentence', { hops: x.hops, reached: x.reached_enterprises, risky: x.risky_enterprises })),
    table('', [t('exposure.hop'), t('exposure.risky')], byHop, 'compact'),
    byType.length ? table('', [t('exposure.by_type'), t('exposure.risky')], byType, 'compact') : '');
}

function communitySection(c) {
  const top = (counts, name) => Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, n]) => `${name(code)} ${n}`).join(' · ');
  return h('div', { id: 'panel-community' },
    h('p', {}, t('community.sentence', { c: c.community, n: c.enterprises, neg: c.negative_enterprises, share: percent(c.negative_share) })),
    rows([[t('community.industries'), top(c.industries, industryName)], [t('community.regions'), top(c.regions, regionName)]]),
    table('', [t('community.riskiest'), t('credit'), t('score')], c.riskiest_members.slice(0, 5).map((m) =>
      [m.name, badge(term('class', m.credit_class), m.colour), m.score == null ? '' : m.score.toFixed(3)]), 'compact'));
}

function creditSection(c) {
  const cls = c.credit_class;
  const parts = [h('p', { id: 'panel-class' }, badge(term('class', cls.class), cls.colour), ' ', cls.decisive_rule.description)];
  if (cls.decisive_rule.basis) parts.push(h('p', { class: 'hint' }, cls.decisive_rule.basis));
  if (cls.decisive_rule.record_ids.length > 0) parts.push(h('p', { class: 'hint' }, `${t('credit.triggered')}: ${cls.decisive_rule.record_ids.join(', ')}`));
  parts.push(h('h4', {}, `${t('lists')} (${c.list_entries.length})`));
  parts.push(table('panel-lists', [t('col.list_type'), t('col.valid'), t('col.department'), t('col.legal_basis'), t('col.status')],
    c.list_entries.map((l) => [term('list', l.list_type), `${l.valid_from} → ${l.valid_to ?? t('open_ended')}`, l.department,
      l.legal_basis ?? l.catalogue_item ?? '', term('status', l.status)])));
  parts.push(h('h4', {}, `${t('penalties')} (${c.penalties.length})`));
  parts.push(table('panel-penalties', [t('col.kind'), t('col.amount'), t('col.decision_date'), t('col.department'), t('col.legal_basis'), t('col.status')],
    c.penalties.map((p) => [term('penalty', p.kind), p.amount > 0 ? cny(p.amount) : '—', p.decision_date, p.department, p.catalogue_item ?? '',
      term('status', p.status)])));
  return parts;
}

export function showPerson(panel, node) {
  panel.replaceChildren(h('h2', { id: 'panel-title' }, node.label), rows([[t('person.key'), node.id], [t('note'), t('person.note')]]));
}
