// Wires the explorer together: search, open a network, expand by clicking, side panel, alerts, filters, export.
import { api, credentials, PURPOSES } from './api.js';
import { NetworkGraph, RELATION_TYPES } from './graph.js';
import { h, showEnterprise, showPerson } from './panel.js';
import { installPatterns } from './patterns.js';

const $ = (id) => document.getElementById(id);
const EXPAND_CAP = 100;
const state = { relations: new Set(RELATION_TYPES), industry: '', region: '', query: '', page: 1 };
const graph = new NetworkGraph($('graph'), onNodeTap);

function status(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function describe() {
  const c = graph.counts();
  return `${c.nodes} nodes, ${c.edges} edges on screen` + (c.omitted > 0 ? ` · ${c.omitted} neighbours left out by the node caps (dashed borders)` : '');
}

async function search(query, page = 1) {
  state.query = query;
  state.page = page;
  try {
    const result = await api.search(query, page);
    $('results').replaceChildren(...result.items.map((item) => h('li', { 'data-uscc': item.uscc, onclick: () => openNetwork(item.uscc) },
      h('span', { class: `badge ${item.colour}` }, item.credit_class), ' ', item.name)));
    const pages = Math.ceil(result.total / result.page_size);
    $('results-pager').replaceChildren(`${result.total} found`,
      page > 1 ? h('button', { onclick: () => search(query, page - 1) }, '‹') : '',
      page < pages ? h('button', { onclick: () => search(query, page + 1) }, '›') : '');
    status(`${result.total} enterprises match "${query}"`);
  } catch (error) {
    status(error.message, true);
  }
}

async function openNetwork(uscc, depth = 2, maxNodes = 300) {
  try {
    status('loading network…');
    const started = performance.now();
    const network = await api.network(uscc, depth, maxNodes);
    graph.clear();
    graph.merge(network);
    graph.markCentre(uscc);
    fillFilterOptions();
    graph.applyFilters(state);
    await graph.layout();
    window.explorer.lastRenderMs = Math.round(performance.now() - started);
    status(`${describe()} · shown in ${window.explorer.lastRenderMs} ms`);
    const centre = graph.cy.getElementById(uscc);
    if (centre.nonempty()) await onNodeTap(centre.data(), false);
  } catch (error) {
    status(error.message, true);
  }
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
    fillFilterOptions();
    graph.applyFilters(state);
    if (added > 0) await graph.layout();
    status(`expanded ${node.label}: ${added} new · ${describe()}`);
  } catch (error) {
    status(error.message, true);
  }
}

async function loadAlerts() {
  const kind = $('alert-kind').value;
  try {
    const result = await api.alerts(kind, 20);
    $('alerts').replaceChildren(...result.items.map((alert, index) => h('li', { 'data-index': index, onclick: () => showAlert(alert) },
      `${alert.name} → ${alert.target.name} `, h('span', { class: `badge ${alert.level}` }, alert.level))));
  } catch (error) {
    $('alerts').replaceChildren(h('li', { class: 'hint' }, `alerts unavailable: ${error.message}`));
  }
}

async function showAlert(alert) {
  graph.clear();
  graph.merge({ center: alert.uscc, nodes: alert.path.nodes.map((n) => ({ ...n, hops: 0 })), edges: alert.path.edges, omitted_nodes: 0 });
  graph.markCentre(alert.uscc);
  await graph.layout();
  const edgeIds = alert.path.edges.map((e) => `${e.source}|${e.type}|${e.target}|${e.title ?? ''}`);
  graph.highlightPath(alert.path.nodes.map((n) => n.id), edgeIds);
  // Industries and regions met along the path, in order: more than one of a kind means the path crosses that boundary.
  const crossed = [`industries ${(alert.crossed_industries ?? []).join(' → ')}`, `regions ${(alert.crossed_regions ?? []).join(' → ')}`];
  status(`path ${alert.name} → ${alert.target.name} crosses ${crossed.join(', ')}`);
  $('panel').replaceChildren(h('h2', { id: 'panel-title' }, 'Cross-boundary warning path'),
    h('p', {}, `${alert.name} (${alert.industry}, ${alert.region}) reaches ${alert.target.name} (${alert.target.industry}, ${alert.target.region})`),
    h('p', { id: 'path-crossings' }, `crosses: ${crossed.join(' · ')}`),
    h('ol', {}, alert.path.nodes.map((n) => h('li', {}, `${n.label} ${n.industry ? `[${n.industry} · ${n.region}]` : '(person)'}`))));
  window.explorer.highlighted = alert;
}

function fillFilterOptions() {
  for (const [selectId, field] of [['industry-filter', 'industry'], ['region-filter', 'region']]) {
    const select = $(selectId);
    const values = [...new Set(graph.cy.nodes('[kind = "enterprise"]').map((n) => n.data(field)))].filter(Boolean).sort();
    const current = select.value;
    select.replaceChildren(h('option', { value: '' }, 'all'), ...values.map((v) => h('option', { value: v }, v)));
    select.value = values.includes(current) ? current : '';
  }
}

function download(name, blob) {
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

// The key is asked for once per tab; every refused or forbidden answer says so next to the key form.
function wireKey() {
  $('purpose-select').replaceChildren(...PURPOSES.map((p) => h('option', { value: p }, p)));
  $('purpose-select').value = credentials.purpose();
  const describeKey = () => { $('key-state').textContent = credentials.key() ? 'key set for this tab' : 'no key: enter your API key'; };
  describeKey();
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    credentials.save($('key-input').value || credentials.key(), $('purpose-select').value);
    $('key-input').value = '';
    describeKey();
    loadAlerts();
    if (state.query) search(state.query, state.page);
  });
  window.addEventListener('riskgraph:access', (event) => {
    $('key-state').textContent = event.detail.message;
    $('key-state').className = 'error';
  });
}

function wire() {
  wireKey();
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = $('search-input').value.trim();
    if (query.length >= 2) search(query);
  });
  $('colour-by').addEventListener('change', (event) => graph.setColourBy(event.target.value));
  $('alert-kind').addEventListener('change', loadAlerts);
  $('export-png').addEventListener('click', () => download('riskgraph-network.png', graph.toPng()));
  $('export-json').addEventListener('click', () =>
    download('riskgraph-network.json', new Blob([JSON.stringify(graph.toJson(), null, 2)], { type: 'application/json' })));
  $('relation-filters').append(...RELATION_TYPES.map((type) => h('label', {},
    h('input', { type: 'checkbox', checked: '', value: type, onchange: (e) => {
      if (e.target.checked) state.relations.add(type); else state.relations.delete(type);
      graph.applyFilters(state);
    } }), ` ${type}`)));
  $('industry-filter').addEventListener('change', (e) => { state.industry = e.target.value; graph.applyFilters(state); });
  $('region-filter').addEventListener('change', (e) => { state.region = e.target.value; graph.applyFilters(state); });
  $('legend').replaceChildren(h('h2', {}, 'Legend'), h('p', {}, 'circle: enterprise (size = warning score) · diamond: person · dashed border: neighbours left out'));
  // Without a key nothing can be loaded yet: the key form says so, and alerts load once a key is given.
  if (credentials.key()) loadAlerts();
  else $('alerts').replaceChildren(h('li', { class: 'hint' }, 'enter your API key to see alerts'));
}

// Hooks for the browser tests and for analysts' own scripting in the console.
window.explorer = { graph, openNetwork, search, onNodeTap: (id) => onNodeTap(graph.cy.getElementById(id).data()), counts: () => graph.counts(), lastRenderMs: null };
wire();
window.explorer.patterns = installPatterns({ graph, status, panel: $('panel') });
