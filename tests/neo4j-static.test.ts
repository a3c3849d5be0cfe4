import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { LABEL_PROPERTIES, TYPE_PROPERTIES } from '../src/graph/rows.js';
import { GraphSchema, NODE_LABELS, RELATIONSHIP_TYPES, type Graph } from '../src/graph/schema.js';
import { loadBatches, parameterizedStatement, schemaStatements, wipeStatement } from '../src/graph/statements.js';
import { loadScript } from '../src/sinks/export/cypher.js';
import { graphJson } from '../src/sinks/export/index.js';
import { CYPHER_DIR, parseSavedQuery, readSavedQueries } from '../src/sinks/neo4j/queries.js';
import { buildSeeds, forumkg, ROOT } from './helpers.js';

/** What Neo4j's linter may assume exists: forumkg's labels, types and properties, and nothing else. */
function forumkgSchema(parameters: string[]): DbSchema {
  const properties = new Set(['id', 'name', 'aliases', 'mentions', 'mentionCount', 'evidence', ...Object.values(LABEL_PROPERTIES).flat(), ...Object.values(TYPE_PROPERTIES).flat()]);
  // `start` and `end` are fields of the relationship rows (row.start), which the linter counts as property keys
  for (const rowField of ['start', 'end']) properties.add(rowField);
  const mock = testData.mockSchema as DbSchema;
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...properties],
    parameters: Object.fromEntries(parameters.map((p) => [p, ''])),
    procedures: mock.procedures,
    functions: mock.functions,
  };
}

function problems(query: string, parameters: string[] = []): string[] {
  return lintCypherQuery(query, forumkgSchema(parameters)).diagnostics
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message} (at ${JSON.stringify(query.slice(d.offsets.start, d.offsets.end))})`);
}

/** A few nodes of every label and a few relationships of every type and end labels, with the nodes they need. */
function sample(graph: Graph, perGroup = 3): Graph {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const seen = new Map<string, number>();
  const relationships = graph.relationships.filter((r) => {
    const key = `${r.type}|${label.get(r.start)}|${label.get(r.end)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return seen.get(key)! <= perGroup;
  });
  const needed = new Set(relationships.flatMap((r) => [r.start, r.end]));
  return GraphSchema.parse({ ...graph, nodes: graph.nodes.filter((n) => needed.has(n.id)), relationships });
}

describe("Cypher checked with Neo4j's own linter (@neo4j-cypher/language-support)", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = (await buildSeeds()).graph;
  });

  it('finds unknown labels, types and properties (the check can fail)', () => {
    expect(problems('MATCH (o:Organisation)-[:PARTNER_OF]->(p) RETURN o.nmae')).toHaveLength(3);
    expect(problems('MATCH (o:Organization {id: $x}) RETURN o.name')).toHaveLength(1);
  });

  it('every saved query parses with no error and no unknown label, type or property', () => {
    const queries = readSavedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(16);
    for (const query of queries) expect(problems(query.cypher, query.params.map((p) => p.name)), query.file).toEqual([]);
  });

  it('every statement the loader sends parses cleanly: schema, node and relationship MERGEs, wipe', () => {
    const statements = new Set([...schemaStatements(), wipeStatement(), ...loadBatches(graph, 1000).map(parameterizedStatement)]);
    expect(statements.size).toBeGreaterThan(15);
    for (const statement of statements) expect(problems(statement, ['rows']), statement).toEqual([]);
  });

  it('load.cypher parses cleanly (the seeds sampled: every statement shape, literal rows included) and cypher/schema.cypher is the loader schema', () => {
    const script = loadScript(sample(graph));
    expect(script).toContain('PARTNERS_WITH');
    expect(problems(script)).toEqual([]);
    const schemaFile = readFileSync(path.join(CYPHER_DIR, 'schema.cypher'), 'utf8');
    expect(problems(schemaFile)).toEqual([]);
    expect(schemaFile.split('\n').filter((l) => l && !l.startsWith('//'))).toEqual(schemaStatements().map((s) => `${s};`));
  });
});

describe('saved query files', () => {
  it('each has a name (matching its file), what it answers, and its parameters with an example', () => {
    for (const query of readSavedQueries()) {
      expect(`${query.name}.cypher`).toBe(query.file);
      expect(query.answers.length).toBeGreaterThan(20);
      for (const param of query.params) {
        expect(query.cypher).toContain(`$${param.name}`);
        expect(param.example).not.toBe('');
      }
      expect(query.cypher.match(/\$([A-Za-z_]\w*)/g)?.map((p) => p.slice(1)).sort() ?? []).toEqual(expect.arrayContaining(query.params.map((p) => p.name)));
    }
  });

  it('rejects a header it cannot read', () => {
    expect(() => parseSavedQuery('x.cypher', '// name: x\n// answers: y\n// param: org\nRETURN 1')).toThrow(/cannot read "\/\/ param: org"/);
    expect(() => parseSavedQuery('x.cypher', '// name: x\nRETURN 1')).toThrow(/answers/);
  });

  it('forumkg queries lists them offline; forumkg query needs its parameters and never takes a password flag', () => {
    const list = forumkg(['queries']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('partners  (--param org=中国电信)');
    expect(forumkg(['query', 'no-such-query']).code).toBe(2);
    const password = forumkg(['load', '--password', 'secret123']);
    expect(password.code).toBe(2);
    expect(password.stderr).toMatch(/unknown option '--password'/);
  });

  it('style.grass gives every label a colour, a size and name as caption', () => {
    const grass = readFileSync(path.join(CYPHER_DIR, 'style.grass'), 'utf8');
    for (const label of NODE_LABELS) {
      const block = new RegExp(`node\\.${label} \\{\\n([\\s\\S]*?)\\n\\}`).exec(grass)?.[1] ?? '';
      expect(block, label).toMatch(/color: #[0-9A-F]{6};/);
      expect(block, label).toMatch(/diameter: \d+px;/);
      expect(block, label).toContain('caption: "{name}";');
    }
  });
});

describe('forumkg load without a usable configuration', () => {
  it('npm start style --if-configured does nothing when NEO4J_URI is unset', () => {
    const result = forumkg(['load', '--if-configured', '--graph', 'no-such.json'], { env: { NEO4J_URI: '' }, cwd: path.join(ROOT, 'tests') });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('asks for NEO4J_PASSWORD (never a flag) before touching the network', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'forumkg-nopw-')), 'graph.json');
    writeFileSync(file, graphJson((await buildSeeds()).graph));
    const result = forumkg(['load', '--graph', file], { env: { NEO4J_PASSWORD: '' }, cwd: path.join(ROOT, 'tests') });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('forumkg: NEO4J_PASSWORD is not set: put it in the environment or in .env (see .env.example); it is never taken from the command line');
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));
  const neo4j = compose.services.neo4j;

  it('pins Neo4j 5.26 Community with APOC core, a named volume and a health check', () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.26\.\d+-community$/);
    expect(JSON.parse(neo4j.environment.NEO4J_PLUGINS)).toEqual(['apoc']);
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
    expect(neo4j.healthcheck.test.join(' ')).toMatch(/7474/);
  });

  it('binds 7474 and 7687 to 127.0.0.1 only, and has no default password anywhere', () => {
    expect(neo4j.ports).toEqual(['127.0.0.1:${NEO4J_HTTP_PORT:-7474}:7474', '127.0.0.1:${NEO4J_BOLT_PORT:-7687}:7687']);
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(readFileSync(path.join(ROOT, '.env.example'), 'utf8')).toMatch(/^NEO4J_PASSWORD=$/m);
    expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });
});
