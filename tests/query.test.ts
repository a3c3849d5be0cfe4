import { describe, expect, it } from 'vitest';
import {
  editDistance, GraphIndex, lookupNode, organizationProfile, partnersOf, personProfile, signingEvents,
} from '../src/query/index.js';
import { buildSeeds } from './helpers.js';

async function seedIndex(): Promise<GraphIndex> {
  return new GraphIndex((await buildSeeds()).graph);
}

function found(result: ReturnType<typeof lookupNode>): string {
  if (result.status !== 'found') throw new Error(`expected a match, got ${JSON.stringify(result)}`);
  return result.node.id;
}

describe('looking up a name in the seeds graph', () => {
  it('finds an organisation by its name, an alias, an abbreviation, an English name, an ASR variant or its id', async () => {
    const index = await seedIndex();
    for (const name of ['中国电信', '中电信', 'China Telecom', 'china  telecom', '中国电信集团有限公司', 'org:中国电信']) {
      expect(found(lookupNode(index, name, ['Organization'])), name).toBe('org:中国电信');
    }
    for (const name of ['商汤', 'SenseTime', '商当科技', '上汤科技']) {
      expect(found(lookupNode(index, name, ['Organization'])), name).toBe('org:商汤科技');
    }
  });

  it('lists every candidate for an ambiguous name (周总: every 周 introduced as 总), with what tells them apart', async () => {
    const index = await seedIndex();
    const calledZhouZong = index.graph.nodes.filter((n) => n.label === 'Person' && (n.aliases.includes('周总') || n.mentions.some((m) => m.text === '周总')));
    expect(index.graph.nodes.some((n) => n.label === 'Person' && n.name === '周总')).toBe(false);
    expect(calledZhouZong.length).toBeGreaterThan(1);
    const result = lookupNode(index, '周总', ['Person']);
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.candidates.map((c) => c.id).sort()).toEqual(calledZhouZong.map((n) => n.id).sort());
    for (const c of result.candidates) {
      expect(c.reason).toBe('also "周总"');
      expect(c.detail).not.toBe('');
    }
  });

  it('suggests the nearest names for an unknown one: same pinyin first, then close spellings and sounds', async () => {
    const index = await seedIndex();
    const homophone = lookupNode(index, '中国点心', ['Organization']);
    expect(homophone.status).toBe('unknown');
    if (homophone.status !== 'unknown') return;
    expect(homophone.close).toBe(true);
    expect(homophone.suggestions[0]).toMatchObject({ id: 'org:中国电信', reason: 'same pinyin' });
    const typo = lookupNode(index, '商汤科级', ['Organization']);
    expect(typo.status === 'unknown' && typo.suggestions[0]!.id).toBe('org:商汤科技');
    const pinyin = lookupNode(index, 'shangtang', ['Organization']);
    expect(pinyin.status === 'unknown' && pinyin.suggestions[0]!.id).toBe('org:商汤科技');
  });

  it('says when the name belongs to another kind of entity', async () => {
    const index = await seedIndex();
    const result = lookupNode(index, '柯瑞文', ['Organization']);
    expect(result.status).toBe('unknown');
    if (result.status !== 'unknown') return;
    expect(result.otherLabels.map((c) => c.id)).toEqual(['person:柯瑞文']);
  });

  it('finds a forum by a part of its title or by its transcript file', async () => {
    const index = await seedIndex();
    const sensetimeForum = index.graph.sources.find((s) => s.file === '002_006024088c0cb5f1.txt')!.id;
    expect(found(lookupNode(index, '002_006024088c0cb5f1.txt', ['Forum']))).toBe(sensetimeForum);
    expect(found(lookupNode(index, '商汤科技人工智能论坛', ['Forum'], { partialTitles: true }))).toBe(sensetimeForum);
    expect(lookupNode(index, '论坛', ['Forum'], { partialTitles: true }).status).toBe('ambiguous');
  });

  it('measures edit distance on characters and on syllables', () => {
    expect(editDistance([...'商汤科技'], [...'商汤科级'])).toBe(1);
    expect(editDistance(['shang', 'tang'], ['shang', 'tang', 'ke', 'ji'])).toBe(2);
    expect(editDistance([], [...'abc'])).toBe(3);
  });
});

describe('answers from the seeds graph', () => {
  it("lists 中国电信's partners, one per PARTNERS_WITH relationship, with basis, forum and evidence", async () => {
    const index = await seedIndex();
    const answer = partnersOf(index, 'org:中国电信');
    const rels = index.graph.relationships.filter((r) => r.type === 'PARTNERS_WITH' && (r.start === 'org:中国电信' || r.end === 'org:中国电信'));
    expect(answer.partners).toHaveLength(rels.length);
    const sanxia = answer.partners.find((p) => p.partner.name === '三峡集团')!;
    expect(sanxia.basis).toBe('signing');
    expect(sanxia.forums.map((f) => f.title)).toEqual(['星辰注智 焕新领航——中国电信星辰人工智能生态论坛']);
    expect(sanxia.evidence.some((e) => e.source === '000_fd0956bc4824aa51.txt' && e.quote.includes('签约'))).toBe(true);
    // signings before joint launches before stated partnerships
    const order = answer.partners.map((p) => ['signing', 'joint-launch', 'stated'].indexOf(p.basis));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("profiles 中国电信: its people with titles, model, products, signing, forum it organised and partners", async () => {
    const index = await seedIndex();
    const profile = organizationProfile(index, 'org:中国电信');
    expect(profile.organization.aliases).toContain('中电信');
    expect(profile.people.find((p) => p.name === '柯瑞文')?.title).toContain('董事长');
    expect(profile.models.map((m) => m.name)).toContain('星辰大模型');
    expect(profile.products.length).toBeGreaterThan(0);
    expect(profile.signings.map((s) => s.name)).toContain('中国电信算力与大模型合作签约仪式');
    const forum = profile.forums.find((f) => f.title === '星辰注智 焕新领航——中国电信星辰人工智能生态论坛')!;
    expect(forum.roles).toEqual(['organiser']);
    expect(forum.mentions).toBeGreaterThan(10);
    expect(profile.partners.length).toBe(partnersOf(index, 'org:中国电信').partners.length);
  });

  it('profiles 柯瑞文: employer, titles and forum roles', async () => {
    const index = await seedIndex();
    const profile = personProfile(index, 'person:柯瑞文');
    expect(profile.employers.map((e) => e.name)).toEqual(['中国电信']);
    expect(profile.person.titles.join()).toContain('董事长');
    expect(profile.forums).toHaveLength(1);
    expect(profile.forums[0]!.roles.length).toBeGreaterThan(0);
    for (const role of profile.forums[0]!.roles) expect(role).not.toMatch(/[,;]/);
  });

  it('lists every signing event with parties and signatories, or those of one forum', async () => {
    const index = await seedIndex();
    const all = signingEvents(index);
    expect(all.signings).toHaveLength(index.graph.nodes.filter((n) => n.label === 'SigningEvent').length);
    const telecom = all.signings.find((s) => s.name === '中国电信算力与大模型合作签约仪式')!;
    expect(telecom.parties.map((p) => p.name)).toEqual(expect.arrayContaining(['中国电信', '三峡集团', '商汤科技']));
    const ascend = all.signings.find((s) => s.signatories.some((p) => p.name === '史佩'))!;
    expect(ascend.signatories.find((p) => p.name === '史佩')!.onBehalfOf).not.toBeNull();
    const sensetimeForum = index.graph.sources.find((s) => s.file === '002_006024088c0cb5f1.txt')!.id;
    const one = signingEvents(index, sensetimeForum);
    expect(one.forum?.id).toBe(sensetimeForum);
    expect(one.signings.length).toBeGreaterThan(0);
    expect(one.signings.length).toBeLessThan(all.signings.length);
    for (const s of one.signings) expect(s.forum?.id).toBe(sensetimeForum);
  });
});
