import type { Graph } from '../../graph/schema.js';
import { graphHtml } from '../html/index.js';
import { importFiles, relationshipTables } from './csv.js';
import { loadScript } from './cypher.js';
import { mergesJson, reportMarkdown, type ReportInput } from './report.js';

export * from './csv.js';
export * from './cypher.js';
export * from './report.js';
export { writeOutputs, OutputError, MANIFEST } from './write.js';

export function graphJson(graph: Graph): string {
  return JSON.stringify(graph, null, 1) + '\n';
}

/** Every file a build writes under --out, by relative path. */
export function buildArtifacts(input: ReportInput): Map<string, string> {
  const files = new Map<string, string>();
  files.set('graph.json', graphJson(input.graph));
  for (const [name, content] of importFiles(input.graph)) files.set(`csv/${name}`, content);
  for (const [name, content] of relationshipTables(input.graph)) files.set(`csv/${name}`, content);
  files.set('load.cypher', loadScript(input.graph));
  files.set('report.md', reportMarkdown(input));
  files.set('merges.json', mergesJson(input.resolution));
  files.set('graph.html', graphHtml(input.graph));
  return files;
}
