import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import type { Graph } from '../../src/graph/schema.js';
import { NODE_LABELS } from '../../src/graph/schema.js';
import { databaseCounts, wipeForumkgLabels } from '../../src/sinks/neo4j/load.js';
import { forumkg } from '../helpers.js';

export const live = inject('neo4j');

/** The environment a forumkg command needs to reach the live Neo4j. */
/** A forumkg command against the live Neo4j: a loaded machine can make a cold server slow, so allow minutes. */
export function forumkgLive(args: string[], env: Record<string, string> = {}) {
  return forumkg(args, { env: liveEnv(env), timeoutMs: 600_000 });
}

export function liveEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NEO4J_URI: live.uri, NEO4J_USER: live.user, NEO4J_PASSWORD: live.password, NEO4J_DATABASE: live.database ?? '', ...overrides };
}

export function liveDriver(): Driver {
  return neo4j.driver(live.uri, neo4j.auth.basic(live.user, live.password), { disableLosslessIntegers: true });
}

export async function wipe(driver: Driver): Promise<void> {
  await wipeForumkgLabels(driver, live.database);
}

export function graphCounts(graph: Graph): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
  return { nodes: count(graph.nodes.map((n) => n.label)), relationships: count(graph.relationships.map((r) => r.type)) };
}

/** Every forumkg node and relationship with all its properties, in a stable order: two equal dumps are the same graph. */
export async function dump(driver: Driver): Promise<{ nodes: string[]; relationships: string[] }> {
  const labels = NODE_LABELS.map((l) => `n:${l}`).join(' OR ');
  const sorted = (value: unknown): unknown => (value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
    : value);
  const { records: nodes } = await driver.executeQuery(`MATCH (n) WHERE ${labels} RETURN labels(n) AS labels, properties(n) AS props`, {}, { database: live.database });
  const { records: rels } = await driver.executeQuery(`MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props`, {}, { database: live.database });
  return {
    nodes: nodes.map((r) => JSON.stringify([r.get('labels'), sorted(r.get('props'))])).sort(),
    relationships: rels.map((r) => JSON.stringify([r.get('type'), r.get('start'), r.get('end'), sorted(r.get('props'))])).sort(),
  };
}

export function counts(driver: Driver) {
  return databaseCounts(driver, live.database);
}
