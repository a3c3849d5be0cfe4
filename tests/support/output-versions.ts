/** Two versions of a build's outputs, to tell after a crash which version each file on disk belongs to. */
export function outputVersion(version: 'A' | 'B'): Map<string, string> {
  const big = (tag: string) => JSON.stringify({ version: tag, nodes: Array.from({ length: 20000 }, (_, i) => ({ id: `org:${tag}${i}`, name: `公司${i}` })) });
  const files = new Map<string, string>([
    ['graph.json', big(version)],
    ['csv/nodes_Organization.csv', `id:ID,name\r\norg:${version},${version}\r\n`],
    ['report.md', `# report ${version}\n`],
    [`csv/only_${version}.csv`, `only in ${version}\r\n`],
  ]);
  return files;
}

/** The steps the writer reports for version B, in order. */
export const STEPS_B = ['staged', 'manifest', 'moved csv/nodes_Organization.csv', 'moved report.md', 'moved csv/only_B.csv', 'moved graph.json', 'done'];
