import neo4j, { type Driver } from 'neo4j-driver';
import type { PropertyValue, Row } from '../../graph/rows.js';
import type { Graph } from '../../graph/schema.js';
import { runKeyDisjoint } from './schedule.js';
import { loadBatches, parameterizedStatement, schemaStatements, wipeStatement, type LoadBatch } from '../../graph/statements.js';

export interface LoadOptions {
  database?: string;
  /** rows per transaction */
  batchSize: number;
  /** batches in flight at once (node batches; relationship batches that share no node) */
  concurrency: number;
  onBatch?: (event: { done: number; total: number; batch: LoadBatch }) => void;
}

export interface LoadCounts {
  /** rows sent */
  rows: number;
  /** entities that did not exist before */
  created: number;
  /** entities that existed and were merged into */
  merged: number;
}

export interface LoadSummary {
  nodes: LoadCounts;
  relationships: LoadCounts;
  batches: number;
  seconds: number;
}

/** Integers go to Neo4j as integers (a JS number alone would be stored as a float). */
function parameterValue(value: PropertyValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return (value as Array<string | number>).map((v) => (typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v));
  return value;
}

function parameterRows(rows: Row[]): Array<Record<string, unknown>> {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, parameterValue(v)])));
}

async function write(driver: Driver, database: string | undefined, statement: string, parameters: Record<string, unknown> = {}) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // a managed transaction: the driver retries it on transient errors (deadlocks, leader changes)
    return await session.executeWrite(async (tx) => (await tx.run(statement, parameters)).summary.counters.updates());
  } finally {
    await session.close();
  }
}

/** Uniqueness constraints on id for every label and the full-text index; safe to run again. */
export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of schemaStatements()) await write(driver, database, statement);
  const session = driver.session({ database });
  try {
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

/** Deletes the nodes with forumkg's labels (and their relationships), nothing else; returns how many nodes went. */
export async function wipeForumkgLabels(driver: Driver, database?: string): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // CALL … IN TRANSACTIONS cannot run inside a managed transaction
    const result = await session.run(wipeStatement());
    return result.summary.counters.updates().nodesDeleted;
  } finally {
    await session.close();
  }
}

/**
 * Loads the graph: schema, then every node batch, then every relationship batch, each batch one
 * `UNWIND $rows … MERGE` write transaction. Idempotent, and a load stopped half-way completes when run again.
 */
export async function loadGraph(driver: Driver, graph: Graph, options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  await ensureSchema(driver, options.database);
  const batches = loadBatches(graph, options.batchSize);
  const summary: LoadSummary = { nodes: { rows: 0, created: 0, merged: 0 }, relationships: { rows: 0, created: 0, merged: 0 }, batches: batches.length, seconds: 0 };
  let done = 0;
  const run = async (batch: LoadBatch) => {
    const counters = await write(driver, options.database, parameterizedStatement(batch), { rows: parameterRows(batch.rows) });
    const counts = summary[batch.kind];
    const created = batch.kind === 'nodes' ? counters.nodesCreated : counters.relationshipsCreated;
    counts.rows += batch.rows.length;
    counts.created += created;
    counts.merged += batch.rows.length - created;
    options.onBatch?.({ done: ++done, total: batches.length, batch });
  };
  // Node batches hold disjoint ids and run side by side. Relationship batches run side by side only when they
  // share no node: two that do would lock it both (waits, or a deadlock that makes the driver redo a batch).
  const concurrency = Math.max(1, options.concurrency);
  const noKeys: ReadonlySet<string> = new Set();
  await runKeyDisjoint(batches.filter((b) => b.kind === 'nodes').map((b) => ({ keys: noKeys, run: () => run(b) })), concurrency);
  const endpoints = (b: LoadBatch) => new Set(b.rows.flatMap((row) => [row.start as string, row.end as string]));
  await runKeyDisjoint(batches.filter((b) => b.kind === 'relationships').map((b) => ({ keys: endpoints(b), run: () => run(b) })), concurrency);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Nodes by label and relationships by type as they are in the database (forumkg's labels and types only). */
export async function databaseCounts(driver: Driver, database?: string): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count');
    const rels = await session.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label') as string, Number(r.get('count'))])),
      relationships: Object.fromEntries(rels.records.map((r) => [r.get('type') as string, Number(r.get('count'))])),
    };
  } finally {
    await session.close();
  }
}
