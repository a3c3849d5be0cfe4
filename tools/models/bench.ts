/**
 * `npm run bench:models`: times `forumkg build seeds` (the built CLI, startup included) with and without the
 * models installed by `npm run models`, alternating runs, and prints the medians and their ratio (target:
 * with models under 3× without). Wall time, and CPU time of the build process (user + system), which
 * other work on the machine disturbs less.
 *
 *   npm run bench:models [-- --runs 5] [-- --inputs some/folder]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModels, modelsHome } from '../../src/models/cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const runs = Number(argument('runs', '3'));
const inputs = path.resolve(argument('inputs', path.join(ROOT, 'seeds')));
const home = modelsHome();
const found = findModels(home);
if (!found.lac && !found.embed) {
  process.stderr.write(`bench:models: no models installed in ${home}; run \`npm run models\` first (FORUMKG_MODELS changes the folder)\n`);
  process.exit(3);
}

const work = mkdtempSync(path.join(tmpdir(), 'forumkg-bench-'));
// a preload that reports the build process's CPU time when it exits
const probe = path.join(work, 'cpu.mjs');
const cpuFile = path.join(work, 'cpu.json');
writeFileSync(probe, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(cpuFile)}, JSON.stringify((u.user + u.system) / 1e6)); });\n`);

function build(withModels: boolean): { wall: number; cpu: number } {
  const args = ['--import', probe, path.join(ROOT, 'dist', 'cli', 'bin.js'), 'build', inputs, '--out', path.join(work, 'out'), '-q', ...(withModels ? [] : ['--no-models'])];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, FORUMKG_MODELS: home } });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`build ${withModels ? 'with' : 'without'} models failed (exit ${result.status}): ${result.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const without: Array<{ wall: number; cpu: number }> = [];
const withModels: Array<{ wall: number; cpu: number }> = [];
build(true); // warm the file cache
for (let i = 0; i < runs; i++) {
  without.push(build(false));
  withModels.push(build(true));
}
rmSync(work, { recursive: true, force: true });

const line = (label: string, samples: Array<{ wall: number; cpu: number }>) =>
  `  ${label.padEnd(15)} ${median(samples.map((s) => s.wall)).toFixed(2)} s wall, ${median(samples.map((s) => s.cpu)).toFixed(2)} s CPU`;
const ratio = (pick: (s: { wall: number; cpu: number }) => number) => median(withModels.map(pick)) / median(without.map(pick));
process.stdout.write([
  `forumkg build ${path.relative(process.cwd(), inputs) || inputs} (built CLI, startup included), median of ${runs} runs each:`,
  line('without models', without),
  line('with models', withModels) + `  (${[found.lac && 'LAC', found.embed && 'multilingual-e5-small'].filter(Boolean).join(' + ')} from ${home})`,
  `  ratio           ${ratio((s) => s.wall).toFixed(2)}× wall, ${ratio((s) => s.cpu).toFixed(2)}× CPU (target: under 3×)`,
  '',
].join('\n'));
