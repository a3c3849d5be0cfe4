import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/schema.js';
import { graphJson } from '../../src/sinks/export/index.js';
import { loadGraph } from '../../src/sinks/neo4j/load.js';
import { exampleParameters, queryParameters, readSavedQueries, runSavedQuery, type QueryResult } from '../../src/sinks/neo4j/queries.js';
import { buildSeeds, forumkg } from '../helpers.js';
import { forumkgLive, live, liveDriver, wipe } from './live.js';
import { writeFileSync } from 'node:fs';

describe.skipIf(Boolean(live.skip))('saved queries and CSV export against a live Neo4j loaded with the seeds', () => {
  let driver: Driver;
  let graph: Graph;
  const results = new Map<string, QueryResult>();
  const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-live-queries-'));
  const graphFile = path.join(dir, 'graph.json');

  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name;
  const rels = (type: string) => graph.relationships.filter((r) => r.type === type);
  const orgId = (org: string) => graph.nodes.find((n) => n.label === 'Organization' && (n.name === org || n.aliases.includes(org)))!.id;

  beforeAll(async () => {
    driver = liveDriver();
    graph = (await buildSeeds()).graph;
    writeFileSync(graphFile, graphJson(graph));
    await wipe(driver);
    await loadGraph(driver, graph, { database: live.database, batchSize: 1000, concurrency: 2 });
    for (const query of readSavedQueries()) {
      results.set(query.name, await runSavedQuery(driver, query, queryParameters(query, exampleParameters(query)), live.database));
    }
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('runs every saved query with its example parameters and gets rows', () => {
    expect(results.size).toBeGreaterThanOrEqual(16);
    for (const [queryName, result] of results) expect(result.rows.length, queryName).toBeGreaterThan(0);
  });

  it('partners: the partners of 中国电信 with basis and evidence', () => {
    const id = orgId('中国电信');
    const expected = rels('PARTNERS_WITH').filter((r) => r.start === id || r.end === id).map((r) => name(r.start === id ? r.end : r.start)).sort();
    const rows = results.get('partners')!.rows;
    expect(rows.map((r) => r.partner).sort()).toEqual(expected);
    expect(rows.every((r) => ['signing', 'joint-launch', 'stated'].includes(r.basis as string) && (r.evidence as string[]).length > 0)).toBe(true);
  });

  it('partnerships, partnership-network, signings, signing-participants: one row per relationship or event', () => {
    expect(results.get('partnerships')!.rows).toHaveLength(rels('PARTNERS_WITH').length);
    expect(results.get('partnership-network')!.rows).toHaveLength(rels('PARTNERS_WITH').length);
    expect(results.get('signing-participants')!.rows).toHaveLength(rels('PARTY_TO').length + rels('SIGNED').length);
    const signings = results.get('signings')!.rows;
    expect(signings).toHaveLength(graph.nodes.filter((n) => n.label === 'SigningEvent').length);
    const telecom = signings.find((r) => r.event === '中国电信算力与大模型合作签约仪式')!;
    const event = graph.nodes.find((n) => n.name === '中国电信算力与大模型合作签约仪式')!;
    expect((telecom.parties as string[]).sort()).toEqual(rels('PARTY_TO').filter((r) => r.end === event.id).map((r) => name(r.start)).sort());
    expect(telecom.forum).toBe('星辰注智 焕新领航——中国电信星辰人工智能生态论坛');
  });

  it('people, models-and-products, forums-of: what the graph says of the organisation', () => {
    const telecom = orgId('中国电信');
    expect(results.get('people')!.rows.map((r) => r.person).sort()).toEqual(rels('AFFILIATED_WITH').filter((r) => r.end === telecom).map((r) => name(r.start)).sort());
    const sensetime = orgId('商汤科技');
    expect(results.get('models-and-products')!.rows.map((r) => r.name).sort()).toEqual(
      [...rels('DEVELOPS'), ...rels('OFFERS')].filter((r) => r.start === sensetime).map((r) => name(r.end)).sort());
    const forums = new Set([...rels('MENTIONED_IN'), ...rels('ORGANIZED')].filter((r) => r.start === sensetime).map((r) => name(r.end)));
    const rows = results.get('forums-of')!.rows;
    expect(new Set(rows.map((r) => r.forum))).toEqual(forums);
    expect(rows.find((r) => r.organized)?.forum).toBe('大爱无疆·向新力——2024商汤科技人工智能论坛');
  });

  it('co-occurring, most-connected, name-variants: rankings that agree with graph.json', () => {
    const forumsOf = new Map<string, Set<string>>();
    for (const r of rels('MENTIONED_IN').filter((r) => r.start.startsWith('org:'))) forumsOf.set(r.start, (forumsOf.get(r.start) ?? new Set()).add(r.end));
    const orgs = [...forumsOf.keys()];
    let best = 0;
    for (let i = 0; i < orgs.length; i++) for (let j = i + 1; j < orgs.length; j++) best = Math.max(best, [...forumsOf.get(orgs[i]!)!].filter((f) => forumsOf.get(orgs[j]!)!.has(f)).length);
    const cooccurring = results.get('co-occurring')!.rows;
    expect(cooccurring).toHaveLength(20);
    expect(cooccurring[0]!.forums_together).toBe(best);

    const top = results.get('most-connected')!.rows[0]!;
    expect(top.organization).toBe('中国电信');
    expect(top.connections).toBe(graph.relationships.filter((r) => r.type !== 'MENTIONED_IN' && (r.start === orgId('中国电信') || r.end === orgId('中国电信'))).length);

    const variants = results.get('name-variants')!.rows;
    const maxAliases = Math.max(...graph.nodes.filter((n) => ['Organization', 'Person', 'Model', 'Product'].includes(n.label)).map((n) => n.aliases.length));
    expect(variants[0]!.variants).toBe(maxAliases);
  });

  it('neighbourhood, shortest-path, find: paths for the Browser, and full-text search (商汤 finds 商汤科技)', () => {
    const paths = results.get('neighbourhood')!.rows.map((r) => r.path as { start: { properties: { name: string } }; length: number });
    expect(paths.every((p) => p.start.properties.name === '中国电信' && p.length >= 1 && p.length <= 2)).toBe(true);
    const shortest = results.get('shortest-path')!.rows[0]!;
    expect((shortest.chain as string[])[0]).toBe('商汤科技');
    expect((shortest.chain as string[]).at(-1)).toBe('清华大学');
    expect(shortest.hops).toBe((shortest.chain as string[]).length - 1);
    expect(results.get('find')!.rows[0]!.name).toBe('商汤科技');
  });

  it('forumkg query prints table, csv and json; forumkg queries lists them all', () => {
    const list = forumkg(['queries']);
    expect(list.code).toBe(0);
    for (const query of readSavedQueries()) expect(list.stdout).toContain(query.name);
    const table = forumkgLive(['query', 'partners', '--param', 'org=中国电信']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^partner\s+│ basis/);
    expect(table.stdout).toContain(`(${results.get('partners')!.rows.length} rows)`);
    const csv = forumkgLive(['query', 'partnerships', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('organization_a,organization_b,basis,forums,evidence');
    const json = JSON.parse(forumkgLive(['query', 'people', '-p', 'org=中国电信', '-f', 'json']).stdout);
    expect(json.map((r: { person: string }) => r.person).sort()).toEqual(results.get('people')!.rows.map((r) => r.person).sort());
    const missing = forumkgLive(['query', 'partners']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--param org=中国电信');
  });

  it('export csv --from-neo4j writes the same five tables as the export from graph.json, and shows edits made in Neo4j', async () => {
    const fromFile = path.join(dir, 'file');
    const fromNeo4j = path.join(dir, 'neo4j');
    expect(forumkg(['export', 'csv', '--graph', graphFile, '--out', fromFile]).code).toBe(0);
    const exported = forumkgLive(['export', 'csv', '--from-neo4j', '--out', fromNeo4j]);
    expect(exported.code, exported.stderr).toBe(0);
    const tables = readdirSync(fromFile).filter((f) => f.endsWith('.csv')).sort();
    expect(tables).toEqual(['affiliations.csv', 'developers.csv', 'offerings.csv', 'partnerships.csv', 'signings.csv']);
    for (const table of tables) expect(readFileSync(path.join(fromNeo4j, table), 'utf8'), table).toBe(readFileSync(path.join(fromFile, table), 'utf8'));

    await driver.executeQuery("MATCH (o:Organization {id: $id}) SET o.name = '=中国电信(edited)'", { id: orgId('中国电信') }, { database: live.database });
    try {
      expect(forumkgLive(['export', 'csv', '--from-neo4j', '--out', fromNeo4j]).code).toBe(0);
      const partnerships = readFileSync(path.join(fromNeo4j, 'partnerships.csv'), 'utf8');
      expect(partnerships).toContain("'=中国电信(edited)");
      expect(partnerships).not.toMatch(/(^|,)=中国电信/m);
    } finally {
      await driver.executeQuery('MATCH (o:Organization {id: $id}) SET o.name = $name', { id: orgId('中国电信'), name: '中国电信' }, { database: live.database });
    }
  });
});
