import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrganizationAnswerSchema, PartnersAnswerSchema, PersonAnswerSchema, SigningsAnswerSchema } from '../src/query/index.js';
import { graphJson } from '../src/sinks/export/index.js';
import { EXIT } from '../src/cli/errors.js';
import { buildSeeds, forumkg } from './helpers.js';

describe('forumkg partners | org | person | signings (answers from graph.json)', () => {
  let graphFile: string;
  const ask = (...args: string[]) => forumkg([...args, '--graph', graphFile]);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-answers-'));
    graphFile = path.join(dir, 'graph.json');
    writeFileSync(graphFile, graphJson((await buildSeeds()).graph));
  });

  it('partners: a table of partners with basis, forum and the quoted evidence, found by an abbreviation', () => {
    const { code, stdout, stderr } = ask('partners', '中电信');
    expect(code, stderr).toBe(EXIT.ok);
    expect(stdout).toMatch(/^中国电信 \(org:中国电信\): \d+ partners\n/);
    expect(stdout).toMatch(/^partner +basis +forum$/m);
    expect(stdout).toMatch(/^三峡集团 +signing +2024-07-05 星辰注智 焕新领航——中国电信星辰人工智能生态论坛$/m);
    expect(stdout).toMatch(/^ {4}000_fd0956bc4824aa51\.txt:1231 {2}朋友们，我们接下来即将进行的是中国电信算力与大模型合作签约仪式。$/m);
  });

  it('partners --json and --csv: the same answer for programs and spreadsheets; words join into one name', () => {
    const json = PartnersAnswerSchema.parse(JSON.parse(ask('partners', 'China', 'Telecom', '--json').stdout));
    expect(json.organization.id).toBe('org:中国电信');
    const csv = ask('partners', '中国电信', '--csv').stdout;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('organization,partner,basis,forums,evidence');
    expect(lines.filter((l) => /^中国电信,[^,]+,(signing|stated|joint-launch),/.test(l))).toHaveLength(json.partners.length);
  });

  it('org: people with titles, models, products, signing events, forums', () => {
    const { code, stdout } = ask('org', '中国电信');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^中国电信 \(org:中国电信\) · company$/m);
    for (const heading of ['People', 'Models', 'Products', 'Signing events', 'Forums', 'Partners']) expect(stdout).toMatch(new RegExp(`^${heading} \\(\\d+\\)$`, 'm'));
    expect(stdout).toMatch(/^ {2}柯瑞文 +\S*董事长/m);
    expect(stdout).toMatch(/^ {2}星辰大模型/m);
    expect(stdout).toMatch(/^ {2}中国电信算力与大模型合作签约仪式 +2024-07-05/m);
    const json = OrganizationAnswerSchema.parse(JSON.parse(ask('org', '商汤', '--json').stdout));
    expect(json.organization.name).toBe('商汤科技');
    expect(ask('org', '商汤', '--csv').stdout.split('\r\n')[0]).toBe('organization,relation,name,detail,forum,evidence');
  });

  it('person: employer, titles, forums, signings', () => {
    const { code, stdout } = ask('person', '柯瑞文');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^柯瑞文 \(person:柯瑞文\) · .*董事长/m);
    expect(stdout).toMatch(/^ {2}中国电信 +\S*董事长/m);
    expect(stdout).toMatch(/^Forums \(1\)$/m);
    const signatory = PersonAnswerSchema.parse(JSON.parse(ask('person', '史佩', '--json').stdout));
    expect(signatory.signings.map((s) => s.name)).toEqual(['升腾原生应用开发签约环节']);
  });

  it('signings: every event with parties and signatories, or one forum\'s by a part of its title', () => {
    const all = ask('signings');
    expect(all.code).toBe(EXIT.ok);
    expect(all.stdout).toMatch(/^5 signing events\n/);
    expect(all.stdout).toMatch(/^ {4}parties \(\d+\): .*中国电信/m);
    expect(all.stdout).toMatch(/^ {4}signatories \(\d+\): .*史佩 \(/m);
    const json = SigningsAnswerSchema.parse(JSON.parse(ask('signings', '--forum', '商汤科技人工智能论坛', '--json').stdout));
    expect(json.forum?.title).toBe('大爱无疆·向新力——2024商汤科技人工智能论坛');
    expect(json.signings.length).toBeGreaterThan(0);
    for (const s of json.signings) expect(s.forum?.id).toBe(json.forum?.id);
    expect(ask('signings', '--csv').stdout.split('\r\n')[0]).toBe('event,date,forum,subject,parties,signatories,evidence');
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

  it('refuses --json with --csv (usage, exit 2) and names a missing graph file (exit 3)', () => {
    expect(ask('partners', '中国电信', '--json', '--csv').code).toBe(EXIT.usage);
    const missing = forumkg(['partners', '中国电信', '--graph', path.join(tmpdir(), 'no-such-dir', 'graph.json')]);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/graph\.json does not exist; run `forumkg build/);
  });
});
