// Colours and the cytoscape style of the network view; the legend reads the same constants, so they never disagree.
export const CLASS_COLOURS = { green: '#2e9d4f', yellow: '#d8a500', red: '#d23a3a', black: '#222222' };
export const CLASS_OF_COLOUR = { green: 'good', yellow: 'warning', red: 'dishonest', black: 'seriously_dishonest' };
export const LEVEL_COLOURS = { low: '#2e9d4f', medium: '#d8a500', high: '#e0662a', critical: '#9b1c1c' };
export const PERSON_COLOUR = '#7b8cb8';
export const EDGE_COLOURS = {
  SHAREHOLDER_OF: '#3a6fd8', EXECUTIVE_OF: '#8a8fa0', LEGAL_REPRESENTATIVE_OF: '#5b6478', SUPPLIES_TO: '#1f9e89', GUARANTEES: '#c2407a',
};
export const RELATION_TYPES = Object.keys(EDGE_COLOURS);

/**
 * Level of detail: labels appear only once they would be readable (min-zoomed-font-size), so a 5,000-node view
 * shows coloured dots and the names come in as the analyst zooms; edge captions (amounts, shares) likewise.
 */
export const STYLE = [
  { selector: 'node', style: { 'label': 'data(label)', 'font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': 9,
    'background-color': 'data(fill)', 'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#ffffff',
    'text-outline-color': '#ffffff', 'text-outline-width': 0 } },
  { selector: 'node[kind = "person"]', style: { 'shape': 'diamond', 'background-color': PERSON_COLOUR } },
  { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#1d2330' } },
  { selector: 'node.has-omitted', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#e0662a' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2b705' } },
  { selector: 'node.group', style: { 'shape': 'round-rectangle', 'background-color': '#eef1f8', 'background-opacity': 0.6, 'border-width': 1,
    'border-color': '#9aa3b8', 'border-style': 'dashed', 'label': 'data(label)', 'text-valign': 'top', 'font-size': 10, 'min-zoomed-font-size': 6,
    'padding': 8 } },
  { selector: 'node.cy-expand-collapse-collapsed-node', style: { 'width': 'data(collapsedSize)', 'height': 'data(collapsedSize)',
    'background-color': '#9aa3b8', 'shape': 'round-rectangle', 'border-style': 'solid' } },
  { selector: 'edge', style: { 'width': 1.2, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
    'curve-style': 'straight', 'arrow-scale': 0.6, 'label': 'data(caption)', 'font-size': 7, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 9,
    'color': '#333a48', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
  { selector: '.hidden', style: { 'display': 'none' } },
  { selector: '.path', style: { 'width': 5, 'line-color': '#f28e00', 'target-arrow-color': '#f28e00', 'border-width': 5, 'border-color': '#f28e00',
    'z-index': 10, 'min-zoomed-font-size': 0 } },
  { selector: '.faded', style: { 'opacity': 0.25 } },
];
