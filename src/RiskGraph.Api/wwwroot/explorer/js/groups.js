// Compound nodes: the enterprises of one Louvain community (and the persons whose relations are all inside it)
// folded into one box that cytoscape-expand-collapse collapses and expands.
import { t } from './i18n.js';

export class Groups {
  constructor(graph) {
    this.graph = graph;
    this.api = graph.cy.expandCollapse({ layoutBy: null, fisheye: false, animate: false, undoable: false, cueEnabled: true });
    this.enabled = false;
  }

  /** Puts every node with a community (persons: that of their enterprises, if all agree) into a group of two or more. */
  groupByCommunity() {
    const cy = this.graph.cy;
    this.ungroup();
    const community = new Map();
    cy.nodes('[kind = "enterprise"]').forEach((n) => { if (n.data('community') != null) community.set(n.id(), n.data('community')); });
    cy.nodes('[kind = "person"]').forEach((p) => {
      const found = new Set(p.neighborhood('node[kind = "enterprise"]').map((n) => community.get(n.id())));
      if (found.size === 1 && !found.has(undefined)) community.set(p.id(), [...found][0]);
    });
    const members = new Map();
    for (const [id, c] of community) {
      if (!members.has(c)) members.set(c, []);
      members.get(c).push(id);
    }
    cy.batch(() => {
      for (const [c, ids] of members) {
        if (ids.length < 2) continue;
        cy.add({ group: 'nodes', data: { id: `group:${c}`, label: t('group.label', { c, n: ids.length }), collapsedSize: 18 + Math.sqrt(ids.length) * 4 },
          classes: 'group' });
        for (const id of ids) cy.getElementById(id).move({ parent: `group:${c}` });
      }
    });
    this.enabled = true;
    return cy.nodes('.group').length;
  }

  ungroup() {
    const cy = this.graph.cy;
    if (cy.nodes('.group').empty()) return;
    this.api.expandAll();
    cy.batch(() => {
      cy.nodes('[kind]').filter((n) => n.parent().nonempty()).move({ parent: null });
      cy.nodes('.group').remove();
    });
    this.enabled = false;
  }

  collapseAll() { this.api.collapseAll(); }

  expandAll() { this.api.expandAll(); }
}
