// A hover tooltip over nodes and edges: relation, amount or share, names with codes.
import { h } from './dom.js';
import { cny, percent } from './features.js';
import { t, term } from './i18n.js';
import { industryName, regionName } from './reference.js';

export function attachTooltip(cy, container) {
  const tip = h('div', { id: 'tooltip', role: 'tooltip', hidden: '' });
  container.append(tip);
  const show = (event, lines) => {
    tip.replaceChildren(...lines.filter(Boolean).map((line) => h('div', {}, line)));
    const p = event.renderedPosition;
    tip.style.left = `${p.x + 12}px`;
    tip.style.top = `${p.y + 12}px`;
    tip.hidden = false;
  };
  cy.on('mouseover', 'edge', (event) => {
    const e = event.target;
    const label = (id) => cy.getElementById(id).data('label') ?? id;
    show(event, [`${label(e.data('source'))} → ${label(e.data('target'))}`, term('rel', e.data('type')),
      e.data('amount') != null ? `${t('tooltip.amount')}: ${cny(e.data('amount'))}` : null,
      e.data('share') != null ? `${t('tooltip.share')}: ${percent(e.data('share'))}` : null, e.data('title')]);
  });
  cy.on('mouseover', 'node[kind]', (event) => {
    const d = event.target.data();
    show(event, d.kind === 'person' ? [d.label, t('legend.person')] : [d.label, d.id,
      `${t('industry')}: ${industryName(d.industry)} (${d.industry})`, `${t('region')}: ${regionName(d.region)} (${d.region})`,
      d.credit_class ? `${t('credit')}: ${term('class', d.credit_class)}` : null,
      d.score != null ? `${t('score')}: ${d.score.toFixed(3)} (${term('level', d.level)})` : null]);
  });
  cy.on('mouseout', 'node, edge', () => { tip.hidden = true; });
  cy.on('viewport', () => { tip.hidden = true; });
}
