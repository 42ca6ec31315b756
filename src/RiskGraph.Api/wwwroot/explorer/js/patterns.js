// Risk patterns in the explorer (issue 13): guarantee circles, conglomerates, the person view on a click on a person,
// and the supply chain of an enterprise as a layered layout. Installed by app.js with one call; everything else lives here.
import { api } from './api.js';
import { h } from './panel.js';

const q = encodeURIComponent;
const get = (path) => api.get(path);

/** An enterprise summary of the pattern routes as a node of the network view. */
const enterpriseNode = (e, extra = {}) => ({ id: e.uscc, kind: 'enterprise', label: e.name, industry: e.industry, region: e.region,
  credit_class: e.credit_class, colour: e.colour, score: e.score, level: e.level, hops: 0, ...extra });

function runLayout(cy, options) {
  return new Promise((resolve) => {
    const layout = cy.layout({ animate: false, fit: true, padding: 30, ...options });
    layout.one('layoutstop', resolve);
    layout.run();
  });
}

export function installPatterns({ graph, status, panel }) {
  const list = h('ol', { id: 'pattern-list' });
  const section = h('section', { id: 'patterns-section' }, h('h2', {}, 'Risk patterns'),
    h('button', { id: 'show-circles', type: 'button', onclick: () => listCircles() }, 'Guarantee circles'),
    h('button', { id: 'show-groups', type: 'button', onclick: () => listGroups() }, 'Groups'),
    h('button', { id: 'show-chain', type: 'button', onclick: () => chainOfSelected() }, 'Supply chain of selected'),
    list);
  document.getElementById('alerts-section').after(section);

  async function listCircles() {
    try {
      const page = await get('/api/guarantee-circles?page_size=20');
      list.replaceChildren(...page.items.map((c) => h('li', { 'data-circle': c.circle_id, onclick: () => showCircle(c.members[0].uscc) },
        `circle ${c.circle_id}: ${c.size} members, contagion ${c.contagion_score.toFixed(2)}, ${Object.keys(c.regions).length} regions`)));
      status(`${page.total} guarantee circles, riskiest first`);
    } catch (error) { status(error.message, true); }
  }

  async function showCircle(uscc) {
    try {
      const body = await get(`/api/enterprises/${q(uscc)}/guarantee-circle`);
      if (!body.circle) { status(`${uscc} is in no guarantee circle`); return; }
      const c = body.circle;
      graph.clear();
      graph.merge({ center: uscc, omitted_nodes: 0, nodes: c.members.map((m) => enterpriseNode(m)),
        edges: body.guarantees.map((g) => ({ source: g.guarantor, target: g.guaranteed, type: 'GUARANTEES', amount: g.amount })) });
      graph.markCentre(uscc);
      await runLayout(graph.cy, { name: 'circle' });
      panel.replaceChildren(h('h2', { id: 'panel-title' }, `Guarantee circle ${c.circle_id}`), h('table', { id: 'panel-circle' },
        [['members', c.size], ['guaranteed in the circle', c.total_amount.toLocaleString()], ['largest guarantee', c.largest_amount.toLocaleString()],
          ['negative records', `${c.negative_members} (${(c.negative_share * 100).toFixed(0)} %)`], ['mutual pairs', c.mutual_pairs], ['triangles', c.triangles],
          ['contagion score', c.contagion_score.toFixed(3)], ['industries', Object.keys(c.industries).join(', ')], ['regions', Object.keys(c.regions).join(', ')]]
          .map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))));
      window.explorer.patterns.shown = { kind: 'circle', id: c.circle_id };
      status(`guarantee circle ${c.circle_id}: ${c.size} members, ${body.guarantees.length} guarantees`);
    } catch (error) { status(error.message, true); }
  }

  async function listGroups() {
    try {
      const page = await get('/api/groups?page_size=20');
      list.replaceChildren(...page.items.map((g) => h('li', { 'data-group': g.group_id, onclick: () => showGroup(g.group_id) },
        `${g.controller.label} (${g.controller.kind}): ${g.size} enterprises, ${(g.negative_share * 100).toFixed(0)} % negative`)));
      status(`${page.total} groups, largest first`);
    } catch (error) { status(error.message, true); }
  }

  async function showGroup(id) {
    try {
      const body = await get(`/api/groups/${q(id)}`);
      const g = body.group;
      const controller = g.controller;
      const nodes = body.members.map((m) => enterpriseNode(m.enterprise));
      if (controller.kind === 'person') nodes.push({ id: controller.id, kind: 'person', label: controller.label, hops: 0 });
      // Control links from each member's immediate controller: the group drawn as its control tree.
      const ids = new Set(nodes.map((n) => n.id));
      const edges = body.members.filter((m) => ids.has(m.controlled_by)).map((m) => ({ source: m.controlled_by, target: m.enterprise.uscc, type: 'SHAREHOLDER_OF' }));
      graph.clear();
      graph.merge({ center: controller.id, omitted_nodes: 0, nodes, edges });
      graph.markCentre(controller.id);
      await runLayout(graph.cy, { name: 'breadthfirst', directed: true, roots: `[id = "${controller.id}"]` });
      panel.replaceChildren(h('h2', { id: 'panel-title' }, `Group of ${controller.label}`), h('table', { id: 'panel-group' },
        [['controller', `${controller.label} (${controller.kind})`], ['enterprises', g.size], ['registered capital', g.total_registered_capital.toLocaleString()],
          ['negative records', `${g.negative_members} (${(g.negative_share * 100).toFixed(0)} %)`],
          ['classes', Object.entries(g.classes).map(([k, v]) => `${k} ${v}`).join(', ')], ['industries', Object.keys(g.industries).join(', ')],
          ['regions', Object.keys(g.regions).join(', ')], ['internal guarantees', g.internal_guarantees.count], ['internal supply links', g.internal_supply_links.count]]
          .map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))));
      window.explorer.patterns.shown = { kind: 'group', id };
      status(`group of ${controller.label}: ${g.size} enterprises`);
    } catch (error) { status(error.message, true); }
  }

  function chainOfSelected() {
    const selected = graph.cy.$('node:selected[kind = "enterprise"]').first();
    const centre = graph.cy.nodes('.centre[kind = "enterprise"]').first();
    const node = selected.nonempty() ? selected : centre;
    if (node.empty()) { status('select an enterprise first'); return Promise.resolve(); }
    return showChain(node.id());
  }

  async function showChain(uscc, depth = 2) {
    try {
      const body = await get(`/api/enterprises/${q(uscc)}/supply-chain?depth=${depth}`);
      graph.clear();
      graph.merge({ center: uscc, omitted_nodes: 0, nodes: [enterpriseNode(body.core, { tier: 0 }), ...body.members.map((m) => enterpriseNode(m.enterprise, { tier: m.tier }))],
        edges: body.links.map((l) => ({ source: l.supplier, target: l.buyer, type: 'SUPPLIES_TO', amount: l.amount })) });
      graph.markCentre(uscc);
      // Layers: suppliers to the left by tier, the core in the middle, buyers to the right.
      const rowOf = new Map();
      await runLayout(graph.cy, { name: 'preset', positions: (n) => {
        const tier = n.data('tier') ?? 0;
        const row = rowOf.get(tier) ?? 0;
        rowOf.set(tier, row + 1);
        return { x: tier * 220, y: row * 50 };
      } });
      panel.replaceChildren(h('h2', { id: 'panel-title' }, `Supply chain of ${body.core.name}`), h('table', { id: 'panel-chain' },
        [['upstream (suppliers)', `${body.upstream_count}, ${body.negative_upstream} negative`], ['downstream (buyers)', `${body.downstream_count}, ${body.negative_downstream} negative`],
          ['risk from upstream', body.upstream_risk.toFixed(3)], ['risk from downstream', body.downstream_risk.toFixed(3)]]
          .map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))));
      window.explorer.patterns.shown = { kind: 'chain', id: uscc };
      status(`supply chain of ${body.core.name}: ${body.upstream_count} up, ${body.downstream_count} down`);
    } catch (error) { status(error.message, true); }
  }

  // The person view opens on a click on a person node, below the person's panel (app.js draws that one first).
  graph.cy.on('tap', 'node[kind = "person"]', async (event) => {
    const key = event.target.id();
    try {
      const body = await get(`/api/persons/${q(key)}/enterprises`);
      panel.append(h('h3', {}, `Enterprises of this person (${body.total}, ${body.negative_enterprises} with negative records)`),
        h('table', { id: 'panel-person-enterprises' }, body.enterprises.map((e) => h('tr', { 'data-uscc': e.enterprise.uscc },
          h('td', {}, e.enterprise.name), h('td', {}, e.roles.join(', ')), h('td', {}, e.share == null ? '' : `${(e.share * 100).toFixed(1)}%`),
          h('td', {}, h('span', { class: `badge ${e.enterprise.colour}` }, e.enterprise.credit_class)),
          h('td', {}, e.enterprise.score == null ? '' : e.enterprise.score.toFixed(3))))));
    } catch (error) {
      panel.append(h('p', { class: 'hint' }, `person view unavailable: ${error.message}`));
    }
  });

  return { listCircles, showCircle, listGroups, showGroup, showChain, chainOfSelected, shown: null };
}
