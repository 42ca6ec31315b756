// The model's features as an analyst reads them: a human name in both languages and a unit that turns the stored
// value (often a log or a 0/1 flag) back into counts, CNY, years, shares or a class.
import { extend, language, t, term } from './i18n.js';

// name: [Chinese, English, unit]. Units: count, flag, cny_log (log10(1 + CNY)), years, share, ratio, class, size_log
// (log10 of a size), size_log1 (log10(1 + size)), score.
const FEATURES = {
  penalty_warning_count: ['警告处罚次数', 'warning penalties', 'count'],
  penalty_fine_count: ['罚款处罚次数', 'fines', 'count'],
  penalty_confiscation_count: ['没收处罚次数', 'confiscations', 'count'],
  penalty_suspension_count: ['责令停产停业次数', 'suspensions of business', 'count'],
  penalty_licence_revoked_count: ['吊销许可证照次数', 'licence revocations', 'count'],
  fine_total_log10: ['罚没金额合计', 'fines and confiscations in total', 'cny_log'],
  on_abnormal_operation_list: ['列入经营异常名录', 'on the abnormal-operation list', 'flag'],
  on_serious_violation_list: ['列入严重违法企业名单', 'on the serious-violation list', 'flag'],
  on_serious_dishonesty_list: ['列入严重失信主体名单', 'on the serious-dishonesty list', 'flag'],
  on_dishonest_judgment_debtor_list: ['失信被执行人', 'a dishonest judgment debtor', 'flag'],
  on_red_list: ['列入红名单', 'on the red list', 'flag'],
  age_years: ['成立年限', 'age', 'years'],
  registered_capital_log10: ['注册资本', 'registered capital', 'cny_log'],
  not_in_business: ['停业、吊销或注销', 'suspended, revoked or cancelled', 'flag'],
  penalties_last_12_months: ['近 12 个月处罚次数', 'penalties in the last 12 months', 'count'],
  credit_class: ['信用等级', 'credit class', 'class'],
  executive_count: ['高管人数', 'executives', 'count'],
  shareholder_count: ['股东数', 'shareholders', 'count'],
  holding_count: ['对外持股企业数', 'enterprises it holds shares in', 'count'],
  supplier_count: ['供应商数', 'suppliers', 'count'],
  buyer_count: ['客户数', 'buyers', 'count'],
  guarantor_count: ['为其担保的企业数', 'enterprises guaranteeing it', 'count'],
  guaranteed_count: ['其担保的企业数', 'enterprises it guarantees', 'count'],
  person_linked_enterprises: ['通过共同人员关联的企业数', 'enterprises linked through a shared person', 'count'],
  pagerank_scaled: ['网络中心性 (PageRank)', 'network centrality (PageRank)', 'ratio'],
  component_size_log10: ['所在连通网络规模', 'size of its connected network', 'size_log'],
  negative_neighbours_1hop: ['直接关联的负面企业数', 'directly related negative enterprises', 'count'],
  negative_neighbours_1hop_share: ['直接关联企业中负面比例', 'share of directly related enterprises that are negative', 'share'],
  negative_neighbours_2hop: ['两跳内负面企业数', 'negative enterprises within 2 hops', 'count'],
  negative_neighbours_2hop_share: ['两跳内负面比例', 'share of negative enterprises within 2 hops', 'share'],
  negative_industries_2hop: ['两跳内负面企业所在其他行业数', 'other industries among negative enterprises within 2 hops', 'count'],
  negative_regions_2hop: ['两跳内负面企业所在其他地区数', 'other regions among negative enterprises within 2 hops', 'count'],
  negative_cross_industry_2hop: ['两跳内跨行业负面企业数', 'negative enterprises within 2 hops in another industry', 'count'],
  negative_cross_region_2hop: ['两跳内跨地区负面企业数', 'negative enterprises within 2 hops in another region', 'count'],
  negative_suppliers: ['负面供应商数', 'negative suppliers', 'count'],
  negative_buyers: ['负面客户数', 'negative buyers', 'count'],
  negative_guarantee_partners: ['负面担保关联方数', 'negative guarantee partners', 'count'],
  negative_shareholding_partners: ['负面股权关联方数', 'negative shareholding partners', 'count'],
  negative_person_linked: ['通过共同人员关联的负面企业数', 'negative enterprises sharing a person', 'count'],
  community_negative_share: ['所属社区负面比例', 'negative share of its community', 'share'],
  community_size_log10: ['所属社区规模', 'size of its community', 'size_log1'],
  risk_contagion: ['风险传染强度', 'risk contagion', 'ratio'],
  ownership_siblings_negative: ['同一股东其他持股中的负面企业数', 'negative enterprises among its shareholders\u2019 other holdings', 'count'],
  cross_industry_risky_3hop: ['三跳内跨行业风险企业数', 'risky enterprises within 3 hops in another industry', 'count'],
  cross_region_risky_3hop: ['三跳内跨地区风险企业数', 'risky enterprises within 3 hops in another region', 'count'],
  supply_upstream_risk: ['来自上游供应链的风险', 'risk from the upstream supply chain', 'score'],
  supply_downstream_risk: ['来自下游供应链的风险', 'risk from the downstream supply chain', 'score'],
  guarantee_circle_member: ['身处担保圈', 'in a guarantee circle', 'flag'],
  guarantee_circle_size_log10: ['所在担保圈规模', 'size of its guarantee circle', 'size_log1'],
  guarantee_circle_risk: ['所在担保圈的传染风险', 'contagion risk of its guarantee circle', 'score'],
  guarantee_mutual_partners: ['互保企业数', 'mutual guarantee partners', 'count'],
  guarantee_triangles: ['所在担保三角数', 'guarantee triangles it is part of', 'count'],
  group_size_log10: ['所属系族规模', 'size of its conglomerate', 'size_log1'],
  group_negative_share: ['所属系族负面比例', 'negative share of its conglomerate', 'share'],
};
const CLASSES = ['good', 'warning', 'dishonest', 'seriously_dishonest'];

extend({
  'zh-CN': Object.fromEntries(Object.entries(FEATURES).map(([k, v]) => [`feature.${k}`, v[0]])),
  en: Object.fromEntries(Object.entries(FEATURES).map(([k, v]) => [`feature.${k}`, v[1]])),
});

export const featureName = (feature) => term('feature', feature);
export const unitOf = (feature) => FEATURES[feature]?.[2] ?? 'number';

const locale = () => (language() === 'zh-CN' ? 'zh-CN' : 'en-GB');
const number = (value, digits = 0) => value.toLocaleString(locale(), { maximumFractionDigits: digits });

/** Formats an amount of yuan: 万/亿 in Chinese, thousands separators in English. */
export function cny(yuan) {
  if (yuan == null || Number.isNaN(yuan)) return '';
  if (language() === 'zh-CN') {
    if (Math.abs(yuan) >= 1e8) return `${number(yuan / 1e8, 2)} 亿元`;
    if (Math.abs(yuan) >= 1e4) return `${number(yuan / 1e4, 1)} 万元`;
    return `${number(yuan, 0)} 元`;
  }
  return `CNY ${number(yuan, 0)}`;
}

export const percent = (share, digits = 1) => `${number(share * 100, digits)}%`;

/** A feature's stored value in its unit. */
export function formatValue(feature, value) {
  if (value == null || Number.isNaN(value)) return '';
  switch (unitOf(feature)) {
    case 'count': return number(value, 0);
    case 'flag': return value >= 0.5 ? t('yes') : t('no');
    case 'cny_log': return cny(Math.max(0, 10 ** value - 1));
    case 'years': return value < 0 ? t('unknown') : `${number(value, 1)} ${t('years')}`;
    case 'share': return percent(value);
    case 'ratio': return `${number(value, 2)} ${t('times_average')}`;
    case 'class': return term('class', CLASSES[Math.round(value)] ?? value);
    case 'size_log': return `${number(10 ** value, 0)}`;
    case 'size_log1': return `${number(Math.max(0, 10 ** value - 1), 0)} ${t('enterprises')}`;
    default: return number(value, 3);
  }
}
