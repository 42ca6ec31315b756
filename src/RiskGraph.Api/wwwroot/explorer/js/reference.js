// Industry (GB/T 4754-2017 divisions) and region (GB/T 2260 codes) names from the data files committed with the
// explorer (data/industries.json, data/regions.json): shown by name, with the code on hover.
import { language } from './i18n.js';
import { h } from './dom.js';

let industries = { sections: {}, divisions: {} };
let regions = { provinces: {}, prefectures: {}, counties: {} };

export async function loadReference() {
  const [i, r] = await Promise.all([fetch('data/industries.json'), fetch('data/regions.json')]);
  industries = await i.json();
  regions = await r.json();
}

const pick = (entry) => (entry ? (language() === 'zh-CN' ? entry.zh : entry.en) : null);

/** 'C36' → '汽车制造业': by the two-digit division, whatever section letter the data puts before it. */
export function industryName(code) {
  if (!code) return '';
  const division = String(code).replace(/^[A-Z]/, '');
  return pick(industries.divisions[division]) ?? code;
}

/** The section of an industry code, e.g. 'C36' → '制造业'. */
export function industrySection(code) {
  const division = industries.divisions[String(code ?? '').replace(/^[A-Z]/, '')];
  return division ? pick(industries.sections[division.section]) : '';
}

/** '330782' → '浙江省 金华市 义乌市': province, prefecture and county as far as the data file names them. */
export function regionName(code) {
  if (!code) return '';
  const text = String(code);
  const province = pick(regions.provinces[text.slice(0, 2)]);
  const prefecture = pick(regions.prefectures[text.slice(0, 4)]);
  const county = pick(regions.counties[text]);
  const parts = [province, prefecture, county].filter(Boolean).filter((p, i, all) => all.indexOf(p) === i);
  if (parts.length === 0) return text;
  // Municipalities' "urban districts" prefecture adds nothing for a reader.
  return parts.filter((p) => !['市辖区', '县'].includes(p) && !/urban districts|counties$/.test(p)).join(language() === 'zh-CN' ? ' ' : ', ');
}

/** A short region name for lists: the county (or prefecture) alone. */
export function regionShort(code) {
  const text = String(code ?? '');
  return pick(regions.counties[text]) ?? pick(regions.prefectures[text.slice(0, 4)]) ?? pick(regions.provinces[text.slice(0, 2)]) ?? text;
}

/** A span showing the name with the code on hover. */
export const industryLabel = (code) => h('span', { class: 'coded', title: code ?? '' }, industryName(code));
export const regionLabel = (code) => h('span', { class: 'coded', title: code ?? '' }, regionName(code));

/** Every division by section, for drop-downs that list all industries (not only those on screen). */
export function industryTree() {
  return Object.entries(industries.sections).map(([section, entry]) => ({ code: section, name: pick(entry),
    divisions: Object.entries(industries.divisions).filter(([, d]) => d.section === section).map(([code, d]) => ({ code, name: pick(d) })) }));
}

/** Provinces with their prefectures and the named counties, for region drop-downs (values are code prefixes). */
export function regionTree() {
  return Object.entries(regions.provinces).map(([code, entry]) => ({ code, name: pick(entry),
    prefectures: Object.entries(regions.prefectures).filter(([p]) => p.startsWith(code)).map(([p, e]) => ({ code: p, name: pick(e),
      counties: Object.entries(regions.counties).filter(([c]) => c.startsWith(p)).map(([c, ce]) => ({ code: c, name: pick(ce) })) })) }));
}
