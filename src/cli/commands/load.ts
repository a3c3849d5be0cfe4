import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { NODE_LABELS } from '../../graph/schema.js';
import type { LoadSummary } from '../../sinks/neo4j/load.js';
import { describeTarget, environmentWithDotEnv } from '../../sinks/neo4j/settings.js';
import { EXIT, UserError } from '../errors.js';
import { readGraphFile } from './eval.js';
import { addNeo4jOptions, withSettings } from './neo4j-options.js';

interface LoadCommandOptions {
  graph: string;
  uri?: string;
  user?: string;
  database?: string;
  batchSize: number;
  concurrency: number;
  wipe?: boolean;
  yes?: boolean;
  ifConfigured?: boolean;
  progress?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerLoad(program: Command): void {
  addNeo4jOptions(program
    .command('load')
    .description('load graph.json into Neo4j: constraints and full-text index, then batched MERGE of nodes and relationships (idempotent)'))
    .requiredOption('-g, --graph <file>', 'graph.json written by forumkg build', 'out/graph.json')
    .addOption(new Option('--batch-size <n>', 'rows per transaction').default(1000).argParser(wholeNumber))
    .addOption(new Option('--concurrency <n>', 'batches written at once (relationship batches only when they share no node)').default(2).argParser(wholeNumber))
    .option('--wipe', `first delete every node labelled ${NODE_LABELS.join(', ')} (needs --yes)`)
    .option('--yes', 'confirm --wipe')
    .option('--if-configured', 'do nothing unless NEO4J_URI is set (npm start uses this)')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print one line per batch')
    .action(async (options: LoadCommandOptions) => {
      process.exitCode = await runLoad(options);
    });
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a whole number above 0, got "${value}"`);
  return n;
}

function describeSummary(summary: LoadSummary): string {
  const part = (counts: LoadSummary['nodes'], what: string) => `${counts.rows} ${what} (${counts.created} created, ${counts.merged} merged)`;
  return `${part(summary.nodes, 'nodes')} and ${part(summary.relationships, 'relationships')} in ${summary.batches} batches, ${summary.seconds.toFixed(1)}s`;
}

export async function runLoad(options: LoadCommandOptions): Promise<number> {
  if (options.ifConfigured && !environmentWithDotEnv().NEO4J_URI) return EXIT.ok;
  if (options.wipe && !options.yes) {
    throw new UserError(`--wipe deletes every node labelled ${NODE_LABELS.join(', ')} and its relationships; add --yes to confirm`, EXIT.usage);
  }
  const graph = readGraphFile(options.graph);
  // the driver is loaded only by the commands that talk to Neo4j
  const { withNeo4j } = await import('../../sinks/neo4j/connect.js');
  const { loadGraph, wipeForumkgLabels } = await import('../../sinks/neo4j/load.js');
  return withSettings(options, async (settings) => withNeo4j(settings, async (driver) => {
    const target = describeTarget(settings);
    if (options.wipe) {
      const deleted = await wipeForumkgLabels(driver, settings.database);
      if (!options.quiet) process.stdout.write(`forumkg: wiped ${deleted} forumkg nodes from ${target}\n`);
    }
    const showBar = options.progress !== false && !options.quiet && !options.verbose && process.stderr.isTTY;
    const bar = showBar ? new cliProgress.SingleBar({ stream: process.stderr, format: 'loading [{bar}] {value}/{total} batches {what}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
    let barStarted = false;
    const summary = await loadGraph(driver, graph, {
      database: settings.database,
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      onBatch: ({ done, total, batch }) => {
        if (options.verbose) process.stderr.write(`batch ${done}/${total}: ${batch.kind} ${batch.what}, ${batch.rows.length} rows\n`);
        if (!bar) return;
        if (!barStarted) {
          bar.start(total, 0, { what: '' });
          barStarted = true;
        }
        bar.update(done, { what: `${batch.kind} ${batch.what}` });
      },
    }).finally(() => bar?.stop());
    if (!options.quiet) process.stdout.write(`forumkg: loaded ${describeSummary(summary)} into ${target}\n`);
    return EXIT.ok;
  }));
}
