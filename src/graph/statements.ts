import type { Graph, NodeLabel, RelationshipType } from './schema.js';
import { NODE_LABELS } from './schema.js';
import { LABEL_PROPERTIES, nodeRow, relationshipRow, TYPE_PROPERTIES, type PropertyValue, type Row } from './rows.js';

/**
 * The Cypher that puts a graph into Neo4j, shared by out/load.cypher (rows as literals) and the driver
 * loader (rows as the parameter $rows), so that both write exactly the same graph. Labels and types come
 * only from the fixed schema; every value is a row field, never spliced into the text.
 */

/** Property keys whose values are lists: merged as a set union on every load, so nothing is overwritten. */
export const LIST_PROPERTIES: ReadonlySet<string> = new Set(['aliases', 'mentions', 'titles', 'versions', 'forums', 'lines', 'evidence']);

/** The full-text index over names and aliases; the CJK analyzer indexes character bigrams, so 商汤 finds 商汤科技. */
export const FULLTEXT_INDEX = 'entity_names';

/** Uniqueness constraints on id for every label, and the full-text index over names and aliases. */
export function schemaStatements(): string[] {
  return [
    ...NODE_LABELS.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliases] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  ];
}

/** Adds the list items not already present, keeping the order they were first seen in. */
function listUnion(target: string, incoming: string): string {
  return `reduce(acc = coalesce(${target}, []), x IN coalesce(${incoming}, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;
}

function assignments(variable: string, keys: string[]): string[] {
  return keys.map((key) => (LIST_PROPERTIES.has(key)
    ? `${variable}.${key} = ${listUnion(`${variable}.${key}`, `row.${key}`)}`
    : `${variable}.${key} = row.${key}`));
}

/** MERGE of one batch of node rows of one label (rows bound to `row`): lists merged, scalars set to the newest value. */
export function nodeMergeStatement(label: NodeLabel): string {
  return `MERGE (n:${label} {id: row.id}) ` +
    `SET ${assignments('n', ['name', 'aliases', 'mentions', ...LABEL_PROPERTIES[label]]).join(', ')} ` +
    // a second SET: the right-hand sides of one SET clause all see the node as it was before it
    'SET n.mentionCount = size(n.mentions)';
}

/** MERGE of one batch of relationship rows of one type between two labels; one relationship per type and pair. */
export function relationshipMergeStatement(type: RelationshipType, startLabel: NodeLabel, endLabel: NodeLabel): string {
  return `MATCH (a:${startLabel} {id: row.start}) MATCH (b:${endLabel} {id: row.end}) ` +
    `MERGE (a)-[r:${type}]->(b) SET ${assignments('r', ['id', 'evidence', ...TYPE_PROPERTIES[type]]).join(', ')}`;
}

/** A node row as nodeMergeStatement reads it: the label's known properties only (null when absent). */
export function nodeStatementRow(row: Row, label: NodeLabel): Row {
  return pick(row, ['id', 'name', 'aliases', 'mentions', ...LABEL_PROPERTIES[label]]);
}

export function relationshipStatementRow(row: Row, type: RelationshipType): Row {
  return pick(row, ['id', 'start', 'end', 'evidence', ...TYPE_PROPERTIES[type]]);
}

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null] as [string, PropertyValue]));
}

export interface LoadBatch {
  kind: 'nodes' | 'relationships';
  /** the label, or TYPE (StartLabel→EndLabel) */
  what: string;
  /** the MERGE part; the rows are bound to `row` by `UNWIND … AS row` in front of it */
  merge: string;
  rows: Row[];
}

/**
 * The whole load, in order: node batches label by label, then relationship batches grouped by type and
 * end labels (so every MATCH uses a uniqueness constraint). Deterministic for a given graph.
 */
export function loadBatches(graph: Graph, batchSize: number): LoadBatch[] {
  const batches: LoadBatch[] = [];
  const push = (kind: LoadBatch['kind'], what: string, merge: string, rows: Row[]) => {
    for (let i = 0; i < rows.length; i += batchSize) batches.push({ kind, what, merge, rows: rows.slice(i, i + batchSize) });
  };
  for (const label of NODE_LABELS) {
    const rows = graph.nodes.filter((n) => n.label === label).map((n) => nodeStatementRow(nodeRow(n), label));
    push('nodes', label, nodeMergeStatement(label), rows);
  }
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const groups = new Map<string, { type: RelationshipType; start: NodeLabel; end: NodeLabel; rows: Row[] }>();
  for (const rel of graph.relationships) {
    const start = labelOf.get(rel.start)!;
    const end = labelOf.get(rel.end)!;
    const key = `${rel.type} (${start}→${end})`;
    const group = groups.get(key) ?? { type: rel.type, start, end, rows: [] };
    group.rows.push(relationshipStatementRow(relationshipRow(rel), rel.type));
    groups.set(key, group);
  }
  for (const [key, group] of groups) push('relationships', key, relationshipMergeStatement(group.type, group.start, group.end), group.rows);
  return batches;
}

/** The statement the driver sends for a batch: the rows come as the parameter $rows. */
export function parameterizedStatement(batch: Pick<LoadBatch, 'merge'>): string {
  return `UNWIND $rows AS row\n${batch.merge}`;
}

/** Wipes only forumkg's labels, in transactions of 10,000 nodes (run it with session.run, not in a managed transaction). */
export function wipeStatement(): string {
  return `MATCH (n) WHERE ${NODE_LABELS.map((l) => `n:${l}`).join(' OR ')} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;
}
