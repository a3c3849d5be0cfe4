import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSchema, type Graph } from '../../src/graph/schema.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { graphJson, loadScript } from '../../src/sinks/export/index.js';
import { loadGraph } from '../../src/sinks/neo4j/load.js';
import { freePort } from '../../src/sinks/neo4j/local-server.js';
import { ROOT, SEEDS } from '../helpers.js';
import { counts, dump, forumkgLive, graphCounts, live, liveDriver, liveEnv, wipe } from './live.js';

const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-live-load-'));

function writeGraph(name: string, graph: Graph): string {
  const file = path.join(dir, name);
  writeFileSync(file, graphJson(graph));
  return file;
}

/** The statements of a load.cypher file, run one by one through the driver (as cypher-shell -f would). */
async function runScript(driver: Driver, script: string): Promise<void> {
  const statements = script.split(/;\n/).map((s) => s.replace(/^\/\/.*$/gm, '').trim()).filter(Boolean);
  for (const statement of statements) await driver.executeQuery(statement, {}, { database: live.database });
}

/** A graph whose names, aliases, quotes and evidence hold every character that could break a statement. */
function awkwardGraph(): Graph {
  const nasty = [`O'Brien "Quote" \`tick\` $rows \${x} \\ back`, 'line one\nline two\r\nthree\ttab', '; MATCH (n) DETACH DELETE n; //', '=SUM(A1)', '商汤\u2028科技'];
  const forumId = 'forum:2024-01-01 `forum` $test';
  return GraphSchema.parse({
    version: 1,
    sources: [{ id: forumId, file: 'odd "file".txt', title: 'Forum `with` $signs', date: '2024-01-01', sha256: 'a'.repeat(64) }],
    nodes: [
      { id: forumId, label: 'Forum', name: 'Forum `with` $signs\nand a newline', aliases: [], properties: { title: "Forum 'title'", date: '2024-01-01', source: 'odd "file".txt' }, mentions: [] },
      ...nasty.map((name, i) => ({
        id: `org:${name}`, label: 'Organization', name, aliases: nasty.filter((n) => n !== name).map((n) => `${n} alias`),
        properties: { kind: 'company' }, mentions: [{ source: 'odd "file".txt', line: i + 1, text: name }],
      })),
    ],
    relationships: [
      ...nasty.slice(1).map((name) => ({
        id: `PARTNERS_WITH:org:${nasty[0]}->org:${name}`, type: 'PARTNERS_WITH', start: `org:${nasty[0]}`, end: `org:${name}`,
        properties: { basis: 'stated', forums: [forumId] }, evidence: [{ source: 'odd "file".txt', line: 3, quote: `${name} said "yes" for $1` }],
      })),
      { id: `MENTIONED_IN:org:${nasty[1]}->${forumId}`, type: 'MENTIONED_IN', start: `org:${nasty[1]}`, end: forumId, properties: { count: 2, lines: [1, 7] }, evidence: [{ source: 'odd "file".txt', line: 1, quote: 'x' }] },
    ],
  });
}

describe.skipIf(Boolean(live.skip))('forumkg load against a live Neo4j', () => {
  let driver: Driver;
  let seeds: Graph;
  let seedsFile: string;
  let cleanDump: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    driver = liveDriver();
    seeds = (await buildFromPaths([SEEDS])).graph;
    seedsFile = writeGraph('seeds.json', seeds);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('loads the seeds twice: the second load only merges, and the counts equal graph.json', async () => {
    await wipe(driver);
    const first = forumkgLive(['load', '--graph', seedsFile, '--batch-size', '300']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${seeds.nodes.length} nodes (${seeds.nodes.length} created, 0 merged)`);
    expect(first.stdout).toContain(`${seeds.relationships.length} relationships (${seeds.relationships.length} created, 0 merged)`);
    expect(first.stdout).not.toContain(live.password);
    const afterFirst = await counts(driver);
    expect(afterFirst).toEqual(graphCounts(seeds));
    cleanDump = await dump(driver);

    const second = forumkgLive(['load', '--graph', seedsFile]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${seeds.nodes.length} nodes (0 created, ${seeds.nodes.length} merged)`);
    expect(await counts(driver)).toEqual(afterFirst);
    expect(await dump(driver)).toEqual(cleanDump);
  });

  it('writes the same graph as out/load.cypher, statement for statement', async () => {
    await wipe(driver);
    await runScript(driver, loadScript(seeds));
    expect(await dump(driver)).toEqual(cleanDump);
  });

  it('completes a load killed half-way when run again, identical to a clean load', async () => {
    await wipe(driver);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/bin.ts'), 'load', '--graph', seedsFile, '--batch-size', '25', '--concurrency', '1', '-v'], { cwd: ROOT, env: { ...process.env, ...liveEnv() } });
    let killedAt = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const batch = /batch (\d+)\/(\d+): relationships/.exec(chunk.toString());
      if (batch && !killedAt && Number(batch[1]) >= 40) {
        killedAt = batch[0];
        child.kill('SIGKILL');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(killedAt, 'the load should be killed in the middle of its relationship batches').not.toBe('');
    expect(code).toBeNull();
    const partial = await counts(driver);
    const loadedRelationships = Object.values(partial.relationships).reduce((a, b) => a + b, 0);
    expect(loadedRelationships).toBeGreaterThan(0);
    expect(loadedRelationships).toBeLessThan(seeds.relationships.length);

    const again = forumkgLive(['load', '--graph', seedsFile]);
    expect(again.code, again.stderr).toBe(0);
    expect(await counts(driver)).toEqual(graphCounts(seeds));
    expect(await dump(driver)).toEqual(cleanDump);
  });

  it('adds a graph built from more transcripts to what is there: no node twice, aliases and mentions merged', async () => {
    await wipe(driver);
    const some = (await buildFromPaths([path.join(SEEDS, '000_fd0956bc4824aa51.txt'), path.join(SEEDS, '002_006024088c0cb5f1.txt')])).graph;
    const others = (await buildFromPaths([path.join(SEEDS, '001_36b022c5dd94acb0.txt'), path.join(SEEDS, '003_87ebb27bd3d100dc.txt')])).graph;
    await loadGraph(driver, some, { database: live.database, batchSize: 500, concurrency: 2 });
    await loadGraph(driver, others, { database: live.database, batchSize: 500, concurrency: 2 });
    await loadGraph(driver, seeds, { database: live.database, batchSize: 500, concurrency: 2 });
    const ids = new Set([...some.nodes, ...others.nodes, ...seeds.nodes].map((n) => n.id));
    const total = Object.values((await counts(driver)).nodes).reduce((a, b) => a + b, 0);
    expect(total).toBe(ids.size);

    const inBoth = some.nodes.filter((n) => n.label === 'Organization' && others.nodes.some((o) => o.id === n.id));
    expect(inBoth.length).toBeGreaterThan(5);
    const { records } = await driver.executeQuery('MATCH (n:Organization) WHERE n.id IN $ids RETURN n.id AS id, n.aliases AS aliases, n.mentions AS mentions, n.mentionCount AS mentionCount', { ids: inBoth.map((n) => n.id) }, { database: live.database });
    for (const record of records) {
      const id = record.get('id') as string;
      const expected = (pick: (g: Graph) => string[]) => new Set([some, others, seeds].flatMap(pick));
      const node = (g: Graph) => g.nodes.find((n) => n.id === id);
      expect(new Set(record.get('aliases'))).toEqual(expected((g) => node(g)?.aliases ?? []));
      expect(new Set(record.get('mentions'))).toEqual(expected((g) => node(g)?.mentions.map((m) => `${m.source}:${m.line}: ${m.text}`) ?? []));
      expect(record.get('mentionCount')).toBe((record.get('mentions') as string[]).length);
    }
  });

  it('round-trips names with quotes, backticks, $ and line breaks exactly, through the loader and through load.cypher', async () => {
    const graph = awkwardGraph();
    const read = async () => {
      const { records } = await driver.executeQuery('MATCH (n) WHERE n:Organization OR n:Forum RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.mentions AS mentions ORDER BY id', {}, { database: live.database });
      const rels = await driver.executeQuery('MATCH ()-[r:PARTNERS_WITH|MENTIONED_IN]->() RETURN r.id AS id, r.evidence AS evidence, r.forums AS forums, r.lines AS lines ORDER BY id', {}, { database: live.database });
      return { nodes: records.map((r) => r.toObject()), rels: rels.records.map((r) => r.toObject()) };
    };
    await wipe(driver);
    await loadGraph(driver, graph, { database: live.database, batchSize: 2, concurrency: 2 });
    const viaDriver = await read();
    for (const node of graph.nodes) {
      const found = viaDriver.nodes.find((n) => n.id === node.id);
      expect(found?.name).toBe(node.name);
      expect(found?.aliases).toEqual(node.aliases);
    }
    expect(viaDriver.rels.find((r) => r.lines)?.lines).toEqual([1, 7]);
    expect(viaDriver.rels.map((r) => r.evidence).flat()).toContain(`odd "file".txt:3: line one\nline two\r\nthree\ttab said "yes" for $1`);

    await wipe(driver);
    await runScript(driver, loadScript(graph));
    expect(await read()).toEqual(viaDriver);
  });

  it('fails with one clear line and a distinct exit code: wrong password, closed port, unknown database; graph.json untouched', async () => {
    const before = createHash('sha256').update(readFileSync(seedsFile)).digest('hex');
    const wrong = forumkgLive(['load', '--graph', seedsFile], { NEO4J_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr.trim()).toMatch(/^forumkg: Neo4j at \S+ refused user "neo4j": wrong NEO4J_PASSWORD/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).not.toContain('not-the-password');

    const closed = forumkgLive(['load', '--graph', seedsFile, '--uri', `bolt://127.0.0.1:${await freePort()}`]);
    expect(closed.code).toBe(4);
    expect(closed.stderr.trim()).toMatch(/^forumkg: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+: start one with `npm run neo4j` .* or `docker compose up -d`/);
    expect(closed.stderr.trim().split('\n')).toHaveLength(1);

    const database = forumkgLive(['load', '--graph', seedsFile, '--database', 'nosuchdatabase']);
    expect(database.code).toBe(5);
    expect(database.stderr.trim()).toMatch(/^forumkg: Neo4j at \S+ has no database "nosuchdatabase"/);
    expect(createHash('sha256').update(readFileSync(seedsFile)).digest('hex')).toBe(before);
  });

  it('--wipe needs --yes, and removes only forumkg labels', async () => {
    await driver.executeQuery('MERGE (:NotForumkg {id: "keep-me"})', {}, { database: live.database });
    const refused = forumkgLive(['load', '--graph', seedsFile, '--wipe']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --yes to confirm/);
    expect(Object.values((await counts(driver)).nodes).reduce((a, b) => a + b, 0)).toBeGreaterThan(1);

    const wiped = forumkgLive(['load', '--graph', seedsFile, '--wipe', '--yes']);
    expect(wiped.code, wiped.stderr).toBe(0);
    expect(wiped.stdout).toMatch(/wiped \d+ forumkg nodes/);
    expect(wiped.stdout).toContain(`${seeds.nodes.length} nodes (${seeds.nodes.length} created, 0 merged)`);
    const after = await counts(driver);
    expect(after.nodes.NotForumkg).toBe(1);
    await driver.executeQuery('MATCH (n:NotForumkg) DELETE n', {}, { database: live.database });
  });
});
