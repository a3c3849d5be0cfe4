import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphSchema } from '../src/graph/schema.js';
import { forumkg, GOLD, SEEDS } from './helpers.js';

describe('forumkg command line', () => {
  it('documents every command in --help', () => {
    const { code, stdout } = forumkg(['--help']);
    expect(code).toBe(0);
    for (const command of ['build', 'eval']) expect(stdout).toContain(command);
  });

  it('exits 2 on a usage error', () => {
    const { code, stderr } = forumkg(['build']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing required argument/);
  });

  it('builds the seeds into the five outputs and scores them against the gold', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'forumkg-cli-'));
    const build = forumkg(['build', SEEDS, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/5 transcript\(s\)/);
    for (const file of ['graph.json', 'load.cypher', 'report.md', 'merges.json', 'csv/partnerships.csv', 'csv/nodes_Organization.csv', 'csv/rels_AFFILIATED_WITH.csv']) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const graph = GraphSchema.parse(JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8')));
    expect(graph.nodes.filter((n) => n.label === 'Forum')).toHaveLength(5);
    expect(readFileSync(path.join(out, 'csv/nodes_Organization.csv'), 'utf8').split('\r\n')[0]).toBe('id:ID,name,aliases:string[],mentions:string[],mentionCount:int,kind,:LABEL');
    expect(readFileSync(path.join(out, 'csv/partnerships.csv'), 'utf8')).toMatch(/^organization_a,organization_b,basis,forums,evidence\r\n/);
    expect(readFileSync(path.join(out, 'load.cypher'), 'utf8')).toMatch(/CREATE CONSTRAINT organization_id IF NOT EXISTS/);
    const report = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(report).toContain('中国电信算力与大模型合作签约仪式');
    expect(report).toContain('### Merges');

    const evaluation = forumkg(['eval', '--graph', path.join(out, 'graph.json'), '--gold', GOLD]);
    expect(evaluation.code).toBe(0);
    expect(evaluation.stdout).toMatch(/transcript 000_fd0956bc4824aa51\.txt/);
    expect(evaluation.stdout).toMatch(/typed entity F1 +P \d\.\d\d +R \d\.\d\d +F1 \d\.\d\d/);
    expect(evaluation.stdout).toMatch(/PARTNERS_WITH/);
    const json = JSON.parse(forumkg(['eval', '--graph', path.join(out, 'graph.json'), '--gold', GOLD, '--json']).stdout);
    expect(json.total.signings.found).toBe(json.total.signings.gold);
  });

  it('exits 1 when an input is rejected, still processing the others, and names file and reason', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-bad-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'ok.txt'), '# P1：20240101-测试论坛 - x\n让我们掌声欢迎中国移动副总经理高同庆先生。\n');
    const out = path.join(dir, 'out');
    const { code, stderr } = forumkg(['build', dir, path.join(dir, 'missing.txt'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path.join(dir, 'empty.txt')}: empty`);
    expect(stderr).toContain(`${path.join(dir, 'missing.txt')}: does not exist`);
    const graph = JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8'));
    expect(graph.nodes.some((n: { name: string }) => n.name === '高同庆')).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to overwrite a file forumkg did not write', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'forumkg-out-'));
    writeFileSync(path.join(out, 'graph.json'), 'precious');
    const { code, stderr } = forumkg(['build', path.join(SEEDS, '004_63ab01cae3d359a2.txt'), '--out', out]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/was not written by forumkg/);
    expect(readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe('precious');
  });
});
