/**
 * Load throughput into Neo4j: the seeds' graph replicated N times under fresh ids (default ×200), loaded with
 * forumkg's loader. Uses NEO4J_URI when set (it wipes forumkg's labels there!), else starts the local Neo4j
 * (tools/neo4j-local) on free ports in a temporary folder and stops it after.
 *
 *   npm run bench:neo4j [-- --copies 200 --batch-size 5000 --concurrency 2 --heap 1g --pagecache 512m]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import type { Graph } from '../../src/graph/schema.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { connect } from '../../src/sinks/neo4j/connect.js';
import { ensureSchema, loadGraph, wipeForumkgLabels } from '../../src/sinks/neo4j/load.js';
import { localNeo4jUnavailable, startLocalNeo4j, type LocalNeo4j } from '../../src/sinks/neo4j/local-server.js';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '200' },
    'batch-size': { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '2' },
    heap: { type: 'string', default: '1g' },
    pagecache: { type: 'string', default: '512m' },
  },
});
const copies = Number(values.copies);
const batchSize = Number(values['batch-size']);
const concurrency = Number(values.concurrency);

/** The graph N times over, every id (and every id inside a property) suffixed with the copy number. */
export function replicate(graph: Graph, times: number): Graph {
  const nodes: Graph['nodes'] = [];
  const relationships: Graph['relationships'] = [];
  for (let i = 0; i < times; i++) {
    const id = (value: string) => `${value}#${i}`;
    for (const node of graph.nodes) nodes.push({ ...node, id: id(node.id) });
    for (const rel of graph.relationships) {
      const properties = { ...rel.properties };
      if (Array.isArray(properties.forums)) properties.forums = (properties.forums as string[]).map(id);
      relationships.push({ ...rel, id: id(rel.id), start: id(rel.start), end: id(rel.end), properties });
    }
  }
  return { ...graph, nodes, relationships };
}

async function timedLoad(driver: Driver, graph: Graph, database: string | undefined) {
  const started = performance.now();
  let nodesDone = started;
  const summary = await loadGraph(driver, graph, {
    database, batchSize, concurrency,
    onBatch: ({ batch }) => {
      if (batch.kind === 'nodes') nodesDone = performance.now();
    },
  });
  const end = performance.now();
  const nodeSeconds = (nodesDone - started) / 1000;
  const relSeconds = (end - nodesDone) / 1000;
  return { summary, nodeSeconds, relSeconds, nodesPerSecond: graph.nodes.length / nodeSeconds, relsPerSecond: graph.relationships.length / relSeconds };
}

/**
 * Seconds the server's JVM has spent compiling (JIT) since it started, from its JMX bean; undefined when the
 * server does not allow dbms.queryJmx. On 2 cores the compiler threads compete with the load for CPU, which is why
 * the first load after a JVM start is slower than the same load later.
 */
async function jitSeconds(driver: Driver, database: string | undefined): Promise<number | undefined> {
  const session = driver.session({ database });
  try {
    const result = await session.run('CALL dbms.queryJmx("java.lang:type=Compilation") YIELD attributes RETURN attributes.TotalCompilationTime.value AS ms');
    const ms = result.records[0]?.get('ms');
    return ms === undefined || ms === null ? undefined : Number(ms) / 1000;
  } catch {
    return undefined;
  } finally {
    await session.close();
  }
}

const seeds = (await buildFromPaths([path.resolve('seeds')])).graph;
const graph = replicate(seeds, copies);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
process.stdout.write(`machine: load average ${load()} (other processes slow the figures down)\n`);
process.stdout.write(`graph: the seeds ×${copies} = ${graph.nodes.length} nodes, ${graph.relationships.length} relationships; batch size ${batchSize}, concurrency ${concurrency}\n`);

let server: LocalNeo4j | undefined;
let home: string | undefined;
let settings: { uri: string; user: string; password: string; database?: string };
if (process.env.NEO4J_URI) {
  settings = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
  process.stdout.write(`server: ${settings.uri} (forumkg's labels there are wiped)\n`);
} else {
  const unavailable = localNeo4jUnavailable();
  if (unavailable) throw new Error(`cannot start the local Neo4j: ${unavailable}; set NEO4J_URI`);
  home = mkdtempSync(path.join(tmpdir(), 'forumkg-bench-neo4j-'));
  server = await startLocalNeo4j({ home, password: randomBytes(12).toString('hex'), heap: values.heap, pagecache: values.pagecache });
  settings = { uri: server.uri, user: server.user, password: server.password };
  process.stdout.write(`server: local Neo4j 5.26 (heap ${values.heap}, page cache ${values.pagecache}) at ${server.uri}\n`);
}

const driver = await connect(settings);
try {
  await wipeForumkgLabels(driver, settings.database);
  await ensureSchema(driver, settings.database);
  const runs: Array<[string, () => Promise<void>]> = [
    ['1. empty database (first load after the JVM start)', async () => undefined],
    ['2. the same graph again (every row merges)', async () => undefined],
    ['3. empty database again (warm JVM)', async () => { await wipeForumkgLabels(driver, settings.database); }],
  ];
  for (const [name, before] of runs) {
    await before();
    const jitBefore = await jitSeconds(driver, settings.database);
    const r = await timedLoad(driver, graph, settings.database);
    const jitAfter = await jitSeconds(driver, settings.database);
    const jit = jitBefore === undefined || jitAfter === undefined ? '' : `; the server's JIT compiled for ${(jitAfter - jitBefore).toFixed(1)}s meanwhile`;
    process.stdout.write(
      `${name}: nodes ${Math.round(r.nodesPerSecond).toLocaleString('en')}/s (${r.nodeSeconds.toFixed(1)}s, ${r.summary.nodes.created} created), ` +
      `relationships ${Math.round(r.relsPerSecond).toLocaleString('en')}/s (${r.relSeconds.toFixed(1)}s, ${r.summary.relationships.created} created)${jit}\n`,
    );
  }
  process.stdout.write(`machine: load average ${load()}\n`);
} finally {
  await driver.close();
  await server?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}
