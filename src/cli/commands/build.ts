import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { GraphSchema, type Graph } from '../../graph/schema.js';
import { buildFromPaths } from '../../pipeline.js';
import { readOverrides, type Overrides } from '../../resolve/overrides.js';
import { readManifest } from '../../sinks/export/write.js';
import { defaultJobs } from '../../workers/pool.js';
import { buildArtifacts, writeOutputs } from '../../sinks/export/index.js';
import { describeModels, ModelError, modelsHint, type ModelOptions } from '../../models/index.js';
import { EXIT, UserError } from '../errors.js';

export interface BuildCommandOptions {
  out: string;
  lexicon?: string[];
  maxFileMb: number;
  jobs?: number;
  quiet?: boolean;
  verbose?: boolean;
  progress?: boolean;
  overrides?: string;
  fresh?: boolean;
  models?: boolean;
  ner?: 'lac' | 'none';
  nerModel?: string;
  nerLabels?: ModelOptions['nerLabels'];
  embedModel?: string;
}

export const DEFAULT_OVERRIDES = 'forumkg.resolution.json';

/** The graph of the previous build in the output folder, when forumkg wrote it (for stable ids). */
async function previousGraph(outDir: string): Promise<Graph | undefined> {
  try {
    if (!(await readManifest(outDir)).has('graph.json')) return undefined;
    const parsed = GraphSchema.safeParse(JSON.parse(readFileSync(path.join(outDir, 'graph.json'), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('read transcripts (.txt, .md; files or folders) and write graph.json, csv/, load.cypher, report.md, merges.json and graph.html')
    .argument('<inputs...>', 'transcript files or folders (folders are read recursively)')
    .requiredOption('-o, --out <dir>', 'output folder', 'out')
    .option('--lexicon <file...>', 'extra lexicon JSON files (organizations, models, products, people, titles)')
    .addOption(new Option('--max-file-mb <n>', 'reject transcripts larger than this').default(64).argParser(positiveNumber))
    .addOption(new Option('-j, --jobs <n>', `transcripts extracted at once: on the main thread and N-1 worker threads, or on N workers with a NER model (default: one per core, at most 4, here ${defaultJobs()}, for inputs over 4 MB, or 256 KB with a NER model; one below)`).argParser(positiveInteger))
    .option('--overrides <file>', `resolution decisions to apply (merge, split, rename, retype, ignore); default ./${DEFAULT_OVERRIDES} when it exists`)
    .option('--fresh', 'do not reuse the names and ids of the previous graph.json in the output folder')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print timings, peak memory, CPU time and per-file counts')
    .option('--no-models', 'use no NER or embedding model, even when `npm run models` installed them')
    .addOption(new Option('--ner <kind>', 'named-entity model: lac (installed by `npm run models`) or none').choices(['lac', 'none']))
    .option('--ner-model <dir>', 'a transformers.js token-classification model (folder, or hub id) to use instead of LAC')
    .addOption(new Option('--ner-labels <map>', 'its entity labels → PER, ORG, LOC, nz, e.g. person=PER,company=ORG (default: inferred from its config.json)').argParser(labelMap))
    .option('--embed-model <dir>', 'a transformers.js feature-extraction model (folder, or hub id), or none; default: multilingual-e5-small when installed')
    .action(async (inputs: string[], options: BuildCommandOptions) => {
      process.exitCode = await runBuild(inputs, options);
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a whole number above 0, got "${value}"`);
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return n;
}

function labelMap(value: string): NonNullable<ModelOptions['nerLabels']> {
  const map: NonNullable<ModelOptions['nerLabels']> = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const [label, ours] = pair.split('=').map((s) => s.trim());
    if (!label || !ours || !['PER', 'ORG', 'LOC', 'nz'].includes(ours)) throw new InvalidArgumentError(`expected label=PER|ORG|LOC|nz pairs separated by commas, got "${pair}"`);
    map[label] = ours as 'PER' | 'ORG' | 'LOC' | 'nz';
  }
  return map;
}

function modelOptions(options: BuildCommandOptions): ModelOptions {
  return {
    enabled: options.models !== false,
    ...(options.ner ? { ner: options.ner } : {}),
    ...(options.nerModel ? { nerModel: options.nerModel } : {}),
    ...(options.nerLabels ? { nerLabels: options.nerLabels } : {}),
    ...(options.embedModel ? { embedModel: options.embedModel } : {}),
  };
}

/**
 * V8 lets its heap grow to about twice what is live before it collects again: a large build then holds
 * hundreds of MB of garbage (100 MB of transcripts: peak RSS 775 MB; growing by 10%: 463–476 MB, for about
 * 5% more CPU; `npm run bench`). For a small build the default is faster (the seeds: 3.6 s, against 4.0 s).
 * A GC heuristic, read at each collection, so it can be set once the inputs are known.
 */
const COMPACT_HEAP_FROM_BYTES = 32 * 1024 * 1024;
const COMPACT_HEAP_GROWING_PERCENT = 10;

export async function runBuild(inputs: string[], options: BuildCommandOptions): Promise<number> {
  const started = performance.now();
  const showBar = options.progress !== false && !options.quiet && process.stderr.isTTY;
  const bar = showBar ? new cliProgress.SingleBar({ stream: process.stderr, format: 'extracting [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  let barStarted = false;
  const overridesFile = options.overrides ?? (existsSync(DEFAULT_OVERRIDES) ? DEFAULT_OVERRIDES : undefined);
  const overrides: Overrides | undefined = overridesFile ? readOverrides(overridesFile) : undefined;
  const models = modelOptions(options);
  const hint = options.quiet ? undefined : modelsHint(models);
  if (hint) process.stderr.write(`forumkg: ${hint}\n`);
  const result = await buildFromPaths(inputs, {
    models,
    keepExtractions: false,
    lexiconFiles: options.lexicon,
    ...(overrides ? { overrides } : {}),
    ...(options.fresh ? {} : { previousGraph: await previousGraph(options.out) }),
    maxFileBytes: options.maxFileMb * 1024 * 1024,
    jobs: options.jobs,
    onInputs: ({ bytes }) => {
      if (bytes >= COMPACT_HEAP_FROM_BYTES) setFlagsFromString(`--heap-growing-percent=${COMPACT_HEAP_GROWING_PERCENT}`);
    },
    onProgress: (done, total, file) => {
      if (!bar) return;
      if (!barStarted) {
        bar.start(total, 0, { file: '' });
        barStarted = true;
      }
      bar.update(done, { file: path.basename(file) });
    },
  }).catch((error: unknown) => {
    bar?.stop();
    throw error instanceof ModelError ? new UserError(error.message) : error;
  });
  bar?.stop();
  for (const r of result.rejections) process.stderr.write(`forumkg: rejected ${r.path}: ${r.reason}\n`);
  const notes = result.overrides ? [
    `Overrides from ${overridesFile}: ${result.overrides.applied.length} applied.`,
    ...result.overrides.unmatched.map((u) => `Override matched nothing: ${u}`),
  ] : [];
  if (result.models.length) notes.push(describeModels(result.models));
  for (const u of result.overrides?.unmatched ?? []) process.stderr.write(`forumkg: ${overridesFile}: override matched nothing: ${u}\n`);
  const sinksStarted = performance.now();
  const files = buildArtifacts({ graph: result.graph, resolution: result.resolution, rejections: result.rejections, documents: result.documents, notes });
  await writeOutputs(options.out, files);
  result.timings.write = Math.round(performance.now() - sinksStarted);
  if (!options.quiet) {
    const counts = new Map<string, number>();
    for (const n of result.graph.nodes) counts.set(n.label, (counts.get(n.label) ?? 0) + 1);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `forumkg: ${result.documents.length} transcript(s) → ${result.graph.nodes.length} nodes (${[...counts].map(([l, c]) => `${l} ${c}`).join(', ')}), ` +
      `${result.graph.relationships.length} relationships in ${seconds}s; wrote ${path.join(options.out, 'graph.json')} and ${files.size - 1} more files\n`,
    );
    if (options.verbose) {
      if (result.models.length) process.stdout.write(`${describeModels(result.models)}\n`);
      process.stdout.write(`timings (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
      const usage = process.resourceUsage();
      process.stdout.write(`resources: peak RSS ${Math.round(usage.maxRSS / 1024)} MB, CPU ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(1)} s\n`);
      for (const d of result.documents) process.stdout.write(`  ${d.file}: ${d.lines} lines, ${d.mentions} mentions (${d.encoding})\n`);
    }
  }
  if (result.documents.length === 0 && result.rejections.length === 0) {
    process.stderr.write('forumkg: no .txt or .md transcripts found in the given inputs\n');
    return EXIT.rejected;
  }
  return result.rejections.length ? EXIT.rejected : EXIT.ok;
}
