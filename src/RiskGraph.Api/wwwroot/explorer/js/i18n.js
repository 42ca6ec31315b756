// The explorer's words in Chinese (the default) and English. One dictionary per language with the same keys; other
// explorer files add their own keys with extend() so their words live beside their code and merge without conflicts.
const LANGUAGE_KEY = 'riskgraph.language';
export const LANGUAGES = ['zh-CN', 'en'];

const zh = {
  'app.title': 'RiskGraph 关联网络分析', 'lang.switch': 'English', 'lang.name': '中文',
  'key.placeholder': 'API 密钥 (rgk_…)', 'key.use': '使用密钥', 'key.set': '本标签页已设置密钥', 'key.none': '无密钥:请输入 API 密钥',
  'key.missing': '缺少 API 密钥:请在上方输入。', 'key.refused': 'API 密钥被拒绝:', 'key.role': '您的密钥角色无权执行此操作:',
  'key.rate': '请求过多:请稍候再试。', 'purpose': '查询目的',
  'search.placeholder': '统一社会信用代码或名称的一部分', 'search.go': '搜索', 'search.found': '共 {n} 家', 'search.matches': '{n} 家企业匹配"{q}"',
  'colour.by': '着色依据', 'colour.class': '信用等级', 'colour.level': '预警等级', 'depth': '深度', 'max_nodes': '节点上限', 'reload': '重新加载',
  'layout': '布局', 'layout.fcose': '力导向 (fcose)', 'layout.layered': '分层 (股权/供应链)', 'group.by': '分组', 'group.none': '不分组',
  'group.community': '按社区', 'group.collapse': '全部折叠', 'group.expand': '全部展开', 'group.label': '社区 {c}({n} 个节点)',
  'export': '导出', 'export.png': 'PNG 图片', 'export.json': 'JSON', 'export.csv': 'CSV', 'export.xlsx': 'Excel',
  'copy.link': '复制链接', 'copy.done': '链接已复制', 'back': '后退',
  'results': '搜索结果', 'alerts': '跨界风险预警', 'alerts.cross_industry': '跨行业', 'alerts.cross_region': '跨区域',
  'alerts.none': '没有预警', 'alerts.need_key': '请输入 API 密钥以查看预警', 'alerts.unavailable': '预警不可用:', 'alerts.sort': '按分数排序',
  'alerts.sort.desc': '分数从高到低', 'alerts.sort.asc': '分数从低到高', 'alerts.export': '导出预警',
  'filters': '筛选', 'relations': '关系类型', 'industry': '行业', 'region': '地区', 'all': '全部',
  'legend': '图例', 'legend.shapes': '节点形状', 'legend.enterprise': '企业(大小 = 预警分数)', 'legend.person': '自然人',
  'legend.centre': '中心企业', 'legend.omitted': '虚线边框:有邻居因节点上限未显示', 'legend.edges': '关系', 'legend.group': '分组(社区)',
  'status.loading': '正在加载网络…', 'status.counts': '屏幕上 {nodes} 个节点、{edges} 条关系',
  'status.omitted': ' · {n} 个邻居因节点上限未显示(虚线边框)', 'status.hidden': ' · 筛选隐藏 {n} 个', 'status.shown': ' · 用时 {ms} 毫秒',
  'status.expanded': '已展开 {label}:新增 {n} 个', 'status.path': '路径 {from} → {to} 跨越 {crossed}',
  'panel.hint': '搜索企业,然后点击节点。', 'panel.loading': '正在加载…', 'uscc': '统一社会信用代码', 'person.key': '自然人标识(密钥哈希)',
  'person.note': '身份证号码从不显示', 'note': '说明',
  'warning': '风险预警', 'score': '分数', 'level': '等级', 'model': '模型', 'as_of': '数据截至',
  'explain.sentence': '{name}的预警分数为 {score}({level}),即未来 12 个月内进入严重失信名单或违约的概率约为 {pct}。{raise}{lower}',
  'explain.raise': '推高风险最多的是{list}。', 'explain.lower': '降低风险最多的是{list}。', 'explain.none': '没有因素明显推动分数。',
  'explain.factor': '因素', 'explain.value': '取值', 'explain.median': '行业中位数', 'explain.share': '占变动比例',
  'explain.direction': '方向', 'raises': '推高', 'lowers': '降低', 'explain.raises': '推高风险的因素', 'explain.lowers': '降低风险的因素',
  'explain.peers': '与 {n} 家同行业({industry})企业比较', 'explain.above': '高于', 'explain.below': '低于', 'explain.same': '等于',
  'exposure': '风险敞口', 'exposure.sentence': '{hops} 跳之内可达 {reached} 家企业,其中 {risky} 家有负面记录。',
  'exposure.hop': '跳数', 'exposure.risky': '负面企业', 'exposure.by_type': '按首个关系类型',
  'community': '所属社区', 'community.sentence': '社区 {c} 共 {n} 家企业,其中 {neg} 家({share})有负面记录。',
  'community.riskiest': '风险最高的成员', 'community.industries': '主要行业', 'community.regions': '主要地区',
  'credit': '信用等级', 'credit.triggered': '触发记录', 'lists': '名单记录', 'penalties': '行政处罚',
  'col.list_type': '名单', 'col.valid': '有效期', 'col.department': '认定部门', 'col.legal_basis': '依据', 'col.status': '状态',
  'col.kind': '处罚种类', 'col.amount': '金额(元)', 'col.decision_date': '决定日期', 'col.record': '记录编号', 'open_ended': '长期',
  'controllers': '实际控制人', 'controllers.none': '无持股超过 25% 的控制人', 'col.holder': '持有人', 'col.share': '穿透持股', 'col.role': '角色',
  'role.controller': '实际控制人', 'role.beneficial_owner': '受益所有人',
  'alert.title': '跨界预警路径', 'alert.reaches': '{from}({fi},{fr})通过关联到达 {to}({ti},{tr})',
  'alert.why': '目标风险原因:{cls} — {rule}', 'alert.crosses': '跨越:行业 {ind};地区 {reg}', 'alert.path': '路径',
  'tooltip.amount': '金额', 'tooltip.share': '持股', 'yes': '是', 'no': '否', 'unknown': '未知', 'years': '年', 'yuan': '元',
  'enterprises': '家', 'times_average': '倍于平均', 'of_class': '',
  'rel.SHAREHOLDER_OF': '股东', 'rel.EXECUTIVE_OF': '高管任职', 'rel.LEGAL_REPRESENTATIVE_OF': '法定代表人', 'rel.SUPPLIES_TO': '供应',
  'rel.GUARANTEES': '担保',
  'class.good': '良好', 'class.warning': '警示', 'class.dishonest': '失信', 'class.seriously_dishonest': '严重失信',
  'level.low': '低', 'level.medium': '中', 'level.high': '高', 'level.critical': '极高',
  'list.abnormal_operation': '经营异常名录', 'list.serious_violation': '严重违法企业名单', 'list.serious_dishonesty': '严重失信主体名单',
  'list.dishonest_judgment_debtor': '失信被执行人', 'list.red_list': '诚信示范企业(红名单)',
  'penalty.warning': '警告', 'penalty.fine': '罚款', 'penalty.confiscation': '没收违法所得', 'penalty.suspension': '责令停产停业',
  'penalty.licence_revoked': '吊销许可证或执照',
  'status.active': '有效', 'status.contested': '异议中', 'status.corrected': '已更正', 'status.repaired': '已修复', 'status.revoked': '已撤销',
  'status.expired': '已过期',
  'purpose.supervision': '监管', 'purpose.credit_check': '信用核查', 'purpose.loan_review': '贷款审查', 'purpose.research': '研究',
};

const en = {
  'app.title': 'RiskGraph association network explorer', 'lang.switch': '中文', 'lang.name': 'English',
  'key.placeholder': 'API key (rgk_…)', 'key.use': 'Use key', 'key.set': 'key set for this tab', 'key.none': 'no key: enter your API key',
  'key.missing': 'API key missing: enter your key above.', 'key.refused': 'API key refused: ', 'key.role': "Your key's role may not do this: ",
  'key.rate': 'Too many requests for your key: wait a moment and try again.', 'purpose': 'Purpose of the queries',
  'search.placeholder': 'USCC or part of a name', 'search.go': 'Search', 'search.found': '{n} found', 'search.matches': '{n} enterprises match "{q}"',
  'colour.by': 'Colour by', 'colour.class': 'credit class', 'colour.level': 'warning level', 'depth': 'Depth', 'max_nodes': 'Node cap', 'reload': 'Reload',
  'layout': 'Layout', 'layout.fcose': 'force-directed (fcose)', 'layout.layered': 'layered (ownership, supply)', 'group.by': 'Group',
  'group.none': 'no groups', 'group.community': 'by community', 'group.collapse': 'collapse all', 'group.expand': 'expand all',
  'group.label': 'community {c} ({n} nodes)',
  'export': 'Export', 'export.png': 'PNG', 'export.json': 'JSON', 'export.csv': 'CSV', 'export.xlsx': 'Excel',
  'copy.link': 'Copy link', 'copy.done': 'link copied', 'back': 'Back',
  'results': 'Results', 'alerts': 'Cross-boundary alerts', 'alerts.cross_industry': 'cross-industry', 'alerts.cross_region': 'cross-region',
  'alerts.none': 'no alerts', 'alerts.need_key': 'enter your API key to see alerts', 'alerts.unavailable': 'alerts unavailable: ',
  'alerts.sort': 'Sort by score', 'alerts.sort.desc': 'highest score first', 'alerts.sort.asc': 'lowest score first', 'alerts.export': 'Export alerts',
  'filters': 'Filters', 'relations': 'Relations', 'industry': 'Industry', 'region': 'Region', 'all': 'all',
  'legend': 'Legend', 'legend.shapes': 'Node shapes', 'legend.enterprise': 'enterprise (size = warning score)', 'legend.person': 'person',
  'legend.centre': 'centre enterprise', 'legend.omitted': 'dashed border: neighbours left out by the node cap', 'legend.edges': 'Relations',
  'legend.group': 'group (community)',
  'status.loading': 'loading network…', 'status.counts': '{nodes} nodes, {edges} edges on screen',
  'status.omitted': ' · {n} neighbours left out by the node caps (dashed borders)', 'status.hidden': ' · {n} hidden by filters',
  'status.shown': ' · shown in {ms} ms', 'status.expanded': 'expanded {label}: {n} new', 'status.path': 'path {from} → {to} crosses {crossed}',
  'panel.hint': 'Search for an enterprise, then click a node.', 'panel.loading': 'loading…', 'uscc': 'USCC', 'person.key': 'person key (keyed hash)',
  'person.note': 'ID numbers are never shown', 'note': 'note',
  'warning': 'Warning', 'score': 'score', 'level': 'level', 'model': 'model', 'as_of': 'as of',
  'explain.sentence': '{name} has a warning score of {score} ({level}): a probability of about {pct} of entering the serious-dishonesty list or defaulting within 12 months. {raise}{lower}',
  'explain.raise': 'It is raised most by {list}. ', 'explain.lower': 'It is lowered most by {list}.', 'explain.none': 'No factor moves the score noticeably.',
  'explain.factor': 'factor', 'explain.value': 'value', 'explain.median': 'industry median', 'explain.share': 'share of movement',
  'explain.direction': 'direction', 'raises': 'raises', 'lowers': 'lowers', 'explain.raises': 'What raises the risk', 'explain.lowers': 'What lowers the risk',
  'explain.peers': 'against {n} enterprises of its industry ({industry})', 'explain.above': 'above', 'explain.below': 'below', 'explain.same': 'equal to',
  'exposure': 'Exposure', 'exposure.sentence': '{reached} enterprises within {hops} hops, {risky} of them with a negative record.',
  'exposure.hop': 'hop', 'exposure.risky': 'negative enterprises', 'exposure.by_type': 'by first relation',
  'community': 'Community', 'community.sentence': 'Community {c}: {n} enterprises, {neg} ({share}) with a negative record.',
  'community.riskiest': 'riskiest members', 'community.industries': 'main industries', 'community.regions': 'main regions',
  'credit': 'Credit class', 'credit.triggered': 'triggered by', 'lists': 'List entries', 'penalties': 'Administrative penalties',
  'col.list_type': 'list', 'col.valid': 'valid', 'col.department': 'department', 'col.legal_basis': 'legal basis', 'col.status': 'status',
  'col.kind': 'kind', 'col.amount': 'amount (CNY)', 'col.decision_date': 'decided', 'col.record': 'record', 'open_ended': 'open',
  'controllers': 'Ultimate controllers', 'controllers.none': 'none above 25 %', 'col.holder': 'holder', 'col.share': 'integrated share', 'col.role': 'role',
  'role.controller': 'ultimate controller', 'role.beneficial_owner': 'beneficial owner',
  'alert.title': 'Cross-boundary warning path', 'alert.reaches': '{from} ({fi}, {fr}) reaches {to} ({ti}, {tr})',
  'alert.why': 'Why the target is risky: {cls} — {rule}', 'alert.crosses': 'crosses: industries {ind}; regions {reg}', 'alert.path': 'path',
  'tooltip.amount': 'amount', 'tooltip.share': 'share', 'yes': 'yes', 'no': 'no', 'unknown': 'unknown', 'years': 'years', 'yuan': 'CNY',
  'enterprises': 'enterprises', 'times_average': '× average', 'of_class': '',
  'rel.SHAREHOLDER_OF': 'shareholder of', 'rel.EXECUTIVE_OF': 'executive of', 'rel.LEGAL_REPRESENTATIVE_OF': 'legal representative of',
  'rel.SUPPLIES_TO': 'supplies to', 'rel.GUARANTEES': 'guarantees',
  'class.good': 'good', 'class.warning': 'warning', 'class.dishonest': 'dishonest', 'class.seriously_dishonest': 'seriously dishonest',
  'level.low': 'low', 'level.medium': 'medium', 'level.high': 'high', 'level.critical': 'critical',
  'list.abnormal_operation': 'abnormal operation', 'list.serious_violation': 'serious violation', 'list.serious_dishonesty': 'serious dishonesty (black list)',
  'list.dishonest_judgment_debtor': 'dishonest judgment debtor', 'list.red_list': 'red list (integrity)',
  'penalty.warning': 'warning', 'penalty.fine': 'fine', 'penalty.confiscation': 'confiscation', 'penalty.suspension': 'suspension of business',
  'penalty.licence_revoked': 'licence revoked',
  'status.active': 'in force', 'status.contested': 'contested', 'status.corrected': 'corrected', 'status.repaired': 'repaired', 'status.revoked': 'revoked',
  'status.expired': 'expired',
  'purpose.supervision': 'supervision', 'purpose.credit_check': 'credit check', 'purpose.loan_review': 'loan review', 'purpose.research': 'research',
};

const dictionaries = { 'zh-CN': zh, en };

/** Adds keys for both languages (used by the feature names and by other explorer files). */
export function extend(words) {
  for (const language of LANGUAGES) Object.assign(dictionaries[language], words[language] ?? {});
}

export function language() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.includes(saved) ? saved : 'zh-CN';
}

export function setLanguage(value) {
  localStorage.setItem(LANGUAGE_KEY, value);
}

/** The word for a key in the current language, with {placeholders} filled; an unknown key shows itself. */
export function t(key, values = {}) {
  const text = dictionaries[language()][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** A word for a value of an enum-like vocabulary ('rel', 'class', 'level', …); the raw value when none is known. */
export function term(prefix, value) {
  if (value == null) return '';
  const key = `${prefix}.${value}`;
  return dictionaries[language()][key] ?? dictionaries.en[key] ?? String(value);
}

/** Fills every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-title from the dictionary. */
export function translatePage(root = document) {
  document.documentElement.lang = language();
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
}
