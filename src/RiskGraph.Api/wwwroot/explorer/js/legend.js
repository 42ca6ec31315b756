// The always-visible legend: class and level colours, node shapes, relation colours; built from the same constants
// as the graph's style.
import { h } from './dom.js';
import { CLASS_COLOURS, CLASS_OF_COLOUR, EDGE_COLOURS, LEVEL_COLOURS, PERSON_COLOUR } from './graph-style.js';
import { t, term } from './i18n.js';

const swatch = (colour, shape = 'dot') => h('span', { class: `swatch ${shape}`, style: `--c:${colour}` });

export function renderLegend(element, colourBy) {
  const colours = colourBy === 'level'
    ? Object.entries(LEVEL_COLOURS).map(([level, c]) => [c, term('level', level)])
    : Object.entries(CLASS_COLOURS).map(([colour, c]) => [c, term('class', CLASS_OF_COLOUR[colour])]);
  element.replaceChildren(
    h('h2', {}, t('legend')),
    h('div', { class: 'legend-group', id: 'legend-colours' }, h('strong', {}, colourBy === 'level' ? t('colour.level') : t('colour.class')),
      colours.map(([c, label]) => h('span', { class: 'legend-item' }, swatch(c), label))),
    h('div', { class: 'legend-group' }, h('strong', {}, t('legend.shapes')),
      h('span', { class: 'legend-item' }, swatch('#a0a6b4'), t('legend.enterprise')),
      h('span', { class: 'legend-item' }, swatch(PERSON_COLOUR, 'diamond'), t('legend.person')),
      h('span', { class: 'legend-item' }, swatch('#ffffff', 'centre'), t('legend.centre')),
      h('span', { class: 'legend-item' }, swatch('#ffffff', 'dashed'), t('legend.omitted')),
      h('span', { class: 'legend-item' }, swatch('#eef1f8', 'group'), t('legend.group'))),
    h('div', { class: 'legend-group', id: 'legend-edges' }, h('strong', {}, t('legend.edges')),
      Object.entries(EDGE_COLOURS).map(([type, c]) => h('span', { class: 'legend-item' }, swatch(c, 'line'), term('rel', type)))));
}
