import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatReport, readGold, reportJson, scoreGraph } from '../../eval/index.js';
import { GraphSchema, type Graph } from '../../graph/schema.js';
import { EXIT, UserError } from '../errors.js';

export function readGraphFile(file: string): Graph {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${file} does not exist; run \`forumkg build <transcripts> --out <dir>\` first` : `${file}: cannot read the graph (${(error as Error).message})`);
  }
  const parsed = GraphSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${file}: not a forumkg graph.json (${issue.path.join('.')}: ${issue.message})`);
  }
  return parsed.data;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score a graph against gold annotations: per-type precision/recall/F1, core recall, duplicate rate, canonical names, relations, signing events')
    .requiredOption('-g, --graph <file>', 'graph.json written by forumkg build', 'out/graph.json')
    .requiredOption('--gold <path>', 'a gold .json file or a folder of them', 'tests/gold')
    .option('--json', 'print the scores as JSON')
    .option('--details', 'also list missing and spurious entities per transcript')
    .action((options: { graph: string; gold: string; json?: boolean; details?: boolean }) => {
      const graph = readGraphFile(options.graph);
      let golds;
      try {
        golds = readGold(options.gold);
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      const known = new Set(graph.sources.map((s) => s.file));
      const missing = golds.filter((g) => !known.has(g.source)).map((g) => g.source);
      if (missing.length) process.stderr.write(`forumkg: note: the graph has no transcript named ${missing.join(', ')} (scored as empty)\n`);
      const report = scoreGraph(graph, golds);
      process.stdout.write(options.json ? JSON.stringify(reportJson(report), null, 2) + '\n' : formatReport(report, { details: options.details }));
      process.exitCode = EXIT.ok;
    });
}
