import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  organizationCsv, organizationTable, partnersCsv, partnersTable, personTable, signingsCsv, signingsTable,
} from '../src/cli/answer-format.js';
import { EXIT } from '../src/cli/errors.js';
import {
  GraphIndex, organizationProfile, partnersOf, personProfile, PartnersAnswerSchema, SigningsAnswerSchema, signingEvents,
} from '../src/query/index.js';
import { graphJson } from '../src/sinks/export/index.js';
import { buildSeeds, forumkg } from './helpers.js';

describe('answers as tables and CSV (seeds graph)', () => {
  let index: GraphIndex;
  beforeAll(async () => {
    index = new GraphIndex((await buildSeeds()).graph);
  });

  it('partners: one row per partner with basis and forum, its evidence quoted under it', () => {
    const table = partnersTable(partnersOf(index, 'org:中国电信'));
    expect(table).toMatch(/^中国电信 \(org:中国电信\): \d+ partners\n\npartner +basis +forum\n─+ {2}─+ {2}─+\n/);
    expect(table).toMatch(/^三峡集团 +signing +2024-07-05 星辰注智 焕新领航——中国电信星辰人工智能生态论坛$/m);
    expect(table).toMatch(/^ {4}000_fd0956bc4824aa51\.txt:1231 {2}朋友们，我们接下来即将进行的是中国电信算力与大模型合作签约仪式。$/m);
    // columns line up although names are CJK (two columns per character)
    const starts = table.split('\n').filter((l) => /^\S.* (signing|stated|joint-launch) /.test(l)).map((l) => l.indexOf(' 2024-') + [...l.slice(0, l.indexOf(' 2024-'))].filter((c) => /\p{Script=Han}/u.test(c)).length);
    expect(new Set(starts).size).toBe(1);
    const csv = partnersCsv(partnersOf(index, 'org:中国电信')).split('\r\n');
    expect(csv[0]).toBe('organization,partner,basis,forums,evidence');
    expect(csv.some((l) => l.startsWith('中国电信,三峡集团,signing,星辰注智 焕新领航——中国电信星辰人工智能生态论坛,'))).toBe(true);
  });

  it('org: people with titles, models, products, signing events, forums and partners', () => {
    const table = organizationTable(organizationProfile(index, 'org:中国电信'));
    expect(table).toMatch(/^中国电信 \(org:中国电信\) · company\nalso: .*中电信/);
    for (const heading of ['People', 'Models', 'Products', 'Signing events', 'Forums', 'Partners']) expect(table).toMatch(new RegExp(`^${heading} \\(\\d+\\)$`, 'm'));
    expect(table).toMatch(/^ {2}柯瑞文 +\S*董事长/m);
    expect(table).toMatch(/^ {2}星辰大模型/m);
    expect(table).toMatch(/^ {2}中国电信算力与大模型合作签约仪式 +2024-07-05 +星辰注智/m);
    expect(table).toMatch(/^ {2}星辰注智 焕新领航——中国电信星辰人工智能生态论坛 +2024-07-05 +organiser, \d+ mentions$/m);
    const csv = organizationCsv(organizationProfile(index, 'org:商汤科技')).split('\r\n');
    expect(csv[0]).toBe('organization,relation,name,detail,forum,evidence');
    expect(new Set(csv.slice(1, -1).map((l) => l.split(',')[1]))).toEqual(new Set(['person', 'model', 'product', 'signing', 'forum', 'partner']));
  });

  it('person: employer with title and evidence, forums with roles, signings', () => {
    const table = personTable(personProfile(index, 'person:柯瑞文'));
    expect(table).toMatch(/^柯瑞文 \(person:柯瑞文\) · .*董事长/);
    expect(table).toMatch(/^ {2}中国电信 +\S*董事长$/m);
    expect(table).toMatch(/^ {6}000_fd0956bc4824aa51\.txt:263 {2}.*柯瑞文/m);
    expect(table).toMatch(/^Forums \(1\)$/m);
    expect(table).toMatch(/^Signings: none in the graph$/m);
  });

  it('signings: each event with subject, parties and signatories (on whose behalf)', () => {
    const answer = signingEvents(index);
    const table = signingsTable(answer);
    expect(table).toMatch(new RegExp(`^${answer.signings.length} signing events\\n`));
    expect(table).toMatch(/^ {4}parties \(\d+\): .*中国电信/m);
    expect(table).toMatch(/^ {4}signatories \(\d+\): .*史佩 \(\S+\)/m);
    expect(signingsCsv(answer).split('\r\n')[0]).toBe('event,date,forum,subject,parties,signatories,evidence');
  });
});

describe('forumkg partners | org | person | signings (from graph.json)', () => {
  let graphFile: string;
  const ask = (...args: string[]) => forumkg([...args, '--graph', graphFile]);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-answers-'));
    graphFile = path.join(dir, 'graph.json');
    writeFileSync(graphFile, graphJson((await buildSeeds()).graph));
  });

  it('answers by any name: an abbreviation, English words joined into one name, an alias', () => {
    const table = ask('partners', '中电信');
    expect(table.code, table.stderr).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/^中国电信 \(org:中国电信\): \d+ partners\n/);
    const json = PartnersAnswerSchema.parse(JSON.parse(ask('partners', 'China', 'Telecom', '--json').stdout));
    expect(json.organization.id).toBe('org:中国电信');
    expect(ask('org', '商汤', '--csv').stdout).toMatch(/^organization,relation,name,detail,forum,evidence\r\n商汤科技,/);
    expect(ask('person', '柯瑞文').stdout).toMatch(/^柯瑞文 \(person:柯瑞文\)/);
  });

  it("signings --forum: one forum's events, found by a part of its title", () => {
    const { code, stdout } = ask('signings', '--forum', '商汤科技人工智能论坛', '--json');
    expect(code).toBe(EXIT.ok);
    const json = SigningsAnswerSchema.parse(JSON.parse(stdout));
    expect(json.forum?.title).toBe('大爱无疆·向新力——2024商汤科技人工智能论坛');
    expect(json.signings.length).toBeGreaterThan(0);
    for (const s of json.signings) expect(s.forum?.id).toBe(json.forum?.id);
  });

  it('an unknown name exits 6 and suggests the nearest on stderr; an ambiguous one exits 7 and lists the candidates', () => {
    const unknown = ask('partners', '中国点心');
    expect(unknown.code).toBe(EXIT.notFound);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^forumkg: no organisation named "中国点心" in .*graph\.json; did you mean 中国电信 \(org:中国电信, company, same pinyin\)/);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const person = ask('org', '柯瑞文');
    expect(person.code).toBe(EXIT.notFound);
    expect(person.stderr).toContain('柯瑞文 is a person (try: forumkg person 柯瑞文)');
    const ambiguous = ask('person', '周总');
    expect(ambiguous.code).toBe(EXIT.ambiguous);
    expect(ambiguous.stderr).toMatch(/^forumkg: "周总" fits \d+ people in .*graph\.json: 周\S+ \(person:周\S+, .*also "周总"\); 周\S+ \(person:周.*; give one of these names or ids\n$/);
  });

  it('refuses --json with --csv (usage, exit 2)', () => {
    expect(ask('partners', '中国电信', '--json', '--csv').code).toBe(EXIT.usage);
  });
});
