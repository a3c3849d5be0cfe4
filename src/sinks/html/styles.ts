import type { NodeLabel, RelationshipType } from '../../graph/schema.js';

/** How each node label is drawn: cytoscape shape and colour (Okabe–Ito palette, readable by colour-blind readers). */
export const LABEL_STYLES: Record<NodeLabel, { color: string; shape: string; title: string }> = {
  Organization: { color: '#0072B2', shape: 'round-rectangle', title: 'Organisation' },
  Person: { color: '#E69F00', shape: 'ellipse', title: 'Person' },
  Model: { color: '#009E73', shape: 'diamond', title: 'Model' },
  Product: { color: '#CC79A7', shape: 'hexagon', title: 'Product' },
  SigningEvent: { color: '#D55E00', shape: 'star', title: 'Signing event' },
  Forum: { color: '#555555', shape: 'rectangle', title: 'Forum' },
};

/**
 * How each relationship type is drawn. MENTIONED_IN links nearly every entity to its forum, so it starts
 * hidden: drawn, it pulls the whole graph into one knot around the forums.
 */
export const TYPE_STYLES: Record<RelationshipType, { color: string; width: number; directed: boolean; shown: boolean }> = {
  PARTNERS_WITH: { color: '#C0392B', width: 3, directed: false, shown: true },
  AFFILIATED_WITH: { color: '#E69F00', width: 1.5, directed: true, shown: true },
  DEVELOPS: { color: '#009E73', width: 1.5, directed: true, shown: true },
  OFFERS: { color: '#CC79A7', width: 1.5, directed: true, shown: true },
  PARTY_TO: { color: '#D55E00', width: 1.5, directed: true, shown: true },
  SIGNED: { color: '#D55E00', width: 1.5, directed: true, shown: true },
  HELD_AT: { color: '#777777', width: 1, directed: true, shown: true },
  SPOKE_AT: { color: '#999999', width: 1, directed: true, shown: true },
  ORGANIZED: { color: '#777777', width: 1, directed: true, shown: true },
  MENTIONED_IN: { color: '#BBBBBB', width: 0.5, directed: true, shown: false },
};
