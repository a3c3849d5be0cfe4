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

/**
 * SET clauses for a MERGE: on create every value is copied as it comes; on match lists are merged (set union)
 * and scalars replaced; then `derived` assignments, which see the lists as just written (the right-hand sides
 * of one SET clause all see the entity as it was before that clause, so they cannot go in the same one).
 */
function mergeSets(variable: string, keys: string[], derived: string[] = []): string {
  const lists = keys.filter((k) => LIST_PROPERTIES.has(k));
  const scalars = keys.filter((k) => !LIST_PROPERTIES.has(k));
  const clauses = [
    lists.length ? `ON CREATE SET ${lists.map((k) => `${variable}.${k} = row.${k}`).join(', ')}` : '',
    lists.length ? `ON MATCH SET ${lists.map((k) => `${variable}.${k} = ${listUnion(`${variable}.${k}`, `row.${k}`)}`).join(', ')}` : '',
    `SET ${[...scalars.map((k) => `${variable}.${k} = row.${k}`), ...derived].join(', ')}`,
  ];
  return clauses.filter(Boolean).join(' ');
}

/** MERGE of one batch of node rows of one label (rows bound to `row`): lists merged, scalars set to the newest value. */
export function nodeMergeStatement(label: NodeLabel): string {
  return `MERGE (n:${label} {id: row.id}) ${mergeSets('n', ['name', 'aliases', 'mentions', ...LABEL_PROPERTIES[label]], ['n.mentionCount = size(n.mentions)'])}`;
}

/** MERGE of one batch of relationship rows of one type between two labels; one relationship per type and pair. */
export function relationshipMergeStatement(type: RelationshipType, startLabel: NodeLabel, endLabel: NodeLabel): string {
  return `MATCH (a:${startLabel} {id: row.start}) MATCH (b:${endLabel} {id: row.end}) ` +
    `MERGE (a)-[r:${type}]->(b) ${mergeSets('r', ['id', 'evidence', ...TYPE_PROPERTIES[type]])}`;
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
  return [...eachLoadBatch(graph, batchSize)];
}

/** The batches of loadBatches, one at a time: the rows of a batch are made when it is reached (load.cypher need not hold them all). */
export function* eachLoadBatch(graph: Graph, batchSize: number): Generator<LoadBatch> {
  for (const label of NODE_LABELS) {
    const nodes = graph.nodes.filter((n) => n.label === label);
    const merge = nodeMergeStatement(label);
    for (let i = 0; i < nodes.length; i += batchSize) {
      yield { kind: 'nodes', what: label, merge, rows: nodes.slice(i, i + batchSize).map((n) => nodeStatementRow(nodeRow(n), label)) };
    }
  }
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const groups = new Map<string, { type: RelationshipType; start: NodeLabel; end: NodeLabel; rels: Graph['relationships'] }>();
  for (const rel of graph.relationships) {
    const start = labelOf.get(rel.start)!;
    const end = labelOf.get(rel.end)!;
    const key = `${rel.type} (${start}→${end})`;
    const group = groups.get(key) ?? { type: rel.type, start, end, rels: [] };
    group.rels.push(rel);
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const rels = sortedAroundHubs(group.rels);
    const merge = relationshipMergeStatement(group.type, group.start, group.end);
    for (let i = 0; i < rels.length; i += batchSize) {
      yield { kind: 'relationships', what: key, merge, rows: rels.slice(i, i + batchSize).map((r) => relationshipStatementRow(relationshipRow(r), r.type)) };
    }
  }
}

/**
 * Sorts a group's relationships by the end with fewer distinct nodes (the hubs: forums, organisations), then by the other:
 * each batch then holds a few hubs with their neighbours, so many pairs of batches share no node at all and the
 * loader can write them side by side (see runKeyDisjoint).
 */
function sortedAroundHubs<T extends { start: string; end: string }>(rels: T[]): T[] {
  const distinct = (key: 'start' | 'end') => new Set(rels.map((r) => r[key])).size;
  const [first, second] = distinct('end') < distinct('start') ? (['end', 'start'] as const) : (['start', 'end'] as const);
  const compare = (a: T, b: T) => (a[first] < b[first] ? -1 : a[first] > b[first] ? 1 : a[second] < b[second] ? -1 : a[second] > b[second] ? 1 : 0);
  return rels.sort(compare);
}

/** The statement the driver sends for a batch: the rows come as the parameter $rows. */
export function parameterizedStatement(batch: Pick<LoadBatch, 'merge'>): string {
  return `UNWIND $rows AS row\n${batch.merge}`;
}

/** Wipes only forumkg's labels, in transactions of 10,000 nodes (run it with session.run, not in a managed transaction). */
export function wipeStatement(): string {
  return `MATCH (n) WHERE ${NODE_LABELS.map((l) => `n:${l}`).join(' OR ')} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;
}
