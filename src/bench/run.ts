import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinLexiconFiles } from '../lexicon/load.js';
import { findModels, modelsHome } from '../models/cache.js';
import { lexiconNames, readSeeds, writeCorpus } from './corpus.js';

/**
 * `npm run bench`: builds synthetic corpora of about 1, 10 and 100 MB from the seeds, and for each one
 * times the floor (read + jieba, one thread) and the forumkg build (the real command line), each as a
 * fresh process, wall clock, startup included. Prints the table and checks the targets of issue 6.
 * The build runs with --no-models (the rules alone) unless --models is given: then it uses the NER and
 * embedding models `npm run models` installed, as a plain `forumkg build` would.
 * Options: --sizes 1,10,100 (MB)  --keep (leave the corpora in the temporary folder)  --models
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const MB = 1024 * 1024;

interface Timed {
  seconds: number;
  stdout: string;
}

function timed(args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ seconds, stdout });
    });
  });
}

interface Row {
  label: string;
  files: number;
  mb: number;
  build: number;
  floor: number;
  peakRssMb: number;
  cpuSeconds: number;
  floorRssMb: number;
  floorCpuSeconds: number;
  timings: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const sizes = (option('--sizes') ?? '1,10,100').split(',').map(Number);
  const keep = process.argv.includes('--keep');
  const withModels = process.argv.includes('--models');
  const installed = Object.values(findModels()).map((m) => m.manifest.name);
  const modelsLine = withModels
    ? `models: on (${installed.length ? installed.join(', ') : 'none installed'}, from ${modelsHome()})`
    : `models: off (build --no-models: the rules alone${installed.length ? `; installed here but not used: ${installed.join(', ')}; --models to use them` : ''})`;
  const work = mkdtempSync(path.join(tmpdir(), 'forumkg-bench-'));
  const names = lexiconNames(builtinLexiconFiles());
  const seeds = readSeeds(path.join(ROOT, 'seeds'), names);
  process.stderr.write(`forumkg bench: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; corpora in ${work}\n${modelsLine}\n`);
  const loadBefore = loadavg()[0]!;
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      const corpus = path.join(work, `corpus-${size}mb`);
      const { files, bytes } = writeCorpus(corpus, size * MB, seeds, names);
      process.stderr.write(`  ${size} MB: ${files} files written; floor…`);
      const floor = await timed([path.join(here, 'floor.js'), corpus]);
      const floorStats = JSON.parse(floor.stdout) as { peakRssMb: number; cpuSeconds: number };
      process.stderr.write(` ${floor.seconds.toFixed(1)} s; build…`);
      const build = await timed([path.join(ROOT, 'dist/cli/bin.js'), 'build', corpus, '--out', path.join(work, `out-${size}mb`), '--verbose', '--no-progress', ...(withModels ? [] : ['--no-models'])]);
      process.stderr.write(` ${build.seconds.toFixed(1)} s\n`);
      const resources = /peak RSS (\d+) MB, CPU ([\d.]+) s/.exec(build.stdout);
      rows.push({
        label: `${size} MB`, files, mb: bytes / MB, build: build.seconds, floor: floor.seconds,
        peakRssMb: Number(resources?.[1]), cpuSeconds: Number(resources?.[2]), floorRssMb: floorStats.peakRssMb, floorCpuSeconds: floorStats.cpuSeconds,
        timings: /timings \(ms\): (.*)/.exec(build.stdout)?.[1] ?? '',
      });
      if (!keep) rmSync(corpus, { recursive: true, force: true });
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${modelsLine}\n\n`);
  printTable(rows);
  // Other work on the machine slows both the floor and the build: say how busy it was.
  process.stdout.write(`load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${availableParallelism()} cores\n`);
  return checkTargets(rows) ? 0 : 1;
}

function printTable(rows: Row[]): void {
  const out = [
    '| corpus | files | build (s) | throughput (MB/s) | peak RSS (MB) | build CPU (s) | cores used | floor (s) | floor CPU (s) | build ÷ floor | CPU ÷ floor CPU |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.mb.toFixed(1)} MB | ${r.files} | ${r.build.toFixed(1)} | ${(r.mb / r.build).toFixed(2)} | ${r.peakRssMb} | ${r.cpuSeconds.toFixed(1)} | ${(r.cpuSeconds / r.build).toFixed(2)} | ${r.floor.toFixed(1)} | ${r.floorCpuSeconds.toFixed(1)} | ${(r.build / r.floor).toFixed(1)} | ${(r.cpuSeconds / r.floorCpuSeconds).toFixed(1)} |`),
  ];
  process.stdout.write(out.join('\n') + '\n\n');
  for (const r of rows) process.stdout.write(`${r.label}: build stages (ms) ${r.timings}; floor peak RSS ${r.floorRssMb} MB\n`);
}

function checkTargets(rows: Row[]): boolean {
  const checks: Array<[string, boolean]> = [];
  for (const r of rows) checks.push([`${r.label}: build ÷ floor ≤ 3 (${(r.build / r.floor).toFixed(1)})`, r.build / r.floor <= 3]);
  for (let i = 1; i < rows.length; i++) {
    const growth = rows[i]!.mb / rows[i - 1]!.mb;
    const cost = rows[i]!.build / rows[i - 1]!.build;
    checks.push([`${rows[i - 1]!.label} → ${rows[i]!.label}: ${growth.toFixed(1)}× the corpus costs ≤ ${(growth * 1.1).toFixed(1)}× the time (${cost.toFixed(1)}×)`, cost <= growth * 1.1]);
  }
  const largest = rows.at(-1);
  if (largest && largest.mb >= 90) checks.push([`${largest.label}: peak RSS ≤ 500 MB (${largest.peakRssMb})`, largest.peakRssMb <= 500]);
  for (const r of rows.filter((x) => x.files > 1)) checks.push([`${r.label}: both cores used (CPU ÷ wall ${(r.cpuSeconds / r.build).toFixed(2)} ≥ 1.5)`, r.cpuSeconds / r.build >= 1.5]);
  process.stdout.write('\ntargets:\n');
  for (const [what, ok] of checks) process.stdout.write(`  ${ok ? 'met   ' : 'MISSED'} ${what}\n`);
  return checks.every(([, ok]) => ok);
}

process.exitCode = await main();
