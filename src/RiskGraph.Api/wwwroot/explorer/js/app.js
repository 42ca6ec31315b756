// Wires the explorer together: search, open a network, expand by clicking, side panel, alerts, filters, deep links,
// exports. Words come from i18n.js; each feature lives in its own file.
import { api, credentials, PURPOSES } from './api.js';
import { AlertList, alertPanel } from './alerts.js';
import { $, h } from './dom.js';
import { alertSheet, exportCsv, exportJson, exportPng, exportXlsx, networkSheets, stamp, summarySheet } from './exports.js';
import { NetworkGraph, RELATION_TYPES, edgeId } from './graph.js';
import { Groups } from './groups.js';
import { language, setLanguage, t, term, translatePage } from './i18n.js';
import { renderLegend } from './legend.js';
import { copyLink, onViewChange, readView, recordView } from './links.js';
import { lastShown, showEnterprise, showPerson } from './panel.js';
import { industryName, loadReference } from './reference.js';
import { attachTooltip } from './tooltip.js';
import { fillFilterSelects } from './selects.js';
import { installPatterns } from './patterns.js';

const EXPAND_CAP = 100;
const state = { relations: new Set(RELATION_TYPES), industry: '', region: '', query: '', page: 1, results: [], view: readView(), centre: null };
const graph = new NetworkGraph($('graph'), onNodeTap);
const groups = new Groups(graph);
const alerts = new AlertList(showAlert);
attachTooltip(graph.cy, $('graph'));

function status(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function describe() {
  const c = graph.counts();
  return t('status.counts', { nodes: c.visibleNodes, edges: c.visibleEdges }) + (c.hidden > 0 ? t('status.hidden', { n: c.hidden }) : '')
    + (c.omitted > 0 ? t('status.omitted', { n: c.omitted }) : '');
}

async function search(query, page = 1) {
  state.query = query;
  state.page = page;
  try {
    const result = await api.search(query, page);
    state.results = result.items;
    $('results').replaceChildren(...result.items.map((item) => h('li', { 'data-uscc': item.uscc, onclick: () => openNetwork(item.uscc) },
      h('span', { class: `badge ${item.colour}` }, term('class', item.credit_class)), ' ', item.name,
      h('span', { class: 'hint', title: item.industry }, ` ${industryName(item.industry)}`))));
    const pages = Math.ceil(result.total / result.page_size);
    $('results-pager').replaceChildren(t('search.found', { n: result.total }),
      page > 1 ? h('button', { onclick: () => search(query, page - 1) }, '‹') : '',
      page < pages ? h('button', { onclick: () => search(query, page + 1) }, '›') : '');
    status(t('search.matches', { n: result.total, q: query }));
  } catch (error) {
    status(error.message, true);
  }
}

/** Opens the network around an enterprise with the toolbar's depth and cap; a new history entry unless told otherwise. */
async function openNetwork(uscc, depth = Number($('depth').value), maxNodes = Number($('max-nodes').value), record = true) {
  const view = { uscc, depth, max_nodes: maxNodes, colour: graph.colourBy };
  if (record) recordView(view);
  state.view = view;
  $('depth').value = String(depth);
  ensureOption($('max-nodes'), maxNodes);
  try {
    status(t('status.loading'));
    window.explorer.lastRenderMs = null;
    const started = performance.now();
    const network = await api.network(uscc, depth, maxNodes);
    groups.ungroup();
    graph.clear();
    graph.merge(network);
    graph.markCentre(uscc);
    state.centre = network.nodes.find((n) => n.id === uscc) ?? { id: uscc, label: uscc };
    graph.applyFilters(state);
    await graph.layout();
    if ($('group-by').value === 'community') groups.groupByCommunity();
    window.explorer.lastRenderMs = Math.round(performance.now() - started);
    status(describe() + t('status.shown', { ms: window.explorer.lastRenderMs }));
    const centre = graph.cy.getElementById(uscc);
    if (centre.nonempty()) await onNodeTap(centre.data(), false);
  } catch (error) {
    status(error.message, true);
  }
}

function ensureOption(select, value) {
  if (![...select.options].some((o) => o.value === String(value))) select.append(h('option', {}, String(value)));
  select.value = String(value);
}

async function onNodeTap(node, expand = true) {
  graph.cy.$(':selected').unselect();
  graph.cy.getElementById(node.id).select();
  if (node.kind === 'person') showPerson($('panel'), node);
  else await showEnterprise($('panel'), node);
  if (!expand) return;
  // Persons are expanded through their enterprises; the API answers networks around enterprises.
  const anchor = node.kind === 'enterprise' ? node.id : graph.cy.getElementById(node.id).neighborhood('node[kind = "enterprise"]').first().id();
  if (!anchor) return;
  try {
    const network = await api.network(anchor, 1, EXPAND_CAP);
    const added = graph.merge(network, anchor);
    graph.applyFilters(state);
    if (added > 0) await graph.layout();
    status(`${t('status.expanded', { label: node.label, n: added })} · ${describe()}`);
  } catch (error) {
    status(error.message, true);
  }
}

/** An alert: the source's network at the toolbar's depth and cap, the crossing path merged in and highlighted. */
async function showAlert(alert) {
  await openNetwork(alert.uscc);
  graph.merge({ center: alert.uscc, nodes: alert.path.nodes.map((n) => ({ ...n, hops: 0 })), edges: alert.path.edges, omitted_nodes: 0 });
  graph.applyFilters(state);
  const edgeIds = alert.path.edges.map((e) => edgeId({ ...e, title: graph.cy.edges(`[source = "${e.source}"][target = "${e.target}"][type = "${e.type}"]`).first().data('title') }));
  const path = graph.highlightPath(alert.path.nodes.map((n) => n.id), edgeIds);
  path.nodes().forEach((n) => { if (!n.position().x && !n.position().y) n.position(graph.cy.getElementById(alert.uscc).position()); });
  let credit = null;
  try { credit = await api.credit(alert.target.uscc); } catch { /* the panel says the class without its rule */ }
  $('panel').replaceChildren(...alertPanel(alert, credit));
  status(t('status.path', { from: alert.name, to: alert.target.name, crossed: `${(alert.crossed_industries ?? []).map(industryName).join(' → ')}` }));
  window.explorer.highlighted = alert;
}

function exportMeta() {
  const w = lastShown.warning;
  const centre = state.centre;
  return { title: centre ? `${centre.label} (${centre.id})` : 'RiskGraph', file: `riskgraph-${centre?.id ?? 'network'}`, centre: centre?.id ?? null,
    as_of: w?.as_of ?? null, model_version: w?.model_version ?? null, exported_at: stamp(),
    view: { depth: state.view.depth, max_nodes: state.view.max_nodes, colour: graph.colourBy, industry: state.industry, region: state.region,
      relations: [...state.relations].join(' ') } };
}

const guarded = (action) => async () => {
  try { await action(); } catch (error) { status(error.message, true); }
};

// The key is asked for once per tab; every refused or forbidden answer says so next to the key form.
function wireKey() {
  $('purpose-select').replaceChildren(...PURPOSES.map((p) => h('option', { value: p }, term('purpose', p))));
  $('purpose-select').value = credentials.purpose();
  const describeKey = () => { $('key-state').textContent = credentials.key() ? t('key.set') : t('key.none'); $('key-state').className = ''; };
  describeKey();
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    credentials.save($('key-input').value || credentials.key(), $('purpose-select').value);
    $('key-input').value = '';
    describeKey();
    alerts.load();
    if (state.query) search(state.query, state.page);
    if (state.view.uscc && graph.counts().nodes === 0) openNetwork(state.view.uscc, state.view.depth, state.view.max_nodes, false);
  });
  window.addEventListener('riskgraph:access', (event) => {
    $('key-state').textContent = event.detail.message;
    $('key-state').className = 'error';
  });
}

function wireToolbar() {
  $('lang-switch').addEventListener('click', () => { setLanguage(language() === 'zh-CN' ? 'en' : 'zh-CN'); location.reload(); });
  $('colour-by').addEventListener('change', (event) => {
    graph.setColourBy(event.target.value);
    renderLegend($('legend'), graph.colourBy);
    if (state.view.uscc) recordView({ ...state.view, colour: graph.colourBy }, true);
    state.view.colour = graph.colourBy;
  });
  $('reload').addEventListener('click', () => { if (state.view.uscc) openNetwork(state.view.uscc); });
  $('back').addEventListener('click', () => history.back());
  $('copy-link').addEventListener('click', async () => { await copyLink(); status(t('copy.done')); });
  $('group-by').addEventListener('change', (e) => { if (e.target.value === 'community') groups.groupByCommunity(); else groups.ungroup(); });
  $('collapse-all').addEventListener('click', () => groups.collapseAll());
  $('expand-all').addEventListener('click', () => groups.expandAll());
  $('export-png').addEventListener('click', guarded(() => exportPng(graph, exportMeta())));
  $('export-json').addEventListener('click', () => exportJson(graph, exportMeta()));
  $('export-csv').addEventListener('click', () => exportCsv(networkSheets(graph), exportMeta().file));
  $('export-xlsx').addEventListener('click', guarded(() => exportXlsx(networkSheets(graph), exportMeta())));
  const listMeta = (name) => ({ title: `RiskGraph ${name}`, file: `riskgraph-${name}`, exported_at: stamp(), view: { query: state.query } });
  $('results-csv').addEventListener('click', () => exportCsv([summarySheet('search', state.results)], 'riskgraph'));
  $('results-xlsx').addEventListener('click', guarded(() => exportXlsx([summarySheet('search', state.results)], listMeta('search'))));
  $('alerts-csv').addEventListener('click', () => exportCsv([alertSheet(alerts.shown)], 'riskgraph'));
  $('alerts-xlsx').addEventListener('click', guarded(() => exportXlsx([alertSheet(alerts.shown)], listMeta('alerts'))));
}

function wireFilters() {
  $('relation-filters').append(...RELATION_TYPES.map((type) => h('label', {},
    h('input', { type: 'checkbox', checked: '', value: type, onchange: (e) => {
      if (e.target.checked) state.relations.add(type); else state.relations.delete(type);
      graph.applyFilters(state);
      status(describe());
    } }), ` ${term('rel', type)}`)));
  fillFilterSelects();
  $('industry-filter').addEventListener('change', (e) => { state.industry = e.target.value; graph.applyFilters(state); status(describe()); });
  $('region-filter').addEventListener('change', (e) => { state.region = e.target.value; graph.applyFilters(state); status(describe()); });
  for (const id of ['alert-kind', 'alert-region', 'alert-industry']) $(id).addEventListener('change', () => alerts.load());
  $('alert-sort').addEventListener('change', () => alerts.render());
}

async function start() {
  translatePage();
  document.title = t('app.title');
  await loadReference();
  wireKey();
  wireToolbar();
  wireFilters();
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = $('search-input').value.trim();
    if (query.length >= 2) search(query);
  });
  $('colour-by').value = state.view.colour;
  graph.setColourBy(state.view.colour);
  renderLegend($('legend'), graph.colourBy);
  onViewChange((view) => {
    $('colour-by').value = view.colour;
    graph.setColourBy(view.colour);
    renderLegend($('legend'), graph.colourBy);
    if (view.uscc) openNetwork(view.uscc, view.depth, view.max_nodes, false);
  });
  // Without a key nothing can be loaded yet: the key form says so, and alerts and a linked view load once a key is given.
  if (credentials.key()) {
    alerts.load();
    if (state.view.uscc) openNetwork(state.view.uscc, state.view.depth, state.view.max_nodes, false);
  } else $('alerts').replaceChildren(h('li', { class: 'hint' }, t('alerts.need_key')));
  window.explorer.ready = true;
}

// Hooks for the browser tests and for analysts' own scripting in the console.
window.explorer = { graph, groups, alerts, openNetwork, search, onNodeTap: (id) => onNodeTap(graph.cy.getElementById(id).data()), counts: () => graph.counts(),
  overlap: (pixels) => graph.overlap(pixels), exportMeta, lastRenderMs: null, ready: false };
start();
window.explorer.patterns = installPatterns({ graph, status, panel: $('panel') });
