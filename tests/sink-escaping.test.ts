import { highlightSyntax, lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { GraphSchema, type Graph } from '../src/graph/schema.js';
import { ARRAY_DELIMITER, buildArtifacts, contentText, graphJson } from '../src/sinks/export/index.js';

/**
 * Issue 6, safe output: names with quotes, backticks, $, line breaks and emoji come out of every file
 * sink unchanged. Each output is parsed back (JSON, RFC 4180 CSV, Cypher through Neo4j's own parser)
 * and compared with the graph that went in.
 */

const NASTY = [
  `O'Reilly "AI" 实验室`,
  '反引号`科技`公司',
  '$美元${x}科技',
  '换行\n公司',
  '回车\r\n集团',
  '表情😊🚀科技 👨‍👩‍👧',
  '反斜杠\\n不是换行\\',
  '制表\t符号',
  '<script>alert("x")</script>',
  "引号 ' \" ` 混合",
  '括号{}[]:,逗号',
  '段落\u2028分隔',
];

function nastyGraph(): Graph {
  const source = { id: 'forum:论坛', file: `a'b"c.txt`, title: `论坛 "$x" \`y\``, date: '2024-07-05', sha256: '0'.repeat(64) };
  const orgs = NASTY.map((name, i) => ({
    id: `org:${name}`, label: 'Organization' as const, name, aliases: [`${name}别名`, NASTY[(i + 1) % NASTY.length]!],
    properties: { kind: 'company' as const }, mentions: [{ source: source.file, line: i + 1, text: name }],
  }));
  const person = {
    id: 'person:张"三', label: 'Person' as const, name: '张"三', aliases: [], properties: { titles: ['首席`执行官`', '$总裁\n'] },
    mentions: [{ source: source.file, line: 1, text: '张"三' }],
  };
  const forum = { id: source.id, label: 'Forum' as const, name: source.title, aliases: [], properties: { title: source.title, date: source.date, source: source.file }, mentions: [] };
  const evidence = (i: number) => [{ source: source.file, line: i + 1, quote: `引用：${NASTY[i]}` }];
  const graph = {
    version: 1 as const,
    sources: [source],
    nodes: [...orgs, person, forum],
    relationships: [
      ...orgs.slice(1).map((o, i) => ({
        id: `PARTNERS_WITH:${orgs[0]!.id}->${o.id}`, type: 'PARTNERS_WITH' as const, start: orgs[0]!.id, end: o.id,
        properties: { basis: 'stated', forums: [forum.id] }, evidence: evidence(i + 1),
      })),
      { id: 'AFFILIATED_WITH:x', type: 'AFFILIATED_WITH' as const, start: person.id, end: orgs[3]!.id, properties: { title: '首席`执行官`' }, evidence: evidence(3) },
    ],
  };
  return GraphSchema.parse(graph);
}

/** RFC 4180: records end with CRLF; fields with commas, quotes or line breaks are quoted, quotes doubled. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    expect(c, `unquoted ${JSON.stringify(c)} at ${i}`).not.toMatch(/["\r\n]/);
    field += c;
    i++;
  }
  expect(field, 'the file ends with CRLF').toBe('');
  return rows;
}

function table(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** The value of a Cypher string literal, by the escapes of the Cypher manual. */
function unescapeCypher(literal: string): string {
  const quote = literal[0]!;
  expect(["'", '"']).toContain(quote);
  expect(literal.at(-1)).toBe(quote);
  return literal.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    expect(simple, `unknown escape \\${e}`).toHaveProperty(e);
    return simple[e]!;
  });
}

describe('names that are hard to quote, through every file sink', () => {
  const graph = nastyGraph();
  const files = buildArtifacts({ graph, resolution: { entities: [], mentionEntity: {}, review: [] }, rejections: [], documents: [] });
  const text = (file: string) => contentText(files.get(file)!);

  it('graph.json parses back to the same graph', () => {
    expect(JSON.parse(text('graph.json'))).toEqual(graph);
    expect(JSON.parse(graphJson(graph))).toEqual(graph);
  });

  it('the neo4j-admin import CSV parses back to the same names, aliases, mentions and titles', () => {
    const orgs = table(text('csv/nodes_Organization.csv'));
    for (const node of graph.nodes.filter((n) => n.label === 'Organization')) {
      const row = orgs.find((r) => r['id:ID'] === node.id);
      expect(row, node.id).toBeDefined();
      expect(row!.name).toBe(node.name);
      expect(row!['aliases:string[]']!.split(ARRAY_DELIMITER)).toEqual(node.aliases);
      expect(row!['mentions:string[]']).toBe(`${node.mentions[0]!.source}:${node.mentions[0]!.line}: ${node.mentions[0]!.text}`);
    }
    const [person] = table(text('csv/nodes_Person.csv'));
    expect(person!['titles:string[]']!.split(ARRAY_DELIMITER)).toEqual(['首席`执行官`', '$总裁\n']);
    const rels = table(text('csv/rels_PARTNERS_WITH.csv'));
    expect(rels.map((r) => r[':END_ID'])).toEqual(graph.nodes.filter((n) => n.label === 'Organization').slice(1).map((n) => n.id));
  });

  it('the plain tables parse back to the same names and quotes', () => {
    const partnerships = table(text('csv/partnerships.csv'));
    expect(partnerships.map((r) => r.organization_b).sort()).toEqual(NASTY.slice(1).sort());
    for (const row of partnerships) {
      const n = row.organization_b!;
      expect(row.organization_a).toBe(NASTY[0]);
      expect(row.evidence).toBe(`a'b"c.txt:${NASTY.indexOf(n) + 1}: 引用：${n}`);
    }
    const [affiliation] = table(text('csv/affiliations.csv'));
    expect(affiliation).toMatchObject({ person: '张"三', organization: NASTY[3], title: '首席`执行官`' });
  });

  it('load.cypher is valid Cypher whose string literals hold every name exactly', () => {
    const script = text('load.cypher');
    const errors = lintCypherQuery(script, {}).diagnostics.filter((d) => d.severity === 1);
    expect(errors.map((d) => `${d.message} at ${JSON.stringify(script.slice(d.offsets.start - 20, d.offsets.end + 20))}`)).toEqual([]);
    const literals = new Set(highlightSyntax(script).filter((t) => t.tokenType === 'stringLiteral').map((t) => unescapeCypher(t.token)));
    for (const node of graph.nodes) {
      expect(literals, node.id).toContain(node.id);
      expect(literals, node.name).toContain(node.name);
      for (const alias of node.aliases) expect(literals, alias).toContain(alias);
      for (const m of node.mentions) expect(literals).toContain(`${m.source}:${m.line}: ${m.text}`);
    }
    expect(literals).toContain('$总裁\n');
    for (const rel of graph.relationships) for (const e of rel.evidence) expect(literals).toContain(`${e.source}:${e.line}: ${e.quote}`);
  }, 180_000); // the Cypher linter takes seconds to start
});
