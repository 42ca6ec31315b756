// The network view: a cytoscape graph that grows as the analyst expands nodes.
import { CLASS_COLOURS, EDGE_COLOURS, LEVEL_COLOURS, PERSON_COLOUR, RELATION_TYPES, STYLE } from './graph-style.js';
import { cny, percent } from './features.js';
import { t } from './i18n.js';

export { RELATION_TYPES };

/**
 * WebGL (cytoscape ≥ 3.31) on a hardware GPU; canvas with level of detail (cached textures while moving, labels only
 * when readable) where WebGL would run in software (SwiftShader, llvmpipe), which is slower than canvas there.
 * ?renderer=webgl or ?renderer=canvas overrides the choice.
 */
function wantsWebgl() {
  const asked = new URLSearchParams(location.search).get('renderer');
  if (asked === 'canvas') return false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    if (asked === 'webgl') return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return !/swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

export class NetworkGraph {
  constructor(container, onTap) {
    this.webgl = wantsWebgl();
    // Cached textures while panning and zooming, edges hidden during the gesture: thousands of nodes stay responsive.
    this.cy = cytoscape({ container, style: STYLE, textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1,
      renderer: { name: 'canvas', webgl: this.webgl }, wheelSensitivity: 0.3 });
    this.colourBy = 'class';
    this.omitted = new Map();
    this.cy.on('tap', 'node', (event) => { if (!event.target.hasClass('group')) onTap(event.target.data()); });
  }

  clear() {
    this.cy.elements().remove();
    this.omitted.clear();
  }

  /** Adds the nodes and edges of a network answer that are not on screen yet; returns how many nodes were new. */
  merge(network, expandedId) {
    const added = [];
    this.cy.batch(() => {
      for (const node of network.nodes) {
        if (this.cy.getElementById(node.id).nonempty()) continue;
        added.push(this.cy.add({ group: 'nodes', data: this.nodeData(node) }));
      }
      for (const edge of network.edges) {
        const id = edgeId(edge);
        if (this.cy.getElementById(id).nonempty()) continue;
        this.cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target, type: edge.type,
          colour: EDGE_COLOURS[edge.type] ?? '#999', caption: caption(edge), share: edge.share, amount: edge.amount, title: edge.title } });
      }
      const owner = this.cy.getElementById(expandedId ?? network.center);
      if (owner.nonempty()) {
        this.omitted.set(owner.id(), network.omitted_nodes ?? 0);
        owner.toggleClass('has-omitted', (network.omitted_nodes ?? 0) > 0);
      }
    });
    return added.length;
  }

  nodeData(node) {
    const data = { ...node, size: node.kind === 'person' ? 12 : 16 + 34 * (node.score ?? 0) };
    data.fill = this.fillOf(data);
    return data;
  }

  fillOf(data) {
    if (data.kind === 'person') return PERSON_COLOUR;
    const colour = this.colourBy === 'level' ? LEVEL_COLOURS[data.level] : CLASS_COLOURS[data.colour];
    return colour ?? '#a0a6b4';
  }

  setColourBy(mode) {
    this.colourBy = mode === 'level' ? 'level' : 'class';
    this.cy.batch(() => this.cy.nodes('[kind]').forEach((n) => n.data('fill', this.fillOf(n.data()))));
  }

  markCentre(id) {
    this.cy.nodes().removeClass('centre');
    this.cy.getElementById(id).addClass('centre');
  }

  /** Real nodes (enterprises and persons), not the compound group boxes. */
  entities() {
    return this.cy.nodes('[kind]');
  }

  /**
   * Hides relations of unticked types, enterprises outside the chosen industry division or region prefix (the centre
   * always stays), and then the persons left without a visible relation to a visible enterprise.
   */
  applyFilters({ relations, industry, region }) {
    this.cy.batch(() => {
      this.cy.nodes('[kind = "enterprise"]').forEach((n) => {
        const division = String(n.data('industry') ?? '').replace(/^[A-Z]/, '');
        const keep = n.hasClass('centre') || ((!industry || division === industry) && (!region || String(n.data('region') ?? '').startsWith(region)));
        n.toggleClass('hidden', !keep);
      });
      this.cy.edges().forEach((e) => e.toggleClass('hidden', !relations.has(e.data('type'))
        || e.source().hasClass('hidden') || e.target().hasClass('hidden')));
      this.cy.nodes('[kind = "person"]').forEach((p) => {
        const visible = p.connectedEdges().filter((e) => !e.hasClass('hidden')).length > 0;
        p.toggleClass('hidden', !visible);
      });
      this.cy.edges().forEach((e) => { if (e.source().hasClass('hidden') || e.target().hasClass('hidden')) e.addClass('hidden'); });
    });
  }

  /** Emphasises one path (ids of nodes and edges) and fades everything else; the view keeps the network's scale. */
  highlightPath(nodeIds, edgeIds) {
    this.cy.elements().removeClass('path').addClass('faded');
    const elements = this.cy.collection();
    for (const id of [...nodeIds, ...edgeIds]) elements.merge(this.cy.getElementById(id));
    elements.removeClass('faded').addClass('path');
    this.cy.nodes('.group').removeClass('faded');
    return elements;
  }

  clearHighlight() {
    this.cy.elements().removeClass('path faded');
  }

  /**
   * fcose in its default (quality) mode at every size, with repulsion and edge length growing with the node count,
   * so large networks spread out instead of collapsing as the draft mode did; no animation.
   */
  layout() {
    const n = this.entities().length;
    const big = n > 1500;
    return new Promise((resolve) => {
      const layout = this.cy.layout({ name: 'fcose', quality: 'default', animate: false, randomize: true, fit: true, padding: 20,
        nodeRepulsion: () => (big ? 9000 : 6000), idealEdgeLength: () => (big ? 45 : 60), edgeElasticity: () => 0.45,
        nodeSeparation: 60, gravity: big ? 0.15 : 0.25, gravityRange: 3.8, numIter: big ? 1500 : 2500, tile: true, packComponents: true,
        uniformNodeDimensions: big, samplingType: true, sampleSize: 25 });
      layout.one('layoutstop', () => {
        if (big) this.separate();
        resolve();
      });
      layout.run();
    });
  }

  /**
   * Pushes apart nodes whose centres would be closer than `pixels` once the whole network is fitted into the view:
   * dense stars of a large network otherwise pile their leaves on each other. A grid of cells one minimum distance
   * wide finds the close pairs in linear time; a few rounds settle them. Positions only, so it is cheap at 5,000 nodes.
   */
  separate(pixels = 4, rounds = 12) {
    const nodes = this.entities().filter((n) => !n.isParent());
    const count = nodes.length;
    if (count < 2) return;
    const x = new Float64Array(count), y = new Float64Array(count);
    nodes.forEach((n, i) => { const p = n.position(); x[i] = p.x; y[i] = p.y; });
    for (let round = 0; round < rounds; round++) {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = 0; i < count; i++) { minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]); minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]); }
      const scale = Math.min((this.cy.width() - 40) / Math.max(1, maxX - minX), (this.cy.height() - 40) / Math.max(1, maxY - minY));
      const d = pixels / Math.max(scale, 1e-9);
      const cells = new Map();
      for (let i = 0; i < count; i++) {
        const k = `${Math.floor(x[i] / d)},${Math.floor(y[i] / d)}`;
        if (!cells.has(k)) cells.set(k, []);
        cells.get(k).push(i);
      }
      let moved = 0;
      for (let i = 0; i < count; i++) {
        const cx = Math.floor(x[i] / d), cy = Math.floor(y[i] / d);
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            for (const j of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
              if (j <= i) continue;
              let vx = x[j] - x[i], vy = y[j] - y[i];
              let dist = Math.hypot(vx, vy);
              if (dist >= d) continue;
              // Coincident nodes part along a direction fixed by their indices, so the result is reproducible.
              if (dist < 1e-9) { const a = (i * 7919 + j * 104729) % 360 * Math.PI / 180; vx = Math.cos(a); vy = Math.sin(a); dist = 1; } else { vx /= dist; vy /= dist; dist = Math.hypot(x[j] - x[i], y[j] - y[i]); }
              const push = (d - dist) / 2 + d * 0.05;
              x[i] -= vx * push; y[i] -= vy * push; x[j] += vx * push; y[j] += vy * push;
              moved++;
            }
          }
        }
      }
      if (moved === 0) break;
    }
    this.cy.batch(() => nodes.forEach((n, i) => n.position({ x: x[i], y: y[i] })));
    this.cy.fit(undefined, 20);
  }

  counts() {
    let omitted = 0;
    for (const value of this.omitted.values()) omitted += value;
    const entities = this.entities();
    const hidden = entities.filter('.hidden').length;
    return { nodes: entities.length, edges: this.cy.edges().length, omitted, hidden,
      visibleNodes: entities.length - hidden, visibleEdges: this.cy.edges().not('.hidden').length };
  }

  /**
   * Legibility measure for the tests and the status line: the share of visible nodes whose centre lies within
   * `pixels` rendered pixels of another node's centre, at the current zoom. A grid of cells `pixels` wide keeps it
   * linear in the node count.
   */
  overlap(pixels = 3) {
    const points = this.entities().filter((n) => n.visible()).map((n) => n.renderedPosition());
    const cells = new Map();
    const key = (x, y) => `${x},${y}`;
    points.forEach((p, i) => {
      const k = key(Math.floor(p.x / pixels), Math.floor(p.y / pixels));
      if (!cells.has(k)) cells.set(k, []);
      cells.get(k).push(i);
    });
    let crowded = 0;
    points.forEach((p, i) => {
      const cx = Math.floor(p.x / pixels), cy = Math.floor(p.y / pixels);
      let near = false;
      for (let dx = -1; dx <= 1 && !near; dx++) {
        for (let dy = -1; dy <= 1 && !near; dy++) {
          for (const j of cells.get(key(cx + dx, cy + dy)) ?? []) {
            if (j !== i && Math.hypot(points[j].x - p.x, points[j].y - p.y) < pixels) { near = true; break; }
          }
        }
      }
      if (near) crowded++;
    });
    return { nodes: points.length, crowded, share: points.length === 0 ? 0 : crowded / points.length, pixels };
  }

  /** The view as shown, at twice its on-screen resolution. */
  toPngBlob() {
    return this.cy.png({ full: false, bg: '#ffffff', scale: 2, output: 'blob-promise' });
  }

  /** Nodes and edges as on screen (hidden ones left out), for the JSON, CSV and Excel exports. */
  visibleNodes() {
    return this.entities().not('.hidden').map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label'), industry: n.data('industry'),
      region: n.data('region'), hops: n.data('hops'), credit_class: n.data('credit_class') ?? null, colour: n.data('colour') ?? null,
      score: n.data('score') ?? null, level: n.data('level') ?? null, community: n.data('community') ?? null, position: n.position() }));
  }

  visibleEdges() {
    return this.cy.edges().not('.hidden').filter((e) => !e.hasClass('cy-expand-collapse-collapsed-edge')).map((e) => ({
      source: e.data('source'), target: e.data('target'), type: e.data('type'), share: e.data('share') ?? null,
      amount: e.data('amount') ?? null, title: e.data('title') ?? null }));
  }

  toJson() {
    return { nodes: this.visibleNodes(), edges: this.visibleEdges() };
  }
}

export const edgeId = (edge) => `${edge.source}|${edge.type}|${edge.target}|${edge.title ?? ''}`;

/** Edge captions shown when zoomed in: amounts for supply and guarantees, shares for holdings, titles for executives. */
export function caption(edge) {
  if (edge.type === 'SHAREHOLDER_OF' && edge.share != null) return percent(edge.share);
  if ((edge.type === 'SUPPLIES_TO' || edge.type === 'GUARANTEES') && edge.amount != null) return cny(edge.amount);
  if (edge.type === 'EXECUTIVE_OF') return edge.title ?? '';
  if (edge.type === 'LEGAL_REPRESENTATIVE_OF') return t('rel.LEGAL_REPRESENTATIVE_OF');
  return '';
}
