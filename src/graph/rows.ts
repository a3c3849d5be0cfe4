import type { GraphNode, GraphRelationship, NodeLabel, RelationshipType } from './schema.js';

/**
 * Flat property maps for Neo4j (properties cannot hold maps or lists of maps): mentions and evidence
 * become lists of "file:line: text" strings. Shared by load.cypher, the CSV import files and the driver loader.
 */
export type PropertyValue = string | number | boolean | string[] | number[] | null;
export type Row = Record<string, PropertyValue>;

export function mentionString(m: { source: string; line: number; text: string }): string {
  return `${m.source}:${m.line}: ${m.text}`;
}

export function evidenceString(e: { source: string; line: number; quote: string }): string {
  return `${e.source}:${e.line}: ${e.quote}`;
}

export function nodeRow(node: GraphNode): Row {
  const row: Row = {
    id: node.id,
    name: node.name,
    aliases: node.aliases,
    mentions: node.mentions.map(mentionString),
    mentionCount: node.mentions.length,
  };
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined) continue;
    row[key] = value as PropertyValue;
  }
  return row;
}

export function relationshipRow(rel: GraphRelationship): Row {
  const row: Row = { id: rel.id, start: rel.start, end: rel.end, evidence: rel.evidence.map(evidenceString) };
  for (const [key, value] of Object.entries(rel.properties)) row[key] = value as PropertyValue;
  return row;
}

/** The properties each node label carries besides id, name, aliases, mentions and mentionCount. */
export const LABEL_PROPERTIES: Record<NodeLabel, string[]> = {
  Organization: ['kind'],
  Person: ['titles'],
  Model: ['versions'],
  Product: ['category'],
  SigningEvent: ['subject', 'date'],
  Forum: ['title', 'date', 'source'],
};

/** The properties each relationship type carries besides id and evidence. */
export const TYPE_PROPERTIES: Record<RelationshipType, string[]> = {
  AFFILIATED_WITH: ['title'],
  DEVELOPS: [],
  OFFERS: [],
  PARTY_TO: [],
  SIGNED: ['onBehalfOf'],
  HELD_AT: [],
  PARTNERS_WITH: ['basis', 'forums'],
  SPOKE_AT: ['role'],
  ORGANIZED: [],
  MENTIONED_IN: ['count', 'lines'],
};
