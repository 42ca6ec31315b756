// The warning explained as an analyst reads it: one sentence, then what raises and what lowers the risk, each
// factor by its human name with its value in units, its share of the movement and its industry's median.
import { h, table } from './dom.js';
import { featureName, formatValue, percent } from './features.js';
import { language, t, term } from './i18n.js';
import { industryName } from './reference.js';

const TOP = 6;

/**
 * The factors to show: the warning's own reasons when they say their direction (the model-quality work adds
 * `direction`), else the explanation route's full attribution (both signs), else the warning's reasons by sign.
 */
export function factorsOf(warning, explanation) {
  const reasons = warning?.reasons ?? [];
  let factors;
  if (reasons.some((r) => r.direction)) factors = reasons.map((r) => ({ ...r }));
  else if (explanation?.factors?.length) factors = explanation.factors.map((f) => ({ ...f }));
  else factors = reasons.map((r) => ({ ...r }));
  const medians = new Map((explanation?.factors ?? []).map((f) => [f.feature, f.industry_median]));
  const movement = factors.reduce((sum, f) => sum + Math.abs(f.contribution ?? 0), 0);
  for (const f of factors) {
    f.direction = f.direction ?? ((f.contribution ?? 0) >= 0 ? 'raises' : 'lowers');
    f.share_of_movement = f.share_of_movement ?? (movement > 0 ? Math.abs(f.contribution) / movement : 0);
    f.industry_median = f.industry_median ?? medians.get(f.feature);
  }
  const byWeight = (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution);
  return { raises: factors.filter((f) => f.direction === 'raises').sort(byWeight), lowers: factors.filter((f) => f.direction === 'lowers').sort(byWeight) };
}

function comparison(f) {
  if (f.industry_median == null) return '';
  const word = f.value > f.industry_median ? t('explain.above') : f.value < f.industry_median ? t('explain.below') : t('explain.same');
  return `${formatValue(f.feature, f.industry_median)} (${word})`;
}

function factorTable(id, factors) {
  return table(id, [t('explain.factor'), t('explain.value'), t('explain.median'), t('explain.share')],
    factors.slice(0, TOP).map((f) => [h('span', { title: `${f.feature}: ${f.description ?? ''}` }, featureName(f.feature)),
      formatValue(f.feature, f.value), comparison(f), percent(f.share_of_movement)]), 'factors');
}

export function explanationSection(name, warning, explanation) {
  const { raises, lowers } = factorsOf(warning, explanation);
  const names = (list) => list.slice(0, 3).map((f) => `${featureName(f.feature)}(${formatValue(f.feature, f.value)})`).join(language() === 'zh-CN' ? '、' : ', ');
  const raise = raises.length ? t('explain.raise', { list: names(raises) }) : '';
  const lower = lowers.length ? t('explain.lower', { list: names(lowers) }) : '';
  const sentence = t('explain.sentence', { name, score: warning.score.toFixed(3), level: term('level', warning.level), pct: percent(warning.score),
    raise, lower }) + (raise || lower ? '' : t('explain.none'));
  const parts = [h('p', { id: 'panel-warning' }, h('span', { class: `badge ${warning.level}` }, term('level', warning.level)),
    ` ${t('score')} ${warning.score.toFixed(3)} · ${t('model')} ${warning.model_version} · ${t('as_of')} ${warning.as_of}`),
  h('p', { id: 'panel-sentence', class: 'sentence' }, sentence)];
  if (explanation) parts.push(h('p', { class: 'hint' }, t('explain.peers', { n: explanation.peers, industry: industryName(explanation.industry) })));
  parts.push(h('h4', {}, t('explain.raises')), factorTable('panel-reasons', raises));
  parts.push(h('h4', {}, t('explain.lowers')), factorTable('panel-lowers', lowers));
  return parts;
}
