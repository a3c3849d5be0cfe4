import { beforeAll, describe, expect, it } from 'vitest';
import { prf, readGold, scoreGraph, type EvalReport } from '../src/eval/index.js';
import type { Graph } from '../src/graph/schema.js';
import path from 'node:path';
import { buildFromPaths } from '../src/pipeline.js';
import { buildSeeds, GOLD, REPORTS, WRITTEN } from './helpers.js';

/** The scores of a build of a folder of hand-written texts against the gold files in its gold/ folder. */
async function scoreSet(dir: string): Promise<EvalReport> {
  return scoreGraph((await buildFromPaths([dir])).graph, readGold(path.join(dir, 'gold')));
}

let report: EvalReport;
beforeAll(async () => {
  report = scoreGraph((await buildSeeds()).graph, readGold(GOLD));
});

describe('accuracy on the gold transcripts (floors: a drop below them is a regression)', () => {
  it('typed entity F1 and core recall', () => {
    expect(prf(report.total.entityTotal).f1).toBeGreaterThanOrEqual(0.6);
    expect(report.total.core.found / report.total.core.gold).toBeGreaterThanOrEqual(0.68);
  });

  it('finds every gold signing event with most of its parties', () => {
    expect(report.total.signings.matched).toBe(report.total.signings.gold);
    expect(report.total.signings.partyFound / report.total.signings.partyGold).toBeGreaterThanOrEqual(0.7);
  });
});

describe('accuracy on hand-written transcripts of other forums (floors: a drop below them is a regression)', () => {
  let written: EvalReport;
  beforeAll(async () => {
    written = await scoreSet(WRITTEN);
  });

  it('typed entity F1, person and organisation recall, and the relations', () => {
    expect(prf(written.total.entityTotal).f1).toBeGreaterThanOrEqual(0.88);
    expect(written.total.entities.Person.found / written.total.entities.Person.gold).toBeGreaterThanOrEqual(0.95);
    expect(written.total.entities.Organization.found / written.total.entities.Organization.gold).toBeGreaterThanOrEqual(0.9);
    expect(prf(written.total.relations.AFFILIATED_WITH).f1).toBeGreaterThanOrEqual(0.8);
    expect(prf(written.total.relations.OFFERS).f1).toBeGreaterThanOrEqual(0.7);
  });
});

describe('accuracy on hand-written reports of other kinds: press release, news, interview, list, round-up, programme (floors)', () => {
  let reports: EvalReport;
  beforeAll(async () => {
    reports = await scoreSet(REPORTS);
  });

  it('typed entity F1, person recall, affiliations and the signings', () => {
    expect(prf(reports.total.entityTotal).f1).toBeGreaterThanOrEqual(0.85);
    expect(reports.total.entities.Person.found / reports.total.entities.Person.gold).toBeGreaterThanOrEqual(0.88);
    expect(prf(reports.total.relations.AFFILIATED_WITH).f1).toBeGreaterThanOrEqual(0.74);
    expect(reports.total.signings.matched).toBe(reports.total.signings.gold);
  });
});

describe('the scorer', () => {
  const gold = readGold(GOLD).find((g) => g.source.startsWith('000'))!;
  const node = (id: string, label: 'Organization' | 'Person', name: string, text: string) => ({
    id, label, name, aliases: [], mentions: [{ source: gold.source, line: 1, text }],
    properties: label === 'Organization' ? { kind: 'company' as const } : { titles: [] },
  });

  it('matches by surface form, counts duplicates, and checks canonical names', () => {
    const graph = {
      version: 1, sources: [], relationships: [],
      nodes: [node('org:a', 'Organization', '中国电信', '中国电信'), node('org:b', 'Organization', '中电信', '中电信'), node('org:c', 'Organization', '冰装集团', '冰装集团'), node('org:x', 'Organization', '不存在的公司', '不存在的公司')],
    } as unknown as Graph;
    const t = scoreGraph(graph, [gold]).transcripts[0]!;
    expect(t.entities.Organization.predicted).toBe(4);
    expect(t.entities.Organization.correct).toBe(3);
    expect(t.entities.Organization.found).toBe(2);
    expect(t.duplicates).toEqual({ duplicated: 1, matched: 2 });
    expect(t.canonical).toEqual({ correct: 1, matched: 2 });
  });
});
