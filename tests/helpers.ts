import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildFromPaths, type BuildResult } from '../src/pipeline.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS = path.join(ROOT, 'seeds');
export const GOLD = path.join(ROOT, 'tests', 'gold');
/** Hand-written transcripts of other forums, with their gold (tests/written.md). */
export const WRITTEN = path.join(ROOT, 'tests', 'written');
/** Hand-written reports of other kinds (press release, news, WeChat recap, interview, list, bilingual, traditional, one keynote, a summit's news, a Q&A, a weekly round-up, a programme) with their gold. */
export const REPORTS = path.join(ROOT, 'tests', 'reports');

let seedBuild: Promise<BuildResult> | undefined;
/** The build of the five seed transcripts, made once per test file. */
export function buildSeeds(): Promise<BuildResult> {
  seedBuild ??= buildFromPaths([SEEDS]);
  return seedBuild;
}

let emptyModels: string | undefined;
/** An empty models cache: the command line finds no installed models unless a test gives FORUMKG_MODELS. */
export function emptyModelsHome(): string {
  emptyModels ??= mkdtempSync(path.join(tmpdir(), 'forumkg-no-models-'));
  return emptyModels;
}

/** Runs the forumkg command line from source (through tsx), as a user would run the built one. */
export function forumkg(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    // the user's models cache (npm run models) must not change what the tests see
    env: { ...process.env, FORUMKG_MODELS: emptyModelsHome(), ...options.env },
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
