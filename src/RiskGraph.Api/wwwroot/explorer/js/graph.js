// The network view: a cytoscape graph that grows as the analyst expands nodes.
const CLASS_COLOURS = { green: '#2e9d4f', yellow: '#d8a500', red: '#d23a3a', black: '#222222' };
const LEVEL_COLOURS = { low: '#2e9d4f', medium: '#d8a500', high: '#e0662a', critical: '#9b1c1c' };
const EDGE_COLOURS = {
  SHAREHOLDER_OF: '#3a6fd8', EXECUTIVE_OF: '#8a8fa0', LEGAL_REPRESENTATIVE_OF: '#5b6478', SUPPLIES_TO: '#1f9e89', GUARANTEES: '#c2407a',
};
export const RELATION_TYPES = Object.keys(EDGE_COLOURS);

const STYLE = [
  { selector: 'node', style: { 'label': 'data(label)', 'font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': 10,
    'background-color': 'data(fill)', 'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#ffffff' } },
  { selector: 'node[kind = "person"]', style: { 'shape': 'diamond', 'background-color': '#7b8cb8' } },
  { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#1d2330' } },
  { selector: 'node.has-omitted', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#e0662a' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2b705' } },
  { selector: 'edge', style: { 'width': 1.5, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', 'arrow-scale': 0.7, 'label': 'data(caption)', 'font-size': 8, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8 } },
  { selector: '.hidden', style: { 'display': 'none' } },
  { selector: '.path', style: { 'width': 5, 'line-color': '#f28e00', 'target-arrow-color': '#f28e00', 'border-width': 5, 'border-color': '#f28e00', 'z-index': 10 } },
  { selector: '.faded', style: { 'opacity': 0.25 } },
];

export class NetworkGraph {
  constructor(container, onTap) {
    // Cheap rendering while panning and zooming keeps a few thousand nodes responsive.
    this.cy = cytoscape({ container, style: STYLE, textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 });
    this.colourBy = 'class';
    this.omitted = new Map();
    this.cy.on('tap', 'node', (event) => onTap(event.target.data()));
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
        const id = `${edge.source}|${edge.type}|${edge.target}|${edge.title ?? ''}`;
        if (this.cy.getElementById(id).nonempty()) continue;
        this.cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target, type: edge.type,
          colour: EDGE_COLOURS[edge.type] ?? '#999', caption: caption(edge), share: edge.share, amount: edge.amount, title: edge.title } });
      }
      const owner = this.cy.getElementById(expandedId ?? network.center);
      this.omitted.set(owner.id(), network.omitted_nodes);
      owner.toggleClass('has-omitted', network.omitted_nodes > 0);
    });
    return added.length;
  }

  nodeData(node) {
    const data = { ...node, credit_class: node.credit_class, size: node.kind === 'person' ? 14 : 18 + 42 * (node.score ?? 0) };
    data.fill = this.fillOf(data);
    return data;
  }

  fillOf(data) {
    if (data.kind === 'person') return '#7b8cb8';
    const colour = this.colourBy === 'level' ? LEVEL_COLOURS[data.level] : CLASS_COLOURS[data.colour];
    return colour ?? '#a0a6b4';
  }

  setColourBy(mode) {
    this.colourBy = mode;
    this.cy.nodes().forEach((n) => n.data('fill', this.fillOf(n.data())));
  }

  markCentre(id) {
    this.cy.nodes().removeClass('centre');
    this.cy.getElementById(id).addClass('centre');
  }

  /** Hides relations of unticked types and enterprises outside the chosen industry or region (the centre always stays). */
  applyFilters({ relations, industry, region }) {
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => e.toggleClass('hidden', !relations.has(e.data('type'))));
      this.cy.nodes('[kind = "enterprise"]').forEach((n) => {
        const keep = n.hasClass('centre') || ((!industry || n.data('industry') === industry) && (!region || n.data('region') === region));
        n.toggleClass('hidden', !keep);
      });
    });
  }

  /** Emphasises one path (ids of nodes and edges) and fades everything else. */
  highlightPath(nodeIds, edgeIds) {
    this.cy.elements().removeClass('path').addClass('faded');
    const elements = this.cy.collection();
    for (const id of [...nodeIds, ...edgeIds]) elements.merge(this.cy.getElementById(id));
    elements.removeClass('faded').addClass('path');
    this.cy.fit(elements, 60);
    return elements.length;
  }

  clearHighlight() {
    this.cy.elements().removeClass('path faded');
  }

  layout() {
    const big = this.cy.nodes().length > 1500;
    // fcose with draft quality and no animation lays out thousands of nodes in about a second.
    return new Promise((resolve) => {
      const layout = this.cy.layout({ name: 'fcose', quality: big ? 'draft' : 'default', animate: false, randomize: true,
        nodeRepulsion: 6000, idealEdgeLength: 60, numIter: big ? 1000 : 2500 });
      layout.one('layoutstop', resolve);
      layout.run();
    });
  }

  counts() {
    let omitted = 0;
    for (const value of this.omitted.values()) omitted += value;
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length, omitted };
  }

  toPng() {
    return this.cy.png({ full: true, bg: '#ffffff', scale: 1, output: 'blob' });
  }

  toJson() {
    return {
      nodes: this.cy.nodes().map((n) => ({ ...n.data(), fill: undefined, size: undefined, position: n.position() })),
      edges: this.cy.edges().map((e) => ({ source: e.data('source'), target: e.data('target'), type: e.data('type'),
        share: e.data('share'), amount: e.data('amount'), title: e.data('title') })),
    };
  }
}

function caption(edge) {
  if (edge.type === 'SHAREHOLDER_OF' && edge.share != null) return `${(edge.share * 100).toFixed(1)}%`;
  if (edge.type === 'EXECUTIVE_OF') return edge.title ?? '';
  if (edge.type === 'LEGAL_REPRESENTATIVE_OF') return 'legal rep.';
  return '';
}
