import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GraphSchema, NODE_LABELS, RELATIONSHIP_TYPES } from '../src/graph/schema.js';
import { embedJson, graphHtml, inlineScriptText, viewModel, ViewModelSchema } from '../src/sinks/html/index.js';
import { buildArtifacts, contentText } from '../src/sinks/export/index.js';
import { normalizeName } from '../src/util/text.js';
import { buildSeeds } from './helpers.js';
import { HOSTILE_ID, HOSTILE_NAME, withHostileEntity } from './support/hostile.js';

function embeddedData(html: string): unknown {
  const match = /<script id="graph-data" type="application\/json">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no graph-data element');
  return JSON.parse(match[1]!);
}

describe('graph page (out/graph.html)', () => {
  it('is written by every build, with every node and relationship of the graph embedded', async () => {
    const result = await buildSeeds();
    const files = buildArtifacts({ graph: result.graph, resolution: result.resolution, rejections: result.rejections, documents: result.documents });
    const html = files.get('graph.html');
    expect(html).toBeDefined();
    const view = ViewModelSchema.parse(embeddedData(contentText(html!)));
    expect(view.nodes.map((n) => n.id)).toEqual(result.graph.nodes.map((n) => n.id));
    expect(view.edges.map((e) => e.id)).toEqual(result.graph.relationships.map((r) => r.id));
    expect(view.labels.map((l) => l.label).sort()).toEqual([...NODE_LABELS].sort());
    expect(view.types.map((t) => t.type).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(new Set(view.labels.map((l) => `${l.color} ${l.shape}`)).size).toBe(NODE_LABELS.length);
  });

  it('keys every entity by its name, aliases and mention texts, and places it in the forums it appears in', async () => {
    const { graph } = await buildSeeds();
    const view = viewModel(graph);
    const sensetime = view.nodes.find((n) => n.id === 'org:商汤科技')!;
    expect(sensetime.keys).toContain(normalizeName('商汤'));
    expect(sensetime.keys).toContain(normalizeName('SenseTime'));
    const telecom = view.nodes.find((n) => n.id === 'org:中国电信')!;
    const telecomForum = graph.sources.find((s) => s.file === '000_fd0956bc4824aa51.txt')!.id;
    expect(telecom.forums).toContain(telecomForum);
    expect(telecom.keys).toContain(normalizeName('中电信'));
    // a mention on a line some relationship quotes carries that quote
    const quoted = telecom.mentions.filter((m) => m.quote);
    expect(quoted.length).toBeGreaterThan(0);
    for (const m of quoted) expect(m.quote).toContain(m.text);
    const partnership = view.edges.find((e) => e.type === 'PARTNERS_WITH' && e.source === 'org:三峡集团' && e.target === 'org:中国电信')!;
    expect(partnership.forums).toEqual([telecomForum]);
    expect(partnership.facts).toContainEqual(['basis', 'signing']);
  });

  it('embeds hostile names as inert data: one data element, only its own scripts, each allowed by its CSP hash', async () => {
    const { graph } = await buildSeeds();
    const hostile = GraphSchema.parse(withHostileEntity(graph, 'org:中国电信'));
    const html = graphHtml(hostile);
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img');
    expect(html.match(/<script[\s>]/g)).toHaveLength(6); // data, cytoscape, layout-base, cose-base, fcose, viewer
    expect(html.match(/<\/script>/g)).toHaveLength(6);
    const view = ViewModelSchema.parse(embeddedData(html));
    const node = view.nodes.find((n) => n.id === HOSTILE_ID)!;
    expect(node.name).toBe(HOSTILE_NAME);
    expect(node.mentions[0]!.quote).toBe(`said: ${HOSTILE_NAME} </textarea>`);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(/default-src 'none'/);
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
    expect(scripts).toHaveLength(5);
    for (const code of scripts) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    }
  });

  it('escapes what could end a script element, and reads back unchanged', () => {
    const value = { name: '</script><!-- & \u2028 >' };
    const json = embedJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(inlineScriptText('a = "</script>"; b = "<!--";\r\n')).toBe('a = "<\\/script>"; b = "<\\!--";\n');
  });
});
