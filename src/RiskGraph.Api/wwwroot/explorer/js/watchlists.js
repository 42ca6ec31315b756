// The "Watch lists" panel (issue #20): create a list from the search results or the network on screen, follow its
// events live (server-sent events read through fetch, since EventSource cannot send the API key header), and click an
// event to see the path from the watched member to where it happened. Self-contained: it adds its own section.
import { credentials } from './api.js';
import { edgeId } from './graph.js';
import { h } from './panel.js';

const q = encodeURIComponent;
let selected = null;
let stream = null;

function headers(json = false) {
  const result = { 'Accept': 'application/json', 'X-Purpose': credentials.purpose() };
  if (credentials.key()) result['X-Api-Key'] = credentials.key();
  if (json) result['Content-Type'] = 'application/json';
  return result;
}

async function call(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.body !== undefined) });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `HTTP ${response.status}`);
  return body;
}

function say(text) {
  document.getElementById('watch-state').textContent = text;
}

function membersFromResults() {
  return [...document.querySelectorAll('#results li[data-uscc]')].map((li) => li.dataset.uscc);
}

function membersFromNetwork() {
  const cy = window.explorer?.graph?.cy;
  return cy ? cy.nodes().filter((n) => n.data('kind') === 'enterprise').map((n) => n.id()) : [];
}

async function create(members) {
  if (members.length === 0) return say('nothing to watch: search or open a network first');
  const name = document.getElementById('watch-name').value.trim() || `list ${new Date().toISOString().slice(0, 16)}`;
  const radius = Number(document.getElementById('watch-radius').value);
  try {
    const list = await call('/api/watchlists', { method: 'POST', body: JSON.stringify({ name, members, radius }) });
    say(`created "${list.name}" with ${list.member_count} members`);
    await refresh();
    await select(list.id);
  } catch (error) {
    say(`could not create the list: ${error.message}`);
  }
}

async function refresh() {
  try {
    const lists = await call('/api/watchlists');
    document.getElementById('watch-lists').replaceChildren(...lists.items.map((l) =>
      h('li', { 'data-id': l.id, class: l.id === selected ? 'selected' : '', onclick: () => select(l.id) }, `${l.name} (${l.member_count}, radius ${l.radius})`)));
  } catch (error) {
    say(`watch lists unavailable: ${error.message}`);
  }
}

function describe(e) {
  const d = e.detail;
  const what = {
    penalty: `penalty ${d.penalty_kind} ${d.amount ?? ''}`, list_entry: `on list ${d.list_type}`, list_exit: `off list ${d.list_type}`,
    commitment_breached: 'commitment breached', class_change: `class ${d.class_before} → ${d.class_after}`,
    level_crossing: `level ${d.level_before} → ${d.level_after}`, controller_change: 'controller changed',
    major_shareholder_change: '25 % holders changed', dishonest_relation: `new relation to ${d.counterpart_name}`, withdrawal: `withdrawn (${d.withdrawn_by})`,
  }[e.kind] ?? e.kind;
  return `${d.enterprise_name}: ${what}` + (d.hops > 0 ? ` · ${d.hops} hop(s) from ${d.member_name}` : '');
}

function add(e) {
  const list = document.getElementById('watch-events');
  if (list.querySelector(`li[data-event="${e.id}"]`)) return;
  list.prepend(h('li', { 'data-event': e.id, 'data-kind': e.kind, onclick: () => showPath(e) }, describe(e)));
}

async function showPath(e) {
  const graph = window.explorer?.graph;
  if (!graph) return;
  graph.merge({ center: e.member, nodes: e.path.nodes.map((n) => ({ ...n, hops: 0 })), edges: e.path.edges, omitted_nodes: 0 });
  await graph.layout();
  const edgeIds = e.path.edges.map(edgeId);
  const shown = graph.highlightPath(e.path.nodes.map((n) => n.id), edgeIds);
  // The graph returns the highlighted collection; the count is what the page and its tests read.
  window.explorer.highlightedEvent = { id: e.id, elements: typeof shown === 'number' ? shown : shown.length };
  say(describe(e));
}

async function select(id) {
  selected = id;
  stream?.abort();
  document.getElementById('watch-events').replaceChildren();
  await refresh();
  try {
    const page = await call(`/api/watchlists/${q(id)}/events?limit=200`);
    page.items.forEach(add);
    follow(id, page.next_cursor);
  } catch (error) {
    say(`events unavailable: ${error.message}`);
  }
}

// Reads the text/event-stream answer and hands each watch_event to add(); resumes after the last cursor seen.
async function follow(id, after) {
  const controller = new AbortController();
  stream = controller;
  try {
    const response = await fetch(`/api/watchlists/${q(id)}/stream?after=${q(after)}`, { headers: headers(), signal: controller.signal });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = block.match(/^event: (.*)$/m)?.[1];
        const data = block.match(/^data: (.*)$/m)?.[1];
        if (type === 'ready') say('following live');
        if (type === 'watch_event' && data) add(JSON.parse(data));
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) say(`stream ended: ${error.message}`);
  }
}

function mount() {
  const section = h('section', { id: 'watchlists-section' },
    h('h2', {}, 'Watch lists'),
    h('input', { id: 'watch-name', placeholder: 'list name', 'aria-label': 'Watch list name' }),
    h('label', {}, 'radius ', h('select', { id: 'watch-radius', 'aria-label': 'Radius' }, ...[0, 1, 2].map((r) => h('option', { value: r }, String(r))))),
    h('button', { id: 'watch-from-results', type: 'button', onclick: () => create(membersFromResults()) }, 'Watch results'),
    h('button', { id: 'watch-from-network', type: 'button', onclick: () => create(membersFromNetwork()) }, 'Watch network'),
    h('p', { id: 'watch-state', role: 'status', class: 'hint' }),
    h('ol', { id: 'watch-lists' }),
    h('h3', {}, 'Events'),
    h('ol', { id: 'watch-events' }));
  document.getElementById('left').append(section);
  window.explorer = Object.assign(window.explorer ?? {}, { watchlists: { refresh, select } });
  document.getElementById('key-form')?.addEventListener('submit', () => setTimeout(refresh, 0));
  if (credentials.key()) refresh();
}

mount();
