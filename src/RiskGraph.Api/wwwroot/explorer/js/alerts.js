// Cross-boundary alerts: filtered by region and industry (by name), sorted by score, each naming why its target
// counts as risky; the path is drawn inside the source's network, at the network's scale.
import { api } from './api.js';
import { $, h } from './dom.js';
import { t, term } from './i18n.js';
import { industryName, regionName, regionShort } from './reference.js';

const TOP = 20;
const FETCHED = 200;

export class AlertList {
  constructor(onSelect) {
    this.onSelect = onSelect;
    this.items = [];
    this.shown = [];
  }

  /** Region values: a 6-digit code goes to the API; a province or prefecture prefix filters the top 200 here. */
  async load() {
    const kind = $('alert-kind').value;
    const region = $('alert-region').value;
    const industry = $('alert-industry').value;
    const exact = /^\d{6}$/.test(region) ? region : '';
    try {
      const result = await api.alerts(kind, region || industry ? FETCHED : TOP, exact);
      this.items = result.items.filter((a) => (!region || String(a.region).startsWith(region))
        && (!industry || String(a.industry).replace(/^[A-Z]/, '') === industry));
      this.render();
    } catch (error) {
      $('alerts').replaceChildren(h('li', { class: 'hint' }, t('alerts.unavailable') + error.message));
    }
  }

  render() {
    const ascending = $('alert-sort').value === 'asc';
    this.shown = [...this.items].sort((a, b) => (ascending ? 1 : -1) * ((a.score ?? 0) - (b.score ?? 0))).slice(0, TOP);
    if (this.shown.length === 0) {
      $('alerts').replaceChildren(h('li', { class: 'hint' }, t('alerts.none')));
      return;
    }
    $('alerts').replaceChildren(...this.shown.map((alert, index) => h('li', { 'data-index': index, onclick: () => this.onSelect(alert) },
      h('span', { class: `badge ${alert.level}` }, `${term('level', alert.level)} ${alert.score?.toFixed(3) ?? ''}`), ' ',
      h('span', { title: alert.uscc }, alert.name), ' → ', h('span', { title: alert.target.uscc }, alert.target.name),
      h('div', { class: 'hint' }, `${regionShort(alert.region)} · ${industryName(alert.industry)} → ${regionShort(alert.target.region)} · ${industryName(alert.target.industry)}`))));
  }
}

/** The panel for one alert: who reaches whom, why the target is risky (class and decisive rule), what it crosses. */
export function alertPanel(alert, targetCredit) {
  const names = (codes, name) => (codes ?? []).map((c) => `${name(c)} (${c})`).join(' → ');
  const rule = targetCredit?.credit_class?.decisive_rule;
  return [
    h('h2', { id: 'panel-title' }, t('alert.title')),
    h('p', {}, t('alert.reaches', { from: alert.name, fi: industryName(alert.industry), fr: regionName(alert.region), to: alert.target.name,
      ti: industryName(alert.target.industry), tr: regionName(alert.target.region) })),
    h('p', {}, h('span', { class: `badge ${alert.level}` }, term('level', alert.level)), ` ${t('score')} ${alert.score?.toFixed(3) ?? '—'}`),
    h('p', { id: 'alert-why' }, h('span', { class: `badge ${alert.target.colour}` }, term('class', alert.target.credit_class)), ' ',
      t('alert.why', { cls: term('class', alert.target.credit_class), rule: rule?.description ?? '' })),
    rule?.basis ? h('p', { class: 'hint' }, rule.basis) : '',
    h('p', { id: 'path-crossings', 'data-industries': (alert.crossed_industries ?? []).join(','), 'data-regions': (alert.crossed_regions ?? []).join(',') },
      t('alert.crosses', { ind: names(alert.crossed_industries, industryName), reg: names(alert.crossed_regions, regionName) })),
    h('h4', {}, t('alert.path')),
    h('ol', { id: 'alert-path' }, alert.path.nodes.map((n, i) => h('li', {}, n.label, n.industry ? ` · ${industryName(n.industry)} · ${regionShort(n.region)}` : ` (${t('legend.person')})`,
      i < alert.path.edges.length ? h('span', { class: 'hint' }, ` — ${term('rel', alert.path.edges[i].type)} →`) : ''))),
  ];
}
