import type { Graph } from '../../src/graph/schema.js';

/** A name that would run script, break out of JSON or a template, or be mangled, if the page treated it as anything but text. */
export const HOSTILE_NAME = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> \'"`${window.__pwned=3}` $& $1 <!-- \u2028\n第二行 🤖';
export const HOSTILE_ID = `org:${HOSTILE_NAME}`;

/** The graph with one more organisation under the hostile name, partnered with `partnerId`, its quotes hostile too. */
export function withHostileEntity(graph: Graph, partnerId: string): Graph {
  const source = graph.sources[0]!.file;
  return {
    ...graph,
    nodes: [...graph.nodes, {
      id: HOSTILE_ID, label: 'Organization', name: HOSTILE_NAME, aliases: [`${HOSTILE_NAME} alias`],
      properties: { kind: 'company' }, mentions: [{ source, line: 1, text: HOSTILE_NAME }],
    }],
    relationships: [...graph.relationships, {
      id: `PARTNERS_WITH:${HOSTILE_ID}->${partnerId}`, type: 'PARTNERS_WITH', start: HOSTILE_ID, end: partnerId,
      properties: { basis: 'stated', forums: [] }, evidence: [{ source, line: 1, quote: `said: ${HOSTILE_NAME} </textarea>` }],
    }],
  };
}
