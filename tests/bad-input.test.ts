import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphSchema, type Graph } from '../src/graph/schema.js';
import { LOGICAL_LINE_CHARS } from '../src/ingest/index.js';
import { ROOT, SEEDS } from './helpers.js';
import { buildUser, makeBadInputCorpus, type BadInputCorpus, type BuildUser } from './support/bad-inputs.js';

/**
 * Issue 6, bad input: one build (the real command line, in a child process) over a folder holding every
 * kind of bad file, plus a path that does not exist. Each file must be processed correctly or rejected
 * with its path and a reason on stderr and in report.md; the rest is still processed; exit code 1.
 */

let corpus: BadInputCorpus;
let user: BuildUser;
let run: { code: number | null; stdout: string; stderr: string };
let graph: Graph;
let report: string;
let peakRssMb: number;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'forumkg-bad-input-'));
  user = buildUser(ROOT);
  corpus = makeBadInputCorpus(root, { seeds: SEEDS, user });
  const out = path.join(root, 'out');
  mkdirSync(out);
  chmodSync(out, 0o777);
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/bin.ts'), 'build', corpus.dir, ...corpus.extraArgs, '--out', out, '-v'], {
    cwd: ROOT,
    env: { ...process.env, HOME: root },
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    uid: user.uid,
    gid: user.gid,
  });
  run = { code: child.status, stdout: child.stdout, stderr: child.stderr };
  if (child.error) throw child.error;
  graph = GraphSchema.parse(JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8')));
  report = readFileSync(path.join(out, 'report.md'), 'utf8');
  peakRssMb = Number(/peak RSS (\d+) MB/.exec(run.stdout)?.[1]);
}, 320_000);

const mentionsOf = (file: string) =>
  graph.nodes.filter((n) => n.label !== 'Forum' && n.label !== 'SigningEvent').flatMap((n) => n.mentions.filter((m) => m.source === file).map((m) => ({ node: n.id, line: m.line, text: m.text })))
    .sort((a, b) => a.line - b.line || a.text.localeCompare(b.text) || a.node.localeCompare(b.node));

describe('a build over a folder of bad inputs', () => {
  it('exits 1, without a stack trace, and still builds the good files', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
    expect(graph.sources.map((s) => s.file)).toContain('reference.txt');
  });

  it('keeps memory bounded (peak RSS of the whole build, 50 MB line included, under 1.5 GB)', () => {
    console.info(`bad-input build: peak RSS ${peakRssMb} MB`);
    expect(peakRssMb).toBeGreaterThan(0);
    expect(peakRssMb).toBeLessThan(1536);
  });

  it('processes or rejects each input as it should, naming file and reason on stderr and in report.md', () => {
    const rejectedLines = run.stderr.split('\n').filter((l) => l.startsWith('forumkg: rejected '));
    const sources = new Set(graph.sources.map((s) => s.file));
    for (const input of corpus.inputs) {
      const line = rejectedLines.find((l) => l.startsWith(`forumkg: rejected ${input.path}: `));
      if (input.outcome === 'rejected') {
        expect(line, `${input.what}: ${input.path} not rejected`).toBeDefined();
        expect(line!, input.what).toMatch(input.reason!);
        const row = report.split('\n').find((l) => l.startsWith(`| \`${input.path}\` |`));
        expect(row, `${input.what}: not in report.md`).toBeDefined();
        expect(row!, input.what).toMatch(input.reason!);
      } else {
        expect(line, `${input.what}: ${line}`).toBeUndefined();
        expect(sources.has(path.basename(input.path)), `${input.what} not in graph.sources`).toBe(true);
      }
    }
    // nothing else was rejected (the folder loop sub/back, the 1,000 small files)
    expect(rejectedLines).toHaveLength(corpus.inputs.filter((i) => i.outcome === 'rejected').length);
  });

  it('rejects a file it cannot read', (ctx) => {
    if (!corpus.unreadableProven) ctx.skip(user.unprovable ?? 'the file without read permission is readable here');
    expect(run.stderr).toContain(`forumkg: rejected ${path.join(corpus.dir, 'locked.txt')}: permission denied`);
  });

  it('reads GBK, UTF-16 (both byte orders) and UTF-8 with BOM and CRLF into exactly the mentions of the UTF-8 file', () => {
    const reference = mentionsOf('reference.txt');
    expect(reference.length).toBeGreaterThan(50);
    for (const file of ['gbk.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf8-bom-crlf.txt']) expect(mentionsOf(file), file).toEqual(reference);
  });

  it('matches traditional Chinese as simplified while mentions keep the traditional characters', () => {
    const sensetime = graph.nodes.find((n) => n.id === 'org:商汤科技')!;
    const traditional = sensetime.mentions.filter((m) => m.source === 'traditional.txt');
    expect(traditional.length).toBeGreaterThan(5);
    expect(new Set(traditional.map((m) => m.text))).toContain('商湯科技');
    for (const m of traditional) expect(m.text).not.toMatch(/汤/);
    const simplified = mentionsOf('simplified-002.txt');
    expect(mentionsOf('traditional.txt').length).toBeGreaterThanOrEqual(0.9 * simplified.length);
    const nodesOf = (file: string) => new Set(mentionsOf(file).map((m) => m.node));
    const shared = [...nodesOf('simplified-002.txt')].filter((id) => nodesOf('traditional.txt').has(id));
    expect(shared.length).toBeGreaterThanOrEqual(0.9 * nodesOf('simplified-002.txt').size);
  });

  it('reads a talk written on one line like the same talk in lines, citing the file line', () => {
    const fileLines = readFileSync(path.join(corpus.dir, 'one-line.txt'), 'utf8').split('\n');
    expect(fileLines[1]!.length).toBeGreaterThan(2 * LOGICAL_LINE_CHARS);
    const oneLine = mentionsOf('one-line.txt');
    for (const m of oneLine) {
      expect(m.line).toBeLessThanOrEqual(2);
      expect(fileLines[m.line - 1]).toContain(m.text);
    }
    const nodes = (file: string) => new Set(mentionsOf(file).map((m) => m.node));
    const reference = nodes('reference.txt');
    const found = [...reference].filter((id) => nodes('one-line.txt').has(id));
    expect(found.length).toBeGreaterThanOrEqual(0.9 * reference.size);
  });

  it('reads the text of an HTML page, not its markup, scripts, styles or comments', () => {
    const page = mentionsOf('page.txt');
    expect(page.some((m) => m.node === 'org:中国电信')).toBe(true);
    const text = page.map((m) => m.text).join('\n');
    expect(text).not.toMatch(/[<>"=]|阿里巴巴|腾讯|百度/);
    const lines = readFileSync(path.join(corpus.dir, 'page.txt'), 'utf8').split('\n');
    for (const m of page) expect(lines[m.line - 1], m.text).toContain(m.text);
  });

  it('builds all 1,000 small files', () => {
    const sources = new Set(graph.sources.map((s) => s.file));
    expect(corpus.manyFiles).toHaveLength(1000);
    for (const file of corpus.manyFiles) expect(sources.has(file), file).toBe(true);
    const gao = graph.nodes.find((n) => n.label === 'Person' && n.name === '高同庆')!;
    expect(new Set(gao.mentions.map((m) => m.source)).size).toBeGreaterThanOrEqual(10);
  });
});
