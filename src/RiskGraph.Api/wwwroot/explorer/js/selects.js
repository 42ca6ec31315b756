// The industry and region drop-downs: every GB/T 4754 division by section and every named region, by name with the
// code beside it, from the committed data files (not only the values on screen).
import { $, h } from './dom.js';
import { t } from './i18n.js';
import { industryTree, regionTree } from './reference.js';

function industryOptions(select) {
  select.replaceChildren(h('option', { value: '' }, t('all')), ...industryTree().map((section) => h('optgroup', { label: `${section.code} ${section.name}` },
    section.divisions.map((d) => h('option', { value: d.code, title: d.code }, `${d.name} (${d.code})`)))));
}

/** Provinces and prefectures (values are 2- and 4-digit prefixes); with counties, 6-digit codes too. */
function regionOptions(select, withCounties) {
  const options = [h('option', { value: '' }, t('all'))];
  for (const province of regionTree()) {
    options.push(h('option', { value: province.code, class: 'province' }, `${province.name} (${province.code})`));
    for (const prefecture of province.prefectures) {
      options.push(h('option', { value: prefecture.code }, `\u00a0\u00a0${prefecture.name} (${prefecture.code})`));
      if (!withCounties) continue;
      for (const county of prefecture.counties) options.push(h('option', { value: county.code }, `\u00a0\u00a0\u00a0\u00a0${county.name} (${county.code})`));
    }
  }
  select.replaceChildren(...options);
}

export function fillFilterSelects() {
  industryOptions($('industry-filter'));
  industryOptions($('alert-industry'));
  regionOptions($('region-filter'), true);
  regionOptions($('alert-region'), true);
}
