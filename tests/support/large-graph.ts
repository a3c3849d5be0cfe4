import type { Graph, GraphNode, GraphRelationship } from '../../src/graph/schema.js';

/**
 * A graph of `size` nodes made from a real one: copies of it (ids and file names marked with the copy
 * number), joined by partnerships between organisations of neighbouring copies so the copies form one
 * web as many forums would, topped up with lone organisations. Deterministic.
 */
export function largeGraph(base: Graph, size = 2000): Graph {
  const copies = Math.max(1, Math.floor(size / base.nodes.length));
  const mark = (id: string, copy: number) => (copy === 0 ? id : `${id}#${copy}`);
  const file = (name: string, copy: number) => (copy === 0 ? name : `${copy}_${name}`);
  const graph: Graph = { version: 1, sources: [], nodes: [], relationships: [] };
  for (let copy = 0; copy < copies; copy++) {
    graph.sources.push(...base.sources.map((s) => ({ ...s, id: mark(s.id, copy), file: file(s.file, copy) })));
    graph.nodes.push(...base.nodes.map((n): GraphNode => {
      const mentions = n.mentions.map((m) => ({ ...m, source: file(m.source, copy) }));
      if (n.label === 'Forum') return { ...n, id: mark(n.id, copy), mentions, properties: { ...n.properties, source: file(n.properties.source, copy) } };
      return { ...n, id: mark(n.id, copy), mentions };
    }));
    graph.relationships.push(...base.relationships.map((r): GraphRelationship => ({
      ...r,
      id: mark(r.id, copy),
      start: mark(r.start, copy),
      end: mark(r.end, copy),
      properties: Array.isArray(r.properties.forums) ? { ...r.properties, forums: r.properties.forums.map((f) => mark(String(f), copy)) } : r.properties,
      evidence: r.evidence.map((e) => ({ ...e, source: file(e.source, copy) })),
    })));
  }
  const orgs = base.nodes.filter((n) => n.label === 'Organization');
  let seed = 7;
  const pick = () => orgs[(seed = (seed * 16807) % 2147483647) % orgs.length]!;
  const sourceFile = base.sources[0]?.file ?? 'generated.txt';
  for (let i = 0; copies > 1 && i < 60 * copies; i++) {
    const copy = i % copies;
    const start = mark(pick().id, copy);
    const end = mark(pick().id, (copy + 1) % copies);
    const id = `PARTNERS_WITH:${start}->${end}:${i}`;
    graph.relationships.push({ id, type: 'PARTNERS_WITH', start, end, properties: { basis: 'stated', forums: [] }, evidence: [{ source: sourceFile, line: 1, quote: 'generated' }] });
  }
  for (let i = graph.nodes.length; i < size; i++) {
    graph.nodes.push({ id: `org:generated ${i}`, label: 'Organization', name: `Generated ${i}`, aliases: [], properties: { kind: 'company' }, mentions: [{ source: sourceFile, line: 1, text: `Generated ${i}` }] });
  }
  return graph;
}
