import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../src/graph/schema.js';
import { buildFromPaths, loadLexicon, type BuildResult } from '../src/pipeline.js';
import { OverridesError, readOverrides } from '../src/resolve/overrides.js';
import { buildSeeds, forumkg, SEEDS } from './helpers.js';

const TELECOM = path.join(SEEDS, '000_fd0956bc4824aa51.txt');
const node = (graph: Graph, label: string, name: string) => graph.nodes.find((n) => n.label === label && n.name === name);

/** The graph of one transcript made of these lines, built from a file of its own. */
async function buildText(...lines: string[]): Promise<Graph> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'forumkg-text-')), 'transcript.txt');
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return (await buildFromPaths([file])).graph;
}

let seeds: BuildResult;
beforeAll(async () => {
  seeds = await buildSeeds();
});

describe('resolution of ASR variants', () => {
  it('merges homophones of lexicon names and keeps every surface form with the reason', () => {
    const ordnance = seeds.resolution.entities.find((e) => e.name === '中国兵器装备集团')!;
    const garbled = ordnance.forms.find((f) => f.form === '冰装集团');
    expect(garbled?.reason).toBe('pinyin-homophone');
    expect(garbled?.detail).toMatch(/bing zhuang ji tuan/);
    expect(node(seeds.graph, 'Organization', '中国兵器装备集团')?.aliases).toEqual(expect.arrayContaining(['冰装集团', '冰庄集团']));
  });

  it('keeps a body of another place apart, however close it sounds (福建省数据局 is not 浙江省数据局)', () => {
    expect(node(seeds.graph, 'Organization', '福建省数据局')?.mentions.map((m) => m.line)).toEqual([595]);
    expect(node(seeds.graph, 'Organization', '浙江省数据局')?.aliases ?? []).not.toContain('福建省数据局');
  });

  it('merges a body named with "大模型" once and "AI模型" once, and takes no bare place with 集团 for a name', () => {
    const base = seeds.resolution.entities.find((e) => e.forms.some((f) => f.form === 'AI模型评测联创基地'))!;
    expect(base.forms.map((f) => f.form)).toContain('大模型评测联创基地');
    // 中国集团 (line 591) is 中核集团 misheard: no name of its own, so no node and no partner of 中国电信
    expect(node(seeds.graph, 'Organization', '中国集团')).toBeUndefined();
    expect(node(seeds.graph, 'Organization', '中核集团')).toBeDefined();
    const lexicon = loadLexicon();
    expect(['上海公司', '中国集团', '北京企业'].filter((name) => lexicon.isGenericOrganization(name))).toHaveLength(3);
    expect(['中国银行', '上海大学', '中国移动', '广州分公司'].some((name) => lexicon.isGenericOrganization(name))).toBe(false);
  });

  it('merges a known name said with a word repeated, and one with its words in another order', () => {
    const ustc = seeds.resolution.entities.find((e) => e.name === '中国科学技术大学')!;
    expect(ustc.forms.map((f) => f.form)).toContain('中国科技科学技术大学');
    const guotou = seeds.resolution.entities.find((e) => e.forms.some((f) => f.form === '上海国投'))!;
    expect(guotou.forms.find((f) => f.form === '上海国有投资资本公司')?.detail).toMatch(/another order/);
  });

  it('reads "open eye" as OpenAI, the way speech recognition hears the letters AI', () => {
    const openai = seeds.resolution.entities.find((e) => e.name === 'OpenAI')!;
    expect(openai.forms.map((f) => f.form)).toContain('open eye');
  });

  it('ties honorific references to the person introduced nearby', () => {
    const liang = seeds.resolution.entities.find((e) => e.name === '梁宝俊')!;
    expect(liang.forms.some((f) => f.reason === 'honorific' && f.form === '梁总')).toBe(true);
  });

  it('merges a unit written without its parent within one transcript', () => {
    const teleai = node(seeds.graph, 'Organization', '中国电信人工智能研究院')!;
    expect(teleai.mentions.some((m) => m.text === '人工智能研究院')).toBe(true);
    expect(node(seeds.graph, 'Organization', '人工智能研究院')).toBeUndefined();
  });

  it('ties a title and a misheard surname to the guest just introduced by that title, and looks ahead only a little', () => {
    const mentionLines = (name: string) => node(seeds.graph, 'Person', name)?.mentions.filter((m) => m.source === '000_fd0956bc4824aa51.txt').map((m) => m.line);
    // 有请…刘万成部长上台…，有请李部长 (line 1029), 也谢谢李部长 (1045): no 李 of the transcript is a 部长
    expect(mentionLines('刘万成')).toEqual(expect.arrayContaining([1029, 1045]));
    expect(mentionLines('李学龙')).not.toContain(1045);
    // 朱总 announced at 847 is the 朱运书 called up at 905; the 郑教授 of line 687 is not the 郑庆华 of line 1045
    expect(mentionLines('朱运书')).toContain(847);
    expect(mentionLines('郑庆华')).not.toContain(687);
  });

  it('counts a character\'s rare reading as near, not the same (拓 read zhi): 志向大模型 is not 拓天大模型', () => {
    const lexicon = loadLexicon();
    expect(lexicon.closest('志向大模型', 'Model')?.withinBudget ?? false).toBe(false);
    expect(lexicon.closest('新城大模型', 'Model')?.entry.name).toBe('星辰大模型');
  });

  it('reads a registered name, a misheard employer and the field before a title, in a text it has never seen', async () => {
    const graph = await buildText(
      '接下来有请好威云人工智能领域首席科学家田奇博士。',
      '感谢商当科技的徐丽先生。',
      '杭州宇树科技有限公司创始人王兴兴介绍了人形机器人的进展。',
    );
    const named = (label: string, name: string) => node(graph, label, name)!;
    expect(named('Organization', '华为云').aliases).toContain('好威云');
    expect(named('Organization', '宇树科技').aliases).toContain('杭州宇树科技有限公司');
    expect(named('Person', '徐立').aliases).toContain('徐丽');
    const employer = graph.relationships.find((r) => r.type === 'AFFILIATED_WITH' && r.start === named('Person', '田奇').id);
    expect(employer?.end).toBe(named('Organization', '华为云').id);
  });

  it('reads guests called up with a misheard organisation and no title (迅飞的刘庆峰, 寒五纪的陈天石, 智普AI的CEO张鹏)', async () => {
    const graph = await buildText('接下来有请迅飞的刘庆峰董事长。', '有请智普AI的CEO张鹏。', '有请寒五纪的陈天石。', '感谢月之暗面的杨植林。');
    const name = (id: string) => graph.nodes.find((n) => n.id === id)!.name;
    const employers = graph.relationships.filter((r) => r.type === 'AFFILIATED_WITH').map((r) => `${name(r.start)}@${name(r.end)}`).sort();
    expect(employers).toEqual(['刘庆峰@科大讯飞', '张鹏@智谱AI', '杨植麟@月之暗面', '陈天石@寒武纪']);
  });

  it('keeps a version apart from its family and a brand\'s product apart from the brand (GLM-5, Walker S2, Galbot G1)', async () => {
    const graph = await buildText(
      '智谱发布了GLM-5，比GLM-4强了很多。',
      '我们的产品叫Galbot G1，是一个轮式的双臂人形机器人。',
      '我们的绝影X30在很多变电站里面在跑，后来又发了CyberDog 2。',
    );
    const names = (label: string) => graph.nodes.filter((n) => n.label === label).map((n) => n.name).sort();
    expect(names('Model')).toEqual(['GLM-4', 'GLM-5']);
    expect(names('Product')).toEqual(expect.arrayContaining(['CyberDog 2', 'Galbot G1', '绝影X30']));
    expect(names('Product')).not.toContain('CyberDog');
    expect(node(graph, 'Organization', '银河通用')?.aliases ?? []).not.toContain('Galbot G1');
  });

  it('keeps a four-letter product apart from a company one letter off (Zoom is not Zoox)', async () => {
    const graph = await buildText('我们的会议纪要产品已经上架了腾讯会议的应用市场，也能接入Zoom和钉钉。');
    expect(node(graph, 'Product', 'Zoom')).toBeDefined();
    expect(graph.nodes.find((n) => n.aliases.includes('Zoom') || n.mentions.some((m) => m.text === 'Zoom' && n.name !== 'Zoom'))).toBeUndefined();
  });

  it('merges a guest\'s name spelt in pinyin by an interpreter with the Han name, and the organisation said in English with the Chinese one', async () => {
    const graph = await buildText(
      '有请人民网董事长、总裁叶珍珍，弘毅投资总裁曹永刚。',
      'Ye Zhenzhen， chairman and CEO of People Daily Online， Cao Yung Gang， CEO of Tonyny Capital。',
      "I'm Michael Brand from Siemens.",
      'Please welcome Michael Brandt， chief technology officer of Siemens。',
    );
    const people = graph.nodes.filter((n) => n.label === 'Person').map((n) => `${n.name}:${[...n.aliases].sort().join(',')}`).sort();
    expect(people).toEqual(['Michael Brandt:Michael Brand', '叶珍珍:Ye Zhenzhen', '曹永刚:Cao Yung Gang']);
    expect(node(graph, 'Organization', '弘毅投资')?.aliases).toContain('Tonyny Capital');
    expect(graph.nodes.filter((n) => n.label === 'Organization').map((n) => n.name).sort()).toEqual(['人民网', '弘毅投资', '西门子']);
  });

  it('takes the one guest called up in English right after one called up in Chinese for the same guest, and GBT4bo for GPT-4o', async () => {
    const graph = await buildText(
      '有请商汤科技亚太业务总裁史军上台共同发布。',
      'please welcome Jeff， president of Asia Pacific Department of SenseTime to join us on the stage。',
      '我们也是国内首个去对标GBT4bo的大模型，GPT-4o很强，GPT-4也很强。',
    );
    const people = graph.nodes.filter((n) => n.label === 'Person').map((n) => `${n.name}:${n.aliases.join(',')}`);
    expect(people).toEqual(['史军:Jeff']);
    expect(node(graph, 'Model', 'GPT-4o')?.aliases).toContain('GBT4bo');
  });

  it('lists near misses for review', () => {
    expect(seeds.resolution.review.length).toBeGreaterThan(0);
    for (const r of seeds.resolution.review) expect(r.why).not.toBe('');
  });
});

describe('user overrides (forumkg.resolution.json)', () => {
  it('merges, splits, renames, retypes and ignores, on every build', async () => {
    const before = await buildFromPaths([TELECOM]);
    expect(node(before.graph, 'Person', '柯瑞文')).toBeDefined();
    const after = await buildFromPaths([TELECOM], {
      overrides: {
        merge: [{ type: 'Person', names: ['何中江', '何忠江'], into: '何忠江' }],
        split: [],
        rename: [{ type: 'Organization', from: '冰装集团', to: '兵装集团' }],
        retype: [{ name: '天翼云', from: 'Organization', to: 'Product' }],
        ignore: [{ type: 'Organization', name: '历任科技' }],
      },
    });
    expect(after.overrides?.applied.length).toBeGreaterThanOrEqual(3);
    expect(node(after.graph, 'Organization', '兵装集团')?.aliases).toEqual(expect.arrayContaining(['中国兵器装备集团']));
    expect(node(after.graph, 'Product', '天翼云')).toBeDefined();
    expect(node(after.graph, 'Organization', '天翼云')).toBeUndefined();
    expect(node(after.graph, 'Organization', '历任科技')).toBeUndefined();
    const he = after.graph.nodes.filter((n) => n.label === 'Person' && ['何中江', '何忠江'].includes(n.name));
    expect(he.length).toBeLessThanOrEqual(1);
  });

  it('splits a wrongly merged surface form into its own entity', async () => {
    const after = await buildFromPaths([TELECOM], {
      overrides: { merge: [], rename: [], retype: [], ignore: [], split: [{ type: 'Organization', from: '中国兵器装备集团', form: '冰庄集团' }] },
    });
    expect(node(after.graph, 'Organization', '冰庄集团')?.mentions.every((m) => m.text === '冰庄集团')).toBe(true);
    expect(node(after.graph, 'Organization', '中国兵器装备集团')?.mentions.some((m) => m.text === '冰庄集团')).toBe(false);
  });

  it('rejects a malformed overrides file with its file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-ovr-'));
    const file = path.join(dir, 'forumkg.resolution.json');
    writeFileSync(file, '{\n  "merge": [\n    {"type": "Company", "names": ["a", "b"]}\n  ]\n}\n');
    expect(() => readOverrides(file)).toThrow(OverridesError);
    expect(() => readOverrides(file)).toThrow(`${file}:3: merge.0.type`);
    const cli = forumkg(['build', TELECOM, '--out', path.join(dir, 'out'), '--overrides', file]);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain(`${file}:3`);
  });
});

describe('stable ids', () => {
  it('keeps the name and id of an entity when more transcripts are added', async () => {
    const first = await buildFromPaths([TELECOM]);
    const second = await buildFromPaths([SEEDS], { previousGraph: first.graph });
    const firstPeople = first.graph.nodes.filter((n) => n.label === 'Person' || n.label === 'Organization');
    const secondIds = new Set(second.graph.nodes.map((n) => n.id));
    const kept = firstPeople.filter((n) => secondIds.has(n.id));
    expect(kept.length / firstPeople.length).toBeGreaterThan(0.97);
  });
});

describe('resolution of the names a report gives a company', () => {
  /** The organisation nodes that go by this name or alias. */
  const byForm = (graph: Graph, form: string) => graph.nodes.filter((n) => n.label === 'Organization' && (n.name === form || (n.aliases ?? []).includes(form)));

  it('keeps a registered name and the short name the text goes on with as one organisation', async () => {
    const graph = await buildText('杭州衡远智能科技有限公司今天举办发布会。', '衡远智能首席执行官王海涛表示，公司明年将推出三款新品。');
    const [company, ...others] = byForm(graph, '衡远智能');
    expect(others).toEqual([]);
    expect([company?.name, ...(company?.aliases ?? [])].sort()).toEqual(['杭州衡远智能科技有限公司', '衡远智能']);
  });

  it('keeps a short name declared in brackets with the name it stands for, wherever it is said again', async () => {
    const graph = await buildText('北京云岫科技有限公司（以下简称“云岫”）成立于2022年。', '云岫的首席技术官杭晨介绍，模型已经开源。');
    const [company, ...others] = byForm(graph, '云岫');
    expect(others).toEqual([]);
    expect([company?.name, ...(company?.aliases ?? [])].sort()).toEqual(['云岫', '北京云岫科技有限公司']);
    expect(company?.mentions.map((m) => m.line)).toEqual([1, 1, 2]);
  });
});
