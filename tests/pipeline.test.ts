import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertValidGraph, GraphSchema } from '../src/graph/schema.js';
import { ZodError } from 'zod';
import { LexiconError } from '../src/lexicon/load.js';
import type { BuildResult } from '../src/pipeline.js';
import { buildFromPaths } from '../src/pipeline.js';
import { buildSeeds, SEEDS } from './helpers.js';

let result: BuildResult;
beforeAll(async () => {
  result = await buildSeeds();
});

const seedLines = new Map<string, string[]>();
function lineOf(file: string, line: number): string {
  if (!seedLines.has(file)) seedLines.set(file, readFileSync(path.join(SEEDS, file), 'utf8').split(/\r?\n/));
  return seedLines.get(file)![line - 1] ?? '';
}

describe('graph of the five seed transcripts', () => {
  it('validates against the graph.json contract, with one Forum per transcript', () => {
    expect(() => GraphSchema.parse(result.graph)).not.toThrow();
    expect(() => assertValidGraph(result.graph)).not.toThrow();
    expect(result.graph.sources).toHaveLength(5);
    expect(result.graph.nodes.filter((n) => n.label === 'Forum')).toHaveLength(5);
    expect(result.rejections).toEqual([]);
  });

  it('checks a graph item by item as GraphSchema does, naming where it is wrong', () => {
    const broken = structuredClone(result.graph);
    const person = broken.nodes.findIndex((n) => n.label === 'Person');
    (broken.nodes[person]!.properties as { titles: unknown }).titles = 'CEO';
    broken.relationships[3]!.end = 'org:不存在的公司';
    const paths = (graph: unknown) => {
      try {
        assertValidGraph(graph as typeof result.graph);
      } catch (error) {
        expect(error).toBeInstanceOf(ZodError);
        return (error as ZodError).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(paths(broken)).toEqual([`nodes.${person}.properties.titles`]);
    expect(GraphSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.'))).toEqual([`nodes.${person}.properties.titles`]);
    // once every item is well formed, the links between them are checked
    (broken.nodes[person]!.properties as { titles: unknown }).titles = ['CEO'];
    expect(paths(broken)).toEqual(['relationships.3.end']);
    expect(GraphSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.'))).toEqual(['relationships.3.end']);
  });

  it('reads forum titles and dates from the title lines', () => {
    const forum = result.graph.nodes.find((n) => n.label === 'Forum' && n.properties.source === '002_006024088c0cb5f1.txt');
    expect(forum).toMatchObject({ name: '大爱无疆·向新力——2024商汤科技人工智能论坛', properties: { date: '2024-07-05' } });
  });

  it('cites every mention verbatim at its line, and every relationship with evidence from its line', () => {
    for (const node of result.graph.nodes) {
      if (node.label === 'Forum' || node.label === 'SigningEvent') continue;
      expect(node.mentions.length, node.id).toBeGreaterThan(0);
      for (const m of node.mentions) expect(lineOf(m.source, m.line), `${node.id} ${m.source}:${m.line}`).toContain(m.text);
    }
    for (const rel of result.graph.relationships) {
      expect(rel.evidence.length).toBeGreaterThan(0);
      for (const e of rel.evidence) expect(lineOf(e.source, e.line).length, rel.id).toBeGreaterThan(0);
    }
  });

  it('finds the signing ceremony of the China Telecom forum with its parties', () => {
    const event = result.graph.nodes.find((n) => n.label === 'SigningEvent' && n.mentions.some((m) => m.source === '000_fd0956bc4824aa51.txt'));
    expect(event?.name).toBe('中国电信算力与大模型合作签约仪式');
    const parties = result.graph.relationships.filter((r) => r.type === 'PARTY_TO' && r.end === event!.id).map((r) => r.start);
    expect(parties).toEqual(expect.arrayContaining(['org:中国电信', 'org:商汤科技', 'org:中国商飞', 'org:中国石化']));
    expect(parties.length).toBeGreaterThanOrEqual(10);
    // items run together by speech recognition: 中航信南网大数据 names the grid's data company, not the grid;
    // 五志愿 is 智源 with a garbled syllable before it, and 智源 is named elsewhere in the transcript
    const names = parties.map((id) => result.graph.nodes.find((n) => n.id === id)!.name);
    expect(names).toEqual(expect.arrayContaining(['中国航信', '南方电网大数据公司', '北京智源人工智能研究院']));
    expect(names).not.toContain('南方电网');
  });

  it('resolves ASR homophones and abbreviations into one node that keeps every surface form', () => {
    const telecom = result.graph.nodes.find((n) => n.id === 'org:中国电信')!;
    expect(telecom.mentions.length).toBeGreaterThan(50);
    const xingchen = result.graph.nodes.find((n) => n.label === 'Model' && n.name === '星辰大模型');
    expect(xingchen?.aliases).toEqual(expect.arrayContaining(['新城大模型']));
  });

  it('gives people their titles and employers', () => {
    const gao = result.graph.nodes.find((n) => n.label === 'Person' && n.name === '高同庆');
    expect(gao).toBeDefined();
    const employer = result.graph.relationships.find((r) => r.type === 'AFFILIATED_WITH' && r.start === gao!.id);
    expect(employer?.end).toBe('org:中国移动');
    expect(String(employer?.properties.title)).toContain('副总经理');
  });

  it('derives ids from label and name only, so a rebuild and a build of more transcripts keep them', async () => {
    const inputs: Array<{ files: number; bytes: number }> = [];
    const one = await buildFromPaths([path.join(SEEDS, '000_fd0956bc4824aa51.txt')], { onInputs: (found) => inputs.push(found) });
    // the command line sizes its heap policy by what it is told here, before any transcript is read
    expect(inputs).toEqual([{ files: 1, bytes: statSync(path.join(SEEDS, '000_fd0956bc4824aa51.txt')).size }]);
    const allIds = new Set(result.graph.nodes.map((n) => n.id));
    const lexiconBacked = one.resolution.entities.filter((e) => e.fromLexicon).map((e) => e.id);
    expect(lexiconBacked.length).toBeGreaterThan(20);
    for (const id of lexiconBacked) expect(allIds.has(id), id).toBe(true);
    const again = await buildFromPaths([SEEDS]);
    expect(again.graph.nodes.map((n) => n.id)).toEqual(result.graph.nodes.map((n) => n.id));
  });
});

describe('extraction on several threads', () => {
  it('gives the same graph and resolution when this thread and a worker share the transcripts', async () => {
    const parallel = await buildFromPaths([SEEDS], { jobs: 2, keepExtractions: false });
    expect(parallel.extractions).toEqual([]);
    expect(result.extractions).toHaveLength(5);
    expect(parallel.graph).toEqual(result.graph);
    expect(parallel.resolution).toEqual(result.resolution);
    expect(parallel.documents).toEqual(result.documents);
  });

  it('reports a bad lexicon file as such when the extraction is shared with workers', async () => {
    const bad = path.join(tmpdir(), `forumkg-bad-lexicon-${process.pid}.json`);
    writeFileSync(bad, '{"organizations": [{"name": 3}]}');
    await expect(buildFromPaths([SEEDS], { jobs: 2, lexiconFiles: [bad] })).rejects.toBeInstanceOf(LexiconError);
  });
});
