import type { Graph, NodeLabel, RelationshipType } from '../../graph/schema.js';
import { NODE_LABELS } from '../../graph/schema.js';
import { nodeRow, relationshipRow, type PropertyValue, type Row } from '../../graph/rows.js';

const BATCH = 200;

/** A Cypher string literal: backslash, quotes and control characters escaped. */
export function cypherString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

export function cypherValue(value: PropertyValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${(value as Array<string | number>).map((v) => (typeof v === 'number' ? String(v) : cypherString(v))).join(', ')}]`;
  if (typeof value === 'string') return cypherString(value);
  return String(value);
}

function cypherMap(row: Row): string {
  return `{${Object.entries(row).map(([k, v]) => `${k}: ${cypherValue(v)}`).join(', ')}}`;
}

/** Uniqueness constraints on id for every label, and the full-text index over names and aliases. */
export function schemaStatements(): string[] {
  return [
    ...NODE_LABELS.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
    'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Organization|Person|Model|Product|SigningEvent|Forum) ON EACH [n.name, n.aliases]',
  ];
}

/** Adds list items not already present: how aliases and mentions are merged on a repeated or incremental load. */
function listUnion(target: string, incoming: string): string {
  return `reduce(acc = coalesce(${target}, []), x IN ${incoming} | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;
}

/** The MERGE statement for a batch of node rows of one label (rows bound to `row`). */
export function nodeMergeStatement(label: NodeLabel): string {
  return `MERGE (n:${label} {id: row.id}) ` +
    `SET n.name = row.name, n.aliases = ${listUnion('n.aliases', 'row.aliases')}, n.mentions = ${listUnion('n.mentions', 'row.mentions')}, ` +
    `n.mentionCount = size(${listUnion('n.mentions', 'row.mentions')}), n += row.properties`;
}

export function relationshipMergeStatement(type: RelationshipType, startLabel: NodeLabel, endLabel: NodeLabel): string {
  return `MATCH (a:${startLabel} {id: row.start}) MATCH (b:${endLabel} {id: row.end}) ` +
    `MERGE (a)-[r:${type}]->(b) SET r.id = row.id, r.evidence = ${listUnion('r.evidence', 'row.evidence')}, r += row.properties`;
}

/** Rows as the statements above expect them: core fields apart, label- or type-specific properties in `properties`. */
export function nodeStatementRow(row: Row): Record<string, PropertyValue | Row> {
  const { id, name, aliases, mentions, mentionCount: _count, ...properties } = row;
  return { id: id!, name: name!, aliases: aliases!, mentions: mentions!, properties: properties as Row };
}

export function relationshipStatementRow(row: Row): Record<string, PropertyValue | Row> {
  const { id, start, end, evidence, ...properties } = row;
  return { id: id!, start: start!, end: end!, evidence: evidence!, properties: properties as Row };
}

function literalRows(rows: Array<Record<string, PropertyValue | Row>>): string {
  return `[\n  ${rows.map((r) => `{${Object.entries(r).map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' && !Array.isArray(v) ? cypherMap(v as Row) : cypherValue(v as PropertyValue)}`).join(', ')}}`).join(',\n  ')}\n]`;
}

/**
 * load.cypher: constraints and index, then nodes, then relationships, as batched UNWIND … MERGE
 * statements with literal rows. Idempotent: running it twice leaves the same graph.
 */
export function loadScript(graph: Graph): string {
  const out: string[] = [
    '// forumkg load script: run with `cypher-shell -f load.cypher` or paste into Neo4j Browser.',
    '// Idempotent: constraints first, then MERGE on id; aliases, mentions and evidence are merged, not overwritten.',
    '',
    ...schemaStatements().map((s) => `${s};`),
    '',
  ];
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  for (const label of NODE_LABELS) {
    const rows = graph.nodes.filter((n) => n.label === label).map((n) => nodeStatementRow(nodeRow(n)));
    for (let i = 0; i < rows.length; i += BATCH) {
      out.push(`UNWIND ${literalRows(rows.slice(i, i + BATCH))} AS row\n${nodeMergeStatement(label)};`, '');
    }
  }
  const groups = new Map<string, Array<Record<string, PropertyValue | Row>>>();
  for (const rel of graph.relationships) {
    const key = `${rel.type}|${labelOf.get(rel.start)}|${labelOf.get(rel.end)}`;
    const list = groups.get(key) ?? [];
    list.push(relationshipStatementRow(relationshipRow(rel)));
    groups.set(key, list);
  }
  for (const [key, rows] of groups) {
    const [type, startLabel, endLabel] = key.split('|') as [RelationshipType, NodeLabel, NodeLabel];
    for (let i = 0; i < rows.length; i += BATCH) {
      out.push(`UNWIND ${literalRows(rows.slice(i, i + BATCH))} AS row\n${relationshipMergeStatement(type, startLabel, endLabel)};`, '');
    }
  }
  return out.join('\n');
}
