import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, extractDocument, type Extraction, type Extractor } from '../src/extract/index.js';
import { documentFromBytes, isRejection } from '../src/ingest/index.js';
import { loadLexicon } from '../src/pipeline.js';
import { SEEDS } from './helpers.js';

let extractor: Extractor;
beforeAll(() => {
  extractor = createExtractor(loadLexicon());
});

function extract(text: string, file = 'sample.txt'): Extraction {
  const doc = documentFromBytes(file, Buffer.from(text));
  if (isRejection(doc)) throw new Error(doc.reason);
  return extractDocument(doc, extractor);
}

/** A text of these lines, each ended by a line break. */
function extractLines(...lines: string[]): Extraction {
  return extract(lines.map((l) => `${l}\n`).join(''));
}

function seedExtraction(file: string): Extraction {
  return extract(readFileSync(path.join(SEEDS, file), 'utf8'), file);
}

const forms = (x: Extraction, type: string) => x.mentions.filter((m) => m.type === type).map((m) => m.form);
const partners = (x: Extraction) => x.relations.flatMap((r) => r.type === 'PARTNERS_WITH'
  ? [[x.mentions.find((m) => m.id === r.from)!.form, x.mentions.find((m) => m.id === r.to)!.form].sort().join('+')] : []);
/** The role each person appears in, by the form they were found as. */
const roles = (x: Extraction) => Object.fromEntries(x.relations.flatMap((r) => r.type === 'SPOKE_AT'
  ? [[x.mentions.find((m) => m.id === r.from)!.form, r.role]] : []));
const affiliations = (x: Extraction) => x.relations.flatMap((r) => r.type === 'AFFILIATED_WITH'
  ? [`${x.mentions.find((m) => m.id === r.from)!.form}@${x.mentions.find((m) => m.id === r.to)!.form}:${r.title ?? ''}`] : []);

describe('stage introductions', () => {
  it('reads organisation + title + name + honorific, and organisation + name + title', () => {
    const x = extract('让我们掌声欢迎国务院国有资产监督管理委员会副主任苟平先生。中国移动高同庆副总经理、中国海油孙福阶副总裁。\n');
    expect(affiliations(x)).toEqual(expect.arrayContaining([
      '苟平@国务院国有资产监督管理委员会:副主任',
      '高同庆@中国移动:副总经理',
      '孙福阶@中国海油:副总裁',
    ]));
  });

  it('reads a guest named again as it sounds (伟尚陈赞 for 伟尚成藏) whole, not as an organisation and a name', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    const at501 = x.mentions.filter((m) => m.line === 501 && m.form.includes('陈赞'));
    expect(at501.map((m) => `${m.type}:${m.form}`)).toEqual(['Person:伟尚陈赞']);
    expect(x.mentions.filter((m) => m.line === 501 && m.form === '伟尚')).toEqual([]);
  });

  it('keeps the organisation of a guest in a list whose name was cut to the surname, and only in a list', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    // …中国石化石化盈科副总经理索寒生先生、木西集成电路联合创始人CTO杨。
    expect(x.mentions.filter((m) => m.line === 631 && m.type === 'Organization').map((m) => m.form)).toContain('木西集成电路');
    expect(forms(extract('你看据空间技术专家张介绍以嫦娥6号返回方式。\n'), 'Organization')).toEqual([]);
  });

  it('takes a host\'s stage name when they introduce themself (我是…节目主持人子龙), nothing else without a surname', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    expect(x.mentions.filter((m) => m.line === 239 && m.type === 'Person').map((m) => m.form)).toEqual(['子龙']);
    expect(forms(extract('大家好，我是今天的主持人啊。有请主持人子龙。\n'), 'Person')).toEqual([]);
  });

  it('reads a chain of organisations and titles before one name, and titles joined by 兼', () => {
    const x = extract('接下来有请中国工程院院士、清华大学车辆与运载学院教授张三丰带来主旨演讲。有请商汤科技董事长兼CEO徐立。\n');
    expect(affiliations(x)).toEqual(expect.arrayContaining(['张三丰@中国工程院:院士', '张三丰@清华大学车辆与运载学院:教授', '徐立@商汤科技:董事长兼CEO']));
  });

  it('keeps a department in the title, not as an organisation (中国商飞信息化部洪军部长)', () => {
    const x = extract('他们分别是中国商飞信息化部洪军部长、南方航空科技部刘德江副总经理。\n');
    expect(affiliations(x)).toEqual(expect.arrayContaining(['洪军@中国商飞:信息化部部长', '刘德江@南方航空:科技部副总经理']));
    expect(forms(x, 'Organization')).not.toContain('科技部');
  });

  it('reads news apposition and a guest who shares with us: name（organisation title）, name，organisation title，', () => {
    const x = extractLines(
      '王建国（深思科技首席执行官）表示，明年将推出新产品。',
      '李晓明，北辰智能联合创始人兼CTO，在会上做了主题分享。',
      '会上，星云数据董事长刘海涛与我们分享了他的观点。',
    );
    expect(affiliations(x).map((a) => a.split(':')[0]).sort()).toEqual(['刘海涛@星云数据', '李晓明@北辰智能', '王建国@深思科技']);
  });

  it('reads an introduction whose parts speech recognition set apart with spaces or commas', () => {
    const x = extract('有请 商汤科技 董事长 徐立 先生 上台致辞。\n接下来有请，华为云，首席技术官，张宇昕。\n');
    expect(affiliations(x).sort()).toEqual(['张宇昕@华为云:首席技术官', '徐立@商汤科技:董事长']);
    expect(forms(extract('一家叫做深言科技的创业公司也参加了本次大会。\n'), 'Organization')).toEqual(['深言科技']);
  });

  it('ends a name with the committee a title starts with (…专家委员会委员): the committee is the body, 委员 the title', () => {
    const x = extract('下面有请复旦大学副校长、上海市人工智能战略咨询专家委员会委员姜育刚教授。\n');
    expect(affiliations(x).sort()).toEqual(['姜育刚@上海市人工智能战略咨询专家委员会:委员', '姜育刚@复旦大学:副校长']);
  });

  it('reads organisation 的 name + title (中车集团科技部的刘万成部长), but no part of the programme as an organisation', () => {
    const x = extract('那下面的话有请中车集团科技部的刘万成部长上台介绍中车集团人工智能建设的一个实践经验啊，有请李部长。\n');
    expect(affiliations(x)).toEqual(['刘万成@中车集团:科技部部长']);
    const panel = extract('接下来有请大咖说的嘉宾，中国信息通信研究院人工智能研究所魏凯教授。\n');
    expect(forms(panel, 'Organization')).not.toContain('大咖说');
    expect(affiliations(panel).join(' ')).not.toMatch(/大咖说/);
  });

  it('reads a film studio and a newspaper office as organisations, and no generic Latin term with a suffix', () => {
    const x = extractLines('今天，上海电影集团、长江美术电影制片厂与我们联合发布了新的作品。我们要做一个AI制片厂，还有一个AI公司。');
    expect(forms(x, 'Organization')).toEqual(['上海电影集团', '长江美术电影制片厂']);
  });

  it('keeps the place a registered name starts with though the segmenter joins its last character to the next (上 + 海瑞 of 上海瑞澄)', () => {
    const x = extractLines('光电方面，上海瑞澄光电科技有限公司用我们的平台。', '另外，上海瑞霖数据科技有限公司也来了。');
    expect(forms(x, 'Organization')).toEqual(['上海瑞澄光电科技有限公司', '上海瑞霖数据科技有限公司']);
  });

  it('reads the schools a text names after their university, as units of it, and no speech after a university', () => {
    const x = extractLines(
      '研究团队一半来自华东师大的教育学部、计算机学院和心理与认知科学学院。',
      '我是浙江大学电子系的老师。清华大学的一些实验室也来了，北京大学签约成立联合实验室。',
    );
    const units = x.mentions.filter((m) => m.impliedName).map((m) => `${m.form}=${m.impliedName}`);
    expect(units).toEqual(['教育学部=华东师范大学教育学部', '计算机学院=华东师范大学计算机学院', '心理与认知科学学院=华东师范大学心理与认知科学学院', '电子系=浙江大学电子系']);
  });

  it('takes no example word, congratulation or speaking on behalf into a name (比如说…中学, 祝贺联合实验室, 代表…政府)', () => {
    const x = extractLines('我们遴选了一批实验校，比如说杭州第十四中学、育才中学。', '好，再次祝贺联合实验室揭牌。', '首先我代表临安区人民政府表示欢迎。我们来聊一聊政府的作用。');
    expect(forms(x, 'Organization')).toEqual(['杭州第十四中学', '临安区人民政府']);
  });

  it('keeps a name whose characters are also speech glue (向 of 志向未来, 从 of 云从科技, 对 of 对外经济贸易大学)', () => {
    const x = extract('🎼接下来我们将邀请到的是加拿大工程院外籍院士志向未来创始人兼CEO梅涛院士。有请云从科技联合创始人姚志强。有请对外经济贸易大学校长张伟致辞。\n');
    const employers = x.relations.flatMap((r) => r.type === 'AFFILIATED_WITH'
      ? [`${x.mentions.find((m) => m.id === r.from)!.form}@${x.mentions.find((m) => m.id === r.to)!.lexiconName}`] : []);
    expect(employers).toEqual(expect.arrayContaining(['梅涛@智象未来', '姚志强@云从科技', '张伟@对外经济贸易大学']));
  });

  it('reads news style: organisation + title + name + 表示', () => {
    const x = extract('华为云CEO张平安表示，盘古大模型将深入行业。\n');
    expect(affiliations(x)).toContain('张平安@华为云:CEO');
  });

  it('reads news style: title + name + what they did (作了报告, 担任主持, 参与讨论, 出任, 是)', () => {
    const x = extractLines(
      '清源智能研究院院长邱明远作了题为《智能体的下一站》的报告。',
      '星河创投合伙人闻若溪担任主持，清源大学教授柏一舟参与讨论。',
      '前谷歌研究员戚安澜加盟一家创业公司。首席技术官顾南星是我多年的同事。',
    );
    expect(forms(x, 'Person').sort()).toEqual(['戚安澜', '柏一舟', '邱明远', '闻若溪', '顾南星'].sort());
    expect(affiliations(x)).toEqual(expect.arrayContaining(['邱明远@清源智能研究院:院长', '闻若溪@星河创投:合伙人']));
  });

  it('reads the guests of a programme or guest list set out as a table', () => {
    const x = extractLines(
      '09:30-09:50 | 主旨演讲：具身智能的数据瓶颈 | 邱明远 | 清源智能研究院 院长',
      '10:00-10:20 | 圆桌对话 | 闻若溪 | 星河创投 合伙人、清源大学 兼职教授',
      '　　柏一舟 | 穹顶智能 创始人、CEO',
      '11:00 | 茶歇 | 全体嘉宾 | 会场外',
    );
    expect(affiliations(x).sort()).toEqual(['柏一舟@穹顶智能:创始人、CEO', '邱明远@清源智能研究院:院长', '闻若溪@星河创投:合伙人', '闻若溪@清源大学:兼职教授'].sort());
  });

  it('reads a table row of name | organisation | title, a labelled name, a short name in brackets and a remark, and no name out of a region', () => {
    const x = extractLines(
      '闻若溪 | 星河创业投资管理有限公司 | 管理合伙人',
      '　　主持人：柏一舟 | 杭州穹顶智能科技有限公司（穹顶智能）首席执行官',
      '14:00-14:20 | 端侧智能 | 邱明远 | 华为 昇腾计算业务华东区域总经理（分享生态进展）',
    );
    expect(affiliations(x).sort()).toEqual([
      '柏一舟@杭州穹顶智能科技有限公司:首席执行官', '邱明远@华为:昇腾计算业务华东区域总经理', '闻若溪@星河创业投资管理有限公司:管理合伙人',
    ].sort());
    expect(forms(x, 'Person').sort()).toEqual(['柏一舟', '邱明远', '闻若溪']);
  });

  it('reads names with their organisation and title in brackets after them, a space between the two, and the signing they make', () => {
    const x = extractLines('10:30 | 战略合作签约仪式：穹顶智能 × 星河数据 | 签约嘉宾：柏一舟（穹顶智能 首席执行官）、闻若溪（杭州星河数据科技有限公司 副总经理）');
    expect(affiliations(x).sort()).toEqual(['柏一舟@穹顶智能:首席执行官', '闻若溪@杭州星河数据科技有限公司:副总经理']);
    expect(x.signings.map((s) => s.signatories.length)).toEqual([2]);
  });

  it('reads a speaker who gives their role first and then their organisation and name (我是今天的主持人，X的Y)', () => {
    const x = extractLines('我是今天的主持人，清源大学的闻若溪。', '我是今天的主持人，非常高兴的心情。');
    expect(affiliations(x)).toEqual(['闻若溪@清源大学:']);
    expect(forms(x, 'Person')).toEqual(['闻若溪']);
  });

  it('does not take ordinary words for names or text before a stray title for an organisation', () => {
    const x = extract('以大模型为代表的人工智能技术正在引领世界。我们的发布嘉宾和见证嘉宾已经就绪。\n');
    expect(forms(x, 'Person')).toEqual([]);
    expect(forms(x, 'Organization')).toEqual([]);
  });
});

describe('organisers', () => {
  it('takes every organisation of the hosting clauses as an organiser (由A主办，B承办，C协办; 由A和B联合主办), not a parent inside a name nor a supporter', () => {
    const organizers = (text: string) => {
      const x = extract(text);
      return x.relations.flatMap((r) => (r.type === 'ORGANIZED' ? [x.mentions.find((m) => m.id === r.from)!.form] : []));
    };
    expect(organizers('本次论坛由上海人工智能实验室主办，商汤科技承办，上海交通大学协办。\n')).toEqual(['上海人工智能实验室', '商汤科技', '上海交通大学']);
    expect(organizers('本次论坛由中国科学院自动化研究所和上海市人工智能行业协会联合主办，华为提供支持。\n')).toEqual(['中国科学院自动化研究所', '上海市人工智能行业协会']);
  });
});

describe('guests described in the third person', () => {
  it('reads "王五博士，他是百度研究院的首席科学家" as the guest\'s organisation and title', () => {
    const x = extractLines('下面是王五博士，他是百度研究院的首席科学家。', '让我们欢迎赵六女士，她是阿里巴巴达摩院的研究员。', '有请孙七小姐，她是小红书的产品经理。', '下面是签约仪式，他是一位老朋友。');
    expect(affiliations(x).sort()).toEqual(['孙七@小红书:产品经理', '王五@百度研究院:首席科学家', '赵六@阿里巴巴达摩院:研究员']);
  });
});

describe('guests announced one by one', () => {
  it('reads "第一位嘉宾是A，org title" and "第三位是来自org的title B"', () => {
    const x = extract('今天的第一位嘉宾是张亚勤，清华大学智能产业研究院院长。第三位是来自深圳市大疆创新科技有限公司的工程师王涛。\n');
    expect(affiliations(x).sort()).toEqual(['张亚勤@清华大学智能产业研究院:院长', '王涛@深圳市大疆创新科技有限公司:工程师']);
  });
});

describe('governments and news phrasing', () => {
  it('takes a place said alone before its government\'s executive title for that government (上海市副市长陈杰)', () => {
    const x = extractLines('上海市副市长陈杰出席并致辞。', '有请杭州市副市长李四，以及上海市经信委副主任王五。');
    const employers = Object.fromEntries(x.relations.flatMap((r) => r.type === 'AFFILIATED_WITH'
      ? [[x.mentions.find((m) => m.id === r.from)!.form, x.mentions.find((m) => m.id === r.to)!.lexiconName]] : []));
    expect(employers).toEqual({ 陈杰: '上海市人民政府', 李四: '杭州市人民政府', 王五: '上海市经济和信息化委员会' });
  });

  it('ends a name before 在演讲中/在接受采访时', () => {
    const x = extract('MiniMax创始人闫俊杰在演讲中表示，海螺AI的用户已经过亿。星云数据董事长刘海涛在接受采访时说。\n');
    expect(affiliations(x).sort()).toEqual(['刘海涛@星云数据:董事长', '闫俊杰@MiniMax:创始人']);
  });
});

describe('foreign guests', () => {
  it('reads English introductions: name, title of organisation (several), and organisation title name', () => {
    const x = extractLines(
      'Please welcome Dr. Andrew Ng, founder of DeepLearning.AI and managing general partner of AI Fund.',
      'OpenAI CEO Sam Altman said the next model is coming. NVIDIA founder and CEO Jensen Huang agreed.',
      'We invited Marc Hamilton, vice president of solutions architecture at NVIDIA.',
      'Thank you, Professor Zhang, for the wonderful talk.',
    );
    expect(affiliations(x).sort()).toEqual([
      'Andrew Ng@AI Fund:managing general partner', 'Andrew Ng@DeepLearning.AI:founder', 'Jensen Huang@NVIDIA:founder and CEO',
      'Marc Hamilton@NVIDIA:vice president of solutions architecture', 'Sam Altman@OpenAI:CEO',
    ]);
  });

  it('reads a Latin name after a Chinese title, past English honorifics, with the organisation before the title', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    // 下面有请马来西亚科技创新部副秘书长 Duk Doctor Osman带来云端分享
    expect(affiliations(x)).toContain('Osman@马来西亚科技创新部:副秘书长');
    // an English courtesy after a title is not an introduction of Mr Liu
    expect(forms(extract('感谢主持人 thank you Mr Liu。\n'), 'Person')).toEqual([]);
  });
});

describe('traditional Chinese', () => {
  it('reads a transcript in traditional characters as simplified, keeping what was written', () => {
    const x = extractLines('下面有請鴻海科技集團董事長劉揚偉先生上台致詞。', '我們與輝達合作打造AI工廠。', '台積電總裁魏哲家也出席了。');
    expect(affiliations(x).sort()).toEqual(['刘扬伟@鸿海科技集团:董事长', '魏哲家@台积电:总裁']);
    expect(x.mentions.find((m) => m.lexiconName === '英伟达')?.text).toBe('輝達');
    expect(partners(x)).toEqual(['辉达+鸿海科技集团']);
  });
});

describe('an English session', () => {
  it('reads "I\'m X, partner at Y", "X from Y", "X, co-director of Y" and "in collaboration with"', () => {
    const x = extractLines(
      "Good morning. I'm Sarah Chen, partner at Sequoia Capital China.",
      'Today our panel includes Andrew Ng from DeepLearning.AI, and Fei-Fei Li, co-director of Stanford HAI.',
      'Fei-Fei Li: World Labs is building spatial intelligence, in collaboration with NVIDIA.',
    );
    expect(forms(x, 'Person').sort()).toEqual(['Andrew Ng', 'Fei-Fei Li', 'Fei-Fei Li', 'Sarah Chen']);
    expect(affiliations(x).sort()).toEqual(['Andrew Ng@DeepLearning.AI:', 'Fei-Fei Li@Stanford HAI:co-director', 'Sarah Chen@Sequoia Capital:partner']);
    expect(partners(x)).toEqual(['NVIDIA+World Labs']);
  });

  it('reads interpreted English with full-width commas and "I\'m X from Y", and no body\'s name as a guest\'s', () => {
    const x = extractLines(
      'Please welcome Michael Brand， chief technology officer of Seamens digital industries。',
      "Thank you so much。I'm Sarah Lindqvist from A M D。谢谢，谢谢大家。",
      'vice president of Chinese Society of Paology， vice president of Chinese Paologist Association to deliver the speech。',
      'secretary of the Party Committee， chairman of Shanghai State owned Capital Investment Corporation。',
    );
    expect(affiliations(x).sort()).toEqual(['Michael Brand@Seamens:chief technology officer', 'Sarah Lindqvist@A M D:']);
    expect(forms(x, 'Person').sort()).toEqual(['Michael Brand', 'Sarah Lindqvist']);
  });
});

describe('organisations of guests the grammar half reads', () => {
  it('reads a guest called up by a lower-case Latin name, with the organisation before the title', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    // 下面有请阿普杜拉国王金融区开发和管理公司首席执行官goita致辞
    expect(affiliations(x)).toContain('goita@阿普杜拉国王金融区开发和管理公司:首席执行官');
    expect(forms(extract('感谢主持人 thank you Mr Liu。\n'), 'Person')).toEqual([]);
  });

  it('finds a named industry fund, and a company named inside a longer name before a unit of its own', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    expect(x.mentions.filter((m) => m.line === 133 && m.type === 'Organization').map((m) => m.form)).toContain('商康AI产业基金');
    const y = seedExtraction('000_fd0956bc4824aa51.txt');
    expect(y.mentions.filter((m) => m.line === 635 && m.type === 'Organization').map((m) => m.form)).toContain('南方电网大数据公司');
  });
});

describe('organisations', () => {
  it('takes a weak short name joined to a name of its kind (百度和吉利), not alone', () => {
    const x = extract('百度和吉利联合推出了新车型。今天是个吉利的日子。\n');
    expect(x.mentions.filter((m) => m.type === 'Organization').map((m) => m.lexiconName)).toEqual(['百度', '吉利控股集团']);
  });

  it('finds names by suffix with their whole proper prefix, not fragments of speech', () => {
    const x = extract('下面我们将进入上海国有资本投资有限公司和上海商汤智能科技有限公司的战略合作协议签约仪式。新一轮科技革命正在到来，人要学会思考。\n');
    expect(forms(x, 'Organization')).toEqual(expect.arrayContaining(['上海国有资本投资有限公司', '上海商汤智能科技有限公司']));
    expect(forms(x, 'Organization').some((f) => f.includes('新一轮') || f.includes('学会'))).toBe(false);
  });

  it('takes no generic word (高科技) or stutter for a name, but keeps X科技公司 and X资本公司', () => {
    const x = extract('这是世界高科技的前沿。优势优势资源赋能科技。深圳市星河易云科技公司也来了。我所在的上海国有投资资本公司很好。\n');
    expect(forms(x, 'Organization')).toEqual(['深圳市星河易云科技公司', '上海国有投资资本公司']);
  });

  it('names a unit after its parent\'s own name, and finds no parent inside a longer word (澳大 of 澳大利亚)', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    // 中国电信集团政企信息服务事业群的总经理潘天书
    expect(x.mentions.find((m) => m.line === 947 && m.form === '中国电信集团政企信息服务事业群')?.impliedName).toBe('中国电信政企信息服务事业群');
    const y = seedExtraction('001_36b022c5dd94acb0.txt');
    expect(y.mentions.filter((m) => m.line === 93 && m.lexiconName === '澳门大学')).toEqual([]);
    expect(forms(y, 'Organization')).toContain('澳大利亚科学院');
  });

  it('finds the academy named in an academician\'s title, and keeps the title with the employer', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    // 北京大学欧洲科学院院士、软件科学与工程系主任谢涛先生
    expect(x.mentions.filter((m) => m.line === 631 && m.type === 'Organization').map((m) => m.form)).toContain('欧洲科学院');
    expect(affiliations(x).filter((a) => a.startsWith('谢涛@'))).toEqual([expect.stringMatching(/^谢涛@北京大学:.*欧洲科学院院士/)]);
  });

  it('names the bodies a speaker sets up, and the ones listed after them, but takes them for no partner', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    // 中国电信联合产学研用合作伙伴，打造AI数据集联创基地AI应用示范联创基地、AI模型评测联创基地、AI人才培养联创基地
    const bases = x.mentions.filter((m) => m.line === 615 && m.method === 'founded').map((m) => m.form);
    expect(bases).toEqual(['AI数据集联创基地', 'AI应用示范联创基地', 'AI模型评测联创基地', 'AI人才培养联创基地']);
    const founded = new Set(x.mentions.filter((m) => m.method === 'founded').map((m) => m.id));
    expect(x.relations.filter((r) => r.type === 'PARTNERS_WITH' && (founded.has(r.from) || founded.has(r.to)))).toEqual([]);
    const y = extract('我们成立大模型协会和生态的联盟。这是去年成立的这样一个联合实验室。\n');
    expect(y.mentions.filter((m) => m.method === 'founded')).toEqual([]);
  });

  it('names a key laboratory after its field, verbs included, but not after the verb that sets it up', () => {
    const x = extract('那么传播内容认知全国重点实验室是国家战略科技力量。我们建设语音识别国家重点实验室。\n');
    expect(forms(x, 'Organization')).toEqual(['传播内容认知全国重点实验室', '语音识别国家重点实验室']);
  });

  it('types the other members of a list of organisations', () => {
    const x = extract('我们掌声欢迎来自中国电信、中国中车、长江三峡、中国旅游、长安汽车的嘉宾上台签约。\n');
    expect(forms(x, 'Organization')).toEqual(expect.arrayContaining(['中国旅游']));
  });

  it('corrects ASR homophones of lexicon names by pinyin', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    const ordnance = x.mentions.find((m) => m.form === '冰装集团');
    expect(ordnance?.lexiconName).toBe('中国兵器装备集团');
    expect(x.mentions.find((m) => m.form === '中原海运')?.lexiconName).toBe('中远海运');
  });

  it('reads a misheard known organisation before a department as that organisation (好威云marketing部)', () => {
    const x = extract('下面有请好威云marketing部部长董礼斌先生为我们带来主题分享。\n');
    const employer = x.mentions.find((m) => m.type === 'Organization' && m.form === '好威云');
    expect(employer?.lexiconName).toBe('华为云');
    expect(affiliations(x)).toEqual(['董礼斌@好威云:marketing部部长']);
  });
});

describe('honorific references', () => {
  it('reads 谢谢曹总 as 曹总 and never takes a pronoun for a given name (这个董事长)', () => {
    const x = extract('谢谢曹总。那这个问题呢想问一下叶总啊，叶总呢您不仅是这个人民网的这个董事长啊。\n');
    const refs = x.mentions.filter((m) => m.reference).map((m) => m.form);
    expect(refs).toEqual(expect.arrayContaining(['曹总', '叶总']));
    expect(refs).not.toContain('谢曹总');
    expect(refs).not.toContain('这个董事长');
  });

  it('reads 请问王院士 as 王院士, and takes no title for a name and an honorific (轮值董事长)', () => {
    const x = extract('请问王院士，您怎么看？以及华为公司副董事长、轮值董事长徐直军先生。\n');
    expect(x.mentions.filter((m) => m.reference).map((m) => m.form)).toEqual(['王院士']);
    const called = extract('谢谢三位。下面有请何总继续分享。有请王总上台。总体来看，我们的总部很好。\n');
    expect(called.mentions.filter((m) => m.reference).map((m) => m.form)).toEqual(['何总', '王总']);
  });
});

describe('models and products', () => {
  it('takes a company\'s name and a Latin brand word before 平台 for the company\'s product (中车mas平台), not a generic platform', () => {
    const x = extract('以电信星辰mas平台为底座，快速构建了中车mas平台。中国电信AI平台和中国电信算力调度平台都很好。\n');
    const products = x.mentions.filter((m) => m.type === 'Product');
    expect(products.map((m) => m.form)).toEqual(expect.arrayContaining(['中车mas平台']));
    expect(products.map((m) => m.form).some((f) => f.startsWith('中国电信'))).toBe(false);
    const owner = x.relations.find((r) => r.type === 'OFFERS' && r.to === products.find((m) => m.form === '中车mas平台')!.id);
    expect(x.mentions.find((m) => m.id === owner?.from)?.lexiconName).toBe('中国中车');
  });

  it('takes what is given a name in so many words for a name (叫做星河智能体平台, 叫做灵犀大模型), not a generic phrase', () => {
    const x = extract('这套系统叫做星河智能体平台，已经服务了上百家企业。我们把它叫做灵犀大模型。我们叫做行业大模型。\n');
    expect(x.mentions.filter((m) => m.type === 'Product' || m.type === 'Model').map((m) => `${m.type}:${m.form}`).sort()).toEqual(['Model:灵犀大模型', 'Product:星河智能体平台']);
  });

  it('takes a known model of a family and the model word after it for that model (混元Turbo大模型 is 混元Turbo)', () => {
    const x = extract('腾讯发布混元Turbo大模型。\n');
    const models = x.mentions.filter((m) => m.type === 'Model');
    expect(new Set(models.map((m) => m.lexiconName))).toEqual(new Set(['混元Turbo']));
  });

  it('takes a common word before 大模型 for a name when a version follows, and a misheard company name for the company\'s', () => {
    const x = extract('今天我们正式发布新一代的极光大模型2.0。行业大模型2.0时代已经到来。\n');
    expect(x.mentions.filter((m) => m.type === 'Model').map((m) => m.form)).toEqual(['极光大模型2.0']);
    // 智象未来's founder speaks of 志向大模型2。0: the model named after the company, as the company is named
    const seed = seedExtraction('001_36b022c5dd94acb0.txt');
    const model = seed.mentions.find((m) => m.type === 'Model' && m.form === '志向大模型2。0')!;
    expect(model.impliedName).toBe('智象大模型2.0');
    const owners = seed.relations.filter((r) => r.type === 'DEVELOPS' && r.to === model.id).map((r) => seed.mentions.find((m) => m.id === r.from)!.lexiconName);
    expect(owners).toEqual(['智象未来']);
  });

  it('finds named models, not generic phrases, and corrects a garbled family name', () => {
    const x = extract('华为云发布了盘古大模型5.0。行业大模型和多模态大模型都很重要。形成语音大模型实现了方言识别。\n');
    const models = x.mentions.filter((m) => m.type === 'Model');
    expect(models.map((m) => m.lexiconName ?? m.impliedName ?? m.form)).toContain('盘古大模型5.0');
    expect(models.some((m) => m.form === '行业大模型' || m.form === '多模态大模型')).toBe(false);
    expect(models.find((m) => m.form === '形成语音大模型')?.impliedName).toBe('星辰语音大模型');
    const develops = x.relations.filter((r) => r.type === 'DEVELOPS').map((r) => x.mentions.find((m) => m.id === r.from)!.form);
    expect(develops).toContain('华为云');
  });

  it('corrects a misspelt Latin name even on a line with no four letters in a row (GBT4O → GPT-4o)', () => {
    const x = extract('我想大家看到了GBT4O的这样的一个发布啊。\n');
    expect(x.mentions.filter((m) => m.type === 'Model').map((m) => `${m.form}=${m.lexiconName}`)).toEqual(['GBT4O=GPT-4o']);
  });

  it('takes no acronym one letter off another, no stutter, no pronoun and no ambiguous acronym for a known name', () => {
    const x = extract('说白了就是以前的CSSA很多东西。带来了对AIAI的基础设施的要求。我们期待未来这四大基地能够发挥作用。所谓的BP算法。\n');
    expect(x.mentions.filter((m) => m.type === 'Organization')).toEqual([]);
  });

  it('reads Model S, not the English word models', () => {
    expect(forms(extract('all these large language models。特斯拉的Model S也很好。\n'), 'Product')).toEqual(['Model S']);
  });

  it('does not name a model after a stutter (端端端端大模型) or a misheard generic word (垂育 for 垂域)', () => {
    expect(forms(extract('商汤这样的企业，也是在端端端端大模型呢在做积极的探索。\n'), 'Model')).toEqual([]);
    expect(forms(extract('我们有视觉检测算法和医疗垂育大模型的AI模型。\n'), 'Model')).toEqual([]);
  });

  it('names a version after a short form of the model (日新5。5 → 日日新5.5)', () => {
    const x = extract('# P1：20240705-商汤科技论坛 - x\n接下来我来给大家讲一讲我们的日新5。5啊。\n');
    expect(x.mentions.find((m) => m.type === 'Model' && m.impliedName === '日日新5.5')).toBeDefined();
  });
});

describe('what is not a name', () => {
  it('keeps a misheard known organisation, a doubled character and a clause ending in a verb out of the people', () => {
    const x = extract('云之声联合创始人、创新事业部总裁陈吉胜先生。好好，这个谢谢魏魏主任啊。他能够真正的将AI变成虚拟老师。\n');
    expect(forms(x, 'Person')).toEqual(expect.arrayContaining(['陈吉胜']));
    expect(forms(x, 'Person')).not.toEqual(expect.arrayContaining(['云之声']));
    expect(forms(x, 'Person').filter((f) => f.includes('魏魏') || f === '成虚拟')).toEqual([]);
    expect(forms(x, 'Organization')).not.toContain('将AI变');
    expect(x.mentions.find((m) => m.form === '云之声')?.lexiconName).toBe('云知声');
  });

  it('starts no name inside an ordinary word, and takes no one addressed for an organisation', () => {
    const x = seedExtraction('000_fd0956bc4824aa51.txt');
    // 我们怎么来理解柯董事长的这句话: not 来理 + 解柯; 🎼建先生、天树至新董事长…: 建先生 is no organisation
    expect(x.mentions.filter((m) => m.line === 823 && (m.form === '解柯' || m.form === '来理'))).toEqual([]);
    expect(x.mentions.filter((m) => m.line === 633 && m.form === '建先生')).toEqual([]);
    // a name that follows an organisation the segmenter runs into it (福建省数据局李新飞副局长) is still read
    expect(affiliations(x)).toContain('李新飞@福建省数据局:副局长');
  });
});

describe('weak organisation suffixes', () => {
  it('reads 科技 that starts a common phrase (科技创新, 科技人才) as no name\'s end, and one before 合作 as a name\'s', () => {
    const x = extractLines('长期服务上海科技创新。', '他是国家万人计划科技创新领军人才。', '赋能各行各业教育科技人才培养。', '我们和云帆科技合作了三年。');
    expect(forms(x, 'Organization')).toEqual(['云帆科技']);
  });
});

describe('Latin model names with versions', () => {
  const models = (x: Extraction) => x.mentions.filter((m) => m.type === 'Model').map((m) => `${m.form}=${m.impliedName ?? m.lexiconName ?? m.form}`);

  it('reads ASR\'s full stop as a decimal point (GLM-4。5), variant words after a hyphen, and a release in a sentence about a model', () => {
    const x = extractLines(
      '一直到现在的GLM-4。5。我们同时还开源了一个轻量的版本叫GLM-4。5-Air。',
      '七月份呢我们又发布了Qwen3-Coder，这个是一个专门面向编程的模型。',
      '我们最近开源了Wan2。2，它是业界第一个用了MoE架构的视频生成模型。',
    );
    expect(models(x)).toEqual(['GLM-4。5=GLM-4.5', 'GLM-4。5-Air=GLM-4.5-Air', 'Qwen3-Coder=Qwen3-Coder', 'Wan2。2=Wan2.2']);
  });

  it('types a Latin name a sentence calls a model as a Model, and its versions and spaced spelling after it', () => {
    const x = extractLines('今年三月份，我们开源了SpatialLM，是一个空间理解的大模型。', '那么今天，我们正式发布SpatialLM 1。5。相比上一个版本，Spatial LM快了很多。');
    expect(models(x)).toEqual(['SpatialLM=SpatialLM', 'SpatialLM 1。5=SpatialLM 1.5', 'Spatial LM=Spatial LM']);
    expect(forms(x, 'Product')).toEqual([]);
  });

  it('reads a size or a variant after a hyphen as a model of the family named before it (盘古-38B, 盘古-VL)', () => {
    const x = extractLines('我们内部用的是盘古-38B，多模态的场景用盘古-VL，还有一个测试-VL的方案。');
    expect(models(x)).toEqual(['盘古-38B=盘古-38B', '盘古-VL=盘古-VL']);
  });

  it('takes no connective before a list, no quoted catchword and no question about a kind of company for a name', () => {
    const x = extractLines(
      '6月15日，长三角智能体产业联盟在上海成立。联盟由上海人工智能实验室、灵枢智能、极衡科技等单位发起。',
      '无锡市人民政府（以下简称“市政府”）分别与科大讯飞股份有限公司、商汤科技、无锡微澜智能科技有限公司签署协议。',
      '开源正成为中国大模型“走出去”的主要方式。',
      '记者：最后一个问题，你怎么看大模型创业公司的未来？',
    );
    const names = [...forms(x, 'Organization'), ...forms(x, 'Model'), ...forms(x, 'Product')];
    for (const wrong of ['联盟由', '分别与', '走出去', '看大模型创业公司', '大模型创业公司']) expect(names).not.toContain(wrong);
    expect(forms(x, 'Organization')).toEqual(expect.arrayContaining(['上海人工智能实验室', '科大讯飞股份有限公司', '商汤科技']));
  });

  it('reads a version and the products named after a model family the text itself names (衍知大模型 → 衍知2。0, 衍知临床助手)', () => {
    const x = extractLines(
      '二零二三年我们发布了第一代的衍知大模型，去年发布了衍知2。0。',
      '基于衍知3。0呢，我们今天同时发布两款产品。第一款是衍知临床助手，这是一个给医生用的APP。第二款是衍知病历质控平台。',
      '今年我们和康衍智能联合发布了衍知慢病管家。衍知的平台我们也在用。',
    );
    expect(models(x).sort()).toEqual(['衍知2。0=衍知大模型2.0', '衍知3。0=衍知大模型3.0', '衍知大模型=衍知大模型']);
    expect(forms(x, 'Product').sort()).toEqual(['衍知临床助手', '衍知慢病管家', '衍知病历质控平台']);
  });

  it('reads a variant after a hyphen as a model of a family the text itself names (汀兰大模型3.0 → 汀兰-Lite)', () => {
    const x = extractLines('衡川智能今天发布了汀兰大模型3.0。', '知库一体机预装汀兰-Lite系列模型，还有一个测试-Lite的方案。');
    expect(models(x).sort()).toEqual(['汀兰-Lite=汀兰-Lite', '汀兰大模型3.0=汀兰大模型3.0']);
  });

  it('takes in the digits after a full stop that ASR put in a version, names a model set after 大模型, and what the model is said to be', () => {
    const x = extractLines(
      '我们的核心是自研的视觉大模型Lumen，现在已经是Lumen-3。2版本了。',
      '这套系统背后的模型是我们自研的Kestrel-2。5，推理速度很快。',
      '我们的模型叫星瀚-Vision 1。0，可以识别工业缺陷。',
      '去年我们推出了机器人Atlas 2。5亿元的订单已经签下。',
    );
    expect(models(x).sort()).toEqual(['Lumen=Lumen', 'Lumen-3。2=Lumen-3.2', 'Kestrel-2。5=Kestrel-2.5', '星瀚-Vision 1。0=星瀚-Vision 1.0'].sort());
    // digits that count something (5亿元) are no part of a version
    expect(forms(x, 'Product')).toEqual(['Atlas 2']);
  });
});

describe('generic bodies and speech before a name', () => {
  it('takes no organisation from 刚才/所有/先问 before a name or a title, nor a generic body after a place or common nouns', () => {
    const x = extractLines(
      '嗯，刚才陈市长讲得很全面。我们同传再补充一下刚才布兰特先生讲到的内容。我想先问王鹤老师。',
      '覆盖所有市级医院的临床数据。是一家产品主要用户在海外的中国AI公司，也是港股第一家人形机器人上市公司。',
      '深圳市智诚易云科技公司也来了。',
    );
    expect(forms(x, 'Organization')).toEqual(['深圳市智诚易云科技公司']);
  });
});

describe('alliances and companies named in passing', () => {
  it('reads an alliance named after its field, verbs and all, without the verb that launches it', () => {
    const x = extractLines(
      '接下来我们将举行杭州人工智能大模型产业创新联盟的成立仪式。', '共同启动长三角具身智能产业创新联盟。', '我们成立了一个大的联盟，也成立了大模型的语料联盟。',
      '祝贺杭州大模型产业创新联盟正式成立。首先有请经信局局长孙立群女士介绍联盟的情况。',
    );
    expect(forms(x, 'Organization')).toEqual(['杭州人工智能大模型产业创新联盟', '长三角具身智能产业创新联盟', '杭州大模型产业创新联盟', '大模型的语料联盟', '经信局']);
  });

  it('reads a subsidiary or a company given a name (子公司萤石网络, 一家公司，叫地瓜机器人专门做…)', () => {
    const x = extractLines('我们的子公司萤石网络，也把大模型用在了家庭场景上。', '我们孵化了一家公司，叫地瓜机器人专门做机器人的计算平台。', '我们有一家公司叫什么呢？我们的子公司也在做。');
    expect(forms(x, 'Organization')).toEqual(['萤石网络', '地瓜机器人']);
  });
});

describe('bare versions', () => {
  it('names a version said on its own after the model being talked about, but not a quantity', () => {
    const x = extract('接下来讲一讲我们的日新5。5。是因为我们5。0才发布不久，两个月前我们推出了5。0。\n我们的收入增长了3。5倍。\n');
    const models = x.mentions.filter((m) => m.type === 'Model').map((m) => `${m.form}=${m.impliedName ?? m.lexiconName}`);
    expect(models).toEqual(['日新5。5=日日新5.5', '5。0=日日新5.0', '5。0=日日新5.0']);
  });

  it('reads a version after a hyphen (GLM-5, Step-3) and a letter with a number (Kimi K3, 混元T2) as a model of its own', () => {
    const x = extract('智谱发布了GLM-5。Kimi K3也来了。混元T2上线。阶跃星辰的Step-3已经开源。混元有3000张卡。我们的极光大模型2。0发布了。\n');
    expect(x.mentions.filter((m) => m.type === 'Model').map((m) => `${m.form}=${m.impliedName ?? m.lexiconName}:${(m.versions ?? []).join(',')}`).sort())
      .toEqual(['GLM-5=undefined:5', 'Kimi K3=Kimi K3:K3', 'Step-3=undefined:3', '极光大模型2。0=极光大模型2.0:2.0', '混元=混元:', '混元T2=混元T2:T2']);
  });
});

describe('partnerships of a whole panel', () => {
  it('links the organisation of every panelist with the partner the moderator names for them all', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    // 这几位重磅嘉宾呢…都跟我们的人工智能生态发展有着非常密切的关系。并且跟商汤有着很好的合作
    const forms = x.relations.flatMap((r) => r.type === 'PARTNERS_WITH' && r.evidence.line === 1307
      ? [[r.from, r.to].map((id) => x.mentions.find((m) => m.id === id)!.form).sort().join('+')] : []);
    expect(forms).toEqual(expect.arrayContaining(['人民网+商汤', '商汤+弘毅投资', '商汤+国泰君安证券', '上资集团+商汤']));
  });

  it('needs a panel: the same words after single speeches link nobody', () => {
    const speeches = '有请人民网董事长叶珍珍致辞。\n接下来有请弘毅投资总裁曹永刚发言。\n今天这几位嘉宾都来了。并且跟商汤有着很好的合作。\n';
    expect(partners(extract(speeches))).toEqual([]);
    const panel = '下面进入圆桌论坛环节。我们邀请到的嘉宾有人民网董事长叶珍珍，弘毅投资总裁曹永刚。\n今天这几位嘉宾都来了。并且跟商汤有着很好的合作。\n';
    expect(partners(extract(panel)).sort()).toEqual(['人民网+商汤', '商汤+弘毅投资']);
  });
});

describe('whose "我们" it is', () => {
  it('ends a speaker\'s turn when the next guest takes the stage, even one whose employer is not named', () => {
    const x = extract('下面有请华为副总裁张三上台分享。\n我们和腾讯开展合作。\n接下来把时间交给李四教授。\n我们跟快手合作。\n');
    expect(partners(x)).toEqual(['华为+腾讯']);
  });

  it('follows speaker labels (芮勇：…): each "我们" is the labelled speaker\'s organisation, the host\'s nobody\'s', () => {
    const x = extractLines(
      '主持人：欢迎各位。我们请到了联想集团首席技术官芮勇博士，以及微软亚洲研究院院长周礼栋。',
      '芮勇：谢谢。我们和英特尔有很深的合作。',
      '周礼栋：我们和清华大学建立了联合实验室。',
      '主持人：我们和百度也有合作。',
    );
    expect(partners(x).sort()).toEqual(['微软亚洲研究院+清华大学', '联想集团+英特尔']);
  });

  it('follows a moderator handing a panel guest the floor by honorific (郑总先来), not a stage direction (请王会长留步)', () => {
    const x = extractLines(
      '大家好，我是天数智芯的郑凯，我在公司负责产品。', '大家好，我是阿里云的冯博。',
      '好。那我第一个问题就很直接啊，差在哪里？郑总先来。', '好，我觉得我们跟百度有很好的合作。',
      '谢谢。请冯总留步。', '我们跟腾讯也有合作。',
    );
    expect(partners(x).sort()).toEqual(['天数智芯+百度', '天数智芯+腾讯']);
  });

  it('ends a guest\'s turn when another panellist cuts in (我补充一点), and reads "我们也在跟A合作" as the speaker\'s', () => {
    const x = extractLines(
      '大家好，我是天数智芯的郑凯。', '大家好，我是阿里云的冯博。', '那我第一个问题，差在哪里？郑总先来。',
      '好，我觉得我们也在跟百度合作。', '我补充一点。我们跟摩尔线程、沐曦都有深度的合作。',
    );
    expect(partners(x).sort()).toEqual(['天数智芯+百度']);
  });

  it('takes the parties of a signing said in passing from its clause only (我们今天见证了A和B的签约，听到了C、D…)', () => {
    const x = extractLines('我们今天见证了瑞金医院和联影智能的签约，听到了医渡科技、科大讯飞、百度各家的实践。');
    expect(partners(x).sort()).toEqual(['瑞金医院+联影智能']);
  });

  it('gives "我们的X" to the guest called up to speak, not to the organiser, and a product named after a known family to its owner', () => {
    const x = extract('本次论坛由上海市人工智能行业协会主办。\n下面有请中科曙光副总裁李国庆先生带来演讲。\n我们的ParaStor分布式存储在榜单上排名第一。\n商汤科技的同事今天也来了。\n大家可以去展台体验小浣熊一体机。\n');
    const owners = x.relations.filter((r) => r.type === 'OFFERS').map((r) => `${x.mentions.find((m) => m.id === r.from)!.lexiconName}>${x.mentions.find((m) => m.id === r.to)!.form}`);
    expect(owners.sort()).toEqual(['中科曙光>ParaStor', '商汤科技>小浣熊', '商汤科技>小浣熊一体机']);
  });

  it('takes a company the lexicon knows by a short name that reads like a person\'s, among a list of companies', () => {
    const x = extract('高通和中国的手机厂商，比如小米、荣耀、vivo都有非常紧密的合作。\n');
    expect(x.mentions.filter((m) => m.type === 'Organization').map((m) => m.lexiconName).sort()).toEqual(['vivo', '小米', '荣耀终端', '高通']);
  });

  it('lets a joint body bring its parent into a launch, but not a branch (中华医学会病理学分会 without 中华医学会)', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    const launch = x.relations.flatMap((r) => r.type === 'PARTNERS_WITH' && r.evidence.line === 1017
      ? [r.from, r.to].map((id) => x.mentions.find((m) => m.id === id)!.form) : []);
    expect(launch).toContain('中华医学会病理学分会');
    expect(launch).not.toContain('中华医学会');
  });
});

describe('titles', () => {
  it('reads a title scoped to a region, and 联席 misheard as 联系, without taking them into the organisation', () => {
    const x = extract('有请星河数据中国区联系总裁梁燕。有请蓝海科技全球副总裁王强。\n');
    expect(affiliations(x)).toEqual(expect.arrayContaining(['梁燕@星河数据:中国区联系总裁', '王强@蓝海科技:全球副总裁']));
  });

  it('reads a graded title (青年科学家, 资深副总裁) after organisation 的, not the grade as part of the organisation', () => {
    const x = extract('欢迎王延峰教授和上海人工智能实验室的青年科学家陈恺。有请蓝海科技资深副总裁王强。\n');
    expect(affiliations(x)).toEqual(expect.arrayContaining(['陈恺@上海人工智能实验室:青年科学家', '王强@蓝海科技:资深副总裁']));
  });
});

describe('product names in Latin letters', () => {
  it('reads a name with a model word after one space (Walker S2), without a generic word before it or English around it', () => {
    const x = extractLines('今天我们发布了全新的人形机器人产品Walker S2，它已经在工厂里上岗。', '这个平台基于open KG的技术，面向to C的产品。');
    expect(forms(x, 'Product')).toEqual(['Walker S2']);
  });
});

describe('products named in passing', () => {
  it('reads a name given before or after what it names, and a known product inside a longer given name', () => {
    const x = extractLines(
      '软件平台呢叫BIRENSUPA，同样也是兼容主流的框架。我们开源了一个叫AgiBot World的数据集，是目前最大的。',
      '我们做了一个能源管理的智能体，叫EcoStruxure Energy Copilot。',
      '我们提出的一个叫大模型机器人的应用。健康助手叫做他这个健康的智能体。',
    );
    expect(forms(x, 'Product').sort()).toEqual(['AgiBot World', 'BIRENSUPA', 'EcoStruxure Energy Copilot']);
  });

  it('reads short model codes of hardware (H1, B2, GR-3, BR106), not driving levels, halves of a year or AI misheard', () => {
    const x = extractLines(
      '那第二个是H1，是我们的全尺寸人形机器人。还有B2是工业级的四足机器人。',
      'GR-3呢，它是我们第一款面向照护场景的全尺寸人形机器人。量产出货的主要是BR106和BR110。',
      'L2级辅助驾驶的车型越来越多。我们的上半年H1业绩增长了。我们的模型和I2呢也需要一个全新的应用载体。',
    );
    expect(forms(x, 'Product').sort()).toEqual(['B2', 'BR106', 'BR110', 'GR-3', 'H1']);
  });

  it('takes a model code or a variant word after a known product family into the product (骁龙AR1, 酷睿Ultra)', () => {
    const x = extractLines('主芯片我们用的是高通的骁龙AR1。笔记本用的是英特尔的酷睿Ultra，续航很好。');
    expect(x.mentions.filter((m) => m.type === 'Product').map((m) => m.form)).toEqual(['骁龙AR1', '酷睿Ultra']);
  });

  it('takes a coined brand written before a model code into the product\'s name, not the end of a word or a known maker', () => {
    const x = extractLines(
      '今天我们正式发布第三代端侧AI芯片，青隼K5。那我们也同时发布澄光V2 AI眼镜。',
      '我们的四足机器人Go2卖得很好。今天小米发布了小米X9手机。',
      '刚才跟大家打招呼的就是我们的机器狗澜步X3。',
    );
    expect(forms(x, 'Product').sort()).toEqual(['Go2', 'X9', '澄光V2', '澜步X3', '青隼K5']);
  });

  it('reads a product line or model family named X系列, not a count or a size', () => {
    const x = extractLines(
      '我们现在有三个系列，远征系列是全尺寸的人形机器人，还有一个精灵系列是轮式的双臂机器人。',
      '大家可能知道微软的Orca系列模型。上个月我们发布了MI350系列，它的推理性能提升了。这个系列很好，高端系列产品卖得很好。',
    );
    expect(forms(x, 'Product').sort()).toEqual(['MI350', '精灵', '远征']);
    expect(forms(x, 'Model')).toEqual(['Orca']);
  });

  it('reads the speaker\'s own product in Latin letters, an acronym only beside the kind of thing it is', () => {
    const x = extractLines(
      '我们的Cambricon NeuWare，就是我们的基础软件平台。我们的ParaStor分布式存储在榜单上。',
      '支撑这个的，是我们自研的MUSA架构。我们的软件栈MXMACA是兼容的。我们的PUE可以做到1.04。我们的AI很强。',
    );
    expect(forms(x, 'Product').sort()).toEqual(['Cambricon NeuWare', 'MUSA', 'MXMACA', 'ParaStor']);
  });
});

describe('transcripts with speaker labels', () => {
  it('takes neither a title nor a role from the label (主持人：…有请…董事长陈建国), and no host from thanks to the host', () => {
    const x = extractLines(
      '主持人：感谢王总的精彩分享。下面有请深圳云帆智能科技有限公司董事长陈建国先生上台。',
      '陈建国：谢谢主持人。大家好，我是云帆智能的陈建国。',
      '主持人：接下来进入签约环节。有请余杭区人民政府副区长张明，和阿里云副总裁刘伟上台签约。',
    );
    expect(affiliations(x)).toContain('陈建国@深圳云帆智能科技有限公司:董事长');
    expect(affiliations(x).filter((a) => a.includes('主持人'))).toEqual([]);
    expect(roles(x)).toEqual({ 陈建国: 'guest', 张明: 'signatory', 刘伟: 'signatory' });
  });

  it('gives "我们的" product to the labelled speaker\'s organisation', () => {
    const x = extractLines(
      '主持人：有请深圳云帆智能科技有限公司董事长陈建国。',
      '陈建国：我们的机器人产品叫做云帆一号。',
    );
    const product = x.mentions.find((m) => m.type === 'Product' && m.form === '云帆一号')!;
    expect(product.category).toBe('device');
    const owner = x.relations.find((r) => r.type === 'OFFERS' && r.to === product.id)!;
    expect(x.mentions.find((m) => m.id === owner.from)!.form).toBe('深圳云帆智能科技有限公司');
  });
});

describe('roles on stage', () => {
  const roleOf = (x: Extraction, name: string) => x.relations.flatMap((r) => r.type === 'SPOKE_AT' && x.mentions.find((m) => m.id === r.from)!.form === name ? [r.role] : [])[0];

  it('reads a talk as a talk though the guest thanks the host right after (谢谢主持人), and 主持研发 as research', () => {
    const x = seedExtraction('001_36b022c5dd94acb0.txt');
    expect(roleOf(x, '张宪涛')).toBe('speaker');
    expect(roleOf(seedExtraction('003_87ebb27bd3d100dc.txt'), '彭宇欣')).toBe('speaker');
  });

  it('ends a name before what the guest is called up to do (魏凯发布《…》)', () => {
    const x = extract('下面有请中国信息通信研究院人工智能研究所所长魏凯发布《智能体产业发展白皮书》。\n');
    expect(affiliations(x)).toContain('魏凯@中国信息通信研究院人工智能研究所:所长');
  });
});

describe('two guests joined by 与', () => {
  it('ends the first name at 与 and gives each guest their own organisation and title, and the pair cooperates', () => {
    const x = extract('随后，上海市经济和信息化委员会副主任张英与商汤科技董事长徐立共同为“具身智能创新中心”揭牌。\n');
    expect(affiliations(x).sort()).toEqual(['张英@上海市经济和信息化委员会:副主任', '徐立@商汤科技:董事长']);
    expect(partners(x)).toEqual(['上海市经济和信息化委员会+商汤科技']);
  });

  it('reads a launch told in a report as the two who launched, not as a ceremony of everyone introduced near it', () => {
    const x = extractLines(
      '华为云CEO张平安说，华为云与中国石油共同发布了昆仑大模型。',
      'Next, please welcome Jensen Huang, founder and CEO of NVIDIA.',
    );
    expect(partners(x)).toEqual(['中国石油+华为云']);
  });
});

describe('witnesses of a signing', () => {
  it('takes a witness called up before the word (有请…汤文侃见证签约) as a witness, not a party', () => {
    const x = extractLines(
      '接下来是签约仪式。有请中国科学院自动化研究所所长徐波、蚂蚁集团副总裁李俊奎上台签约。',
      '有请上海市经信委副主任汤文侃见证签约。',
    );
    expect(roles(x)).toEqual({ 徐波: 'signatory', 李俊奎: 'signatory', 汤文侃: 'witness' });
    expect(x.signings).toHaveLength(1);
    expect(x.signings[0]!.parties.map((id) => x.mentions.find((m) => m.id === id)!.form).sort()).toEqual(['中国科学院自动化研究所', '蚂蚁集团']);
  });

  it('tells the witnesses of a seed ceremony from its signatories', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    const at1287 = Object.fromEntries(x.relations.flatMap((r) => r.type === 'SPOKE_AT' && r.evidence.line === 1287
      ? [[x.mentions.find((m) => m.id === r.from)!.form, r.role]] : []));
    expect(at1287).toMatchObject({ 史佩: 'signatory', 杨帆: 'signatory', 郭奕玉: 'witness' });
  });
});

describe('units of an organisation', () => {
  it('reads a numbered unit whole (公安部第三研究所), and a partner named inside a unit\'s name is the unit', () => {
    const x = extractLines('主持人：有请360集团创始人周鸿祎。', '周鸿祎：我们跟公安部第三研究所一直有合作。', '本次论坛由中国科学院自动化研究所和上海市人工智能行业协会联合主办。');
    expect(forms(x, 'Organization')).toContain('公安部第三研究所');
    expect(partners(x).sort()).toEqual(['360集团+公安部第三研究所', '上海市人工智能行业协会+中国科学院自动化研究所']);
  });
});

describe('speech as it is spoken', () => {
  it('runs a list of partners over commas (跟英伟达，还有那个超威半导体AMD，都有很好的合作)', () => {
    const x = extractLines('大家好，我是来自阿里巴巴达摩院的赵德丽。', '我们跟英伟达，还有那个超威半导体AMD，都有很好的合作。');
    expect(partners(x).sort()).toEqual(['英伟达+阿里巴巴达摩院', '超威半导体+阿里巴巴达摩院']);
  });

  it('takes a short name that is also a word (字节) for the company before a model of its own', () => {
    const x = extract('像百度的文心一言，还有字节的豆包大模型，大家都很熟悉。这个文件有几个字节的大小。\n');
    expect(x.mentions.filter((m) => m.lexiconName === '字节跳动').map((m) => m.form)).toEqual(['字节']);
    const doubao = x.mentions.find((m) => m.type === 'Model' && m.lexiconName === '豆包大模型')!;
    expect(x.relations.some((r) => r.type === 'DEVELOPS' && r.to === doubao.id)).toBe(true);
  });
});

describe('partners of the speaker', () => {
  it('takes "我们的合作伙伴包括A、B" and "A是我们的战略合作伙伴" as partners of the speaker\'s organisation, not of each other', () => {
    const x = extractLines('掌声有请北京智谱华章科技有限公司首席执行官张鹏先生。', '我们的合作伙伴包括中国移动、中国联通以及国家电网。', '华为是我们的战略合作伙伴。');
    expect(partners(x).sort()).toEqual(['中国移动+北京智谱华章科技有限公司', '中国联通+北京智谱华章科技有限公司', '北京智谱华章科技有限公司+华为', '北京智谱华章科技有限公司+国家电网']);
  });

  it('reads the speaker\'s partners named with a qualifier (我们在上海的合作伙伴), and no partnership among schools of a joint programme', () => {
    const x = extractLines(
      '大家好，我是寒武纪的王明。我们在上海的合作伙伴包括上海仪电、商汤、中国电信等等。',
      '我们和香港科技大学、复旦大学都有联合的实验室或者联合培养的项目。我们跟联想和新华三一起推出了训练服务器。',
    );
    expect(partners(x).sort()).toEqual(['上海仪电+寒武纪', '中国电信+寒武纪', '商汤+寒武纪', '复旦大学+寒武纪', '寒武纪+新华三', '寒武纪+联想', '寒武纪+香港科技大学', '新华三+联想']);
  });

  it('reads English cooperation ("we work closely with") and English call-ups as appearances on stage', () => {
    const x = extractLines(
      'It is my great pleasure to introduce Professor Yann LeCun, Chief AI Scientist at Meta.',
      'Yann LeCun: Thank you. At Meta we released Llama 4 this year, and we work closely with Hugging Face.',
    );
    expect(partners(x)).toEqual(['Hugging Face+Meta']);
    expect(x.relations.some((r) => r.type === 'SPOKE_AT' && x.mentions.find((m) => m.id === r.from)!.lexiconName === '杨立昆')).toBe(true);
  });
});

describe('speech with fillers and misheard makers', () => {
  it('reads an introduction across a filler (…来自好威云的，呃，首席技术官张宇昕)', () => {
    const x = extract('嗯，各位好，那个，我是来自好威云的，呃，首席技术官张宇昕。\n');
    expect(affiliations(x)).toEqual(['张宇昕@好威云:首席技术官']);
  });

  it('takes a two-character name that sounds like a model\'s maker, right before it, for the maker (腾迅的混元)', () => {
    const x = extract('然后那个，科大寻飞的星火，还有腾迅的混元，我们都做了适配。腾迅速度很快。\n');
    const orgs = x.mentions.filter((m) => m.type === 'Organization').map((m) => `${m.form}:${m.lexiconName}`);
    expect(orgs.sort()).toEqual(['科大寻飞:科大讯飞', '腾迅:腾讯']);
    expect(x.mentions.filter((m) => m.type === 'Model').map((m) => m.lexiconName).sort()).toEqual(['星火认知大模型', '混元']);
  });
});

describe('products and models given a name', () => {
  it('reads 叫做/命名为/叫“…” + name after what is named, typed by it, and not an ordinary word or a question', () => {
    const x = extractLines('这款大模型命名为玄武。', '我们的芯片叫做灵犀X1。', '这个平台叫做什么呢？', '这个产品叫做平台。', '这款产品叫“小智同学”。', '这个产品叫我们很头疼。');
    expect(x.mentions.filter((m) => m.type === 'Model').map((m) => m.form)).toEqual(['玄武']);
    expect(x.mentions.filter((m) => m.type === 'Product').map((m) => `${m.form}:${m.category}`)).toEqual(['灵犀X1:chip', '小智同学:other']);
    expect(forms(x, 'Person')).toEqual([]);
  });

  it('reads a bare 叫 right after what is named, when the name ends the clause, with its maker inside it', () => {
    const x = extractLines(
      '我们去年发布了一台全尺寸的人形机器人，嗯叫青龙。第二个是我们的仿真平台叫格物。',
      '我们的产品叫Galbot G1，是一个轮式的双臂机器人。另外我们还有一个产品叫京东家医，就是家庭医生的服务。',
      '有一个企业级的大模型开发平台，叫元脑企智EPAI，帮企业做知识库。那个时候还不叫大模型叫深度学习。',
      '我们的零售产品叫Csmar购烧麦购的啊，这个系统叫newnew new world。',
    );
    expect(x.mentions.filter((m) => m.type === 'Product').map((m) => `${m.form}:${m.category}`).sort())
      .toEqual(['Csmar:other', 'Galbot G1:other', '京东家医:other', '元脑企智EPAI:platform', '格物:platform', '青龙:device']);
    expect(forms(x, 'Model')).toEqual([]);
    expect(forms(x, 'Organization')).toContain('京东');
  });
});

describe('partnerships of work done together', () => {
  it('reads "和X一起做…" and "跟X一起训练了…" as cooperation with the speaker\'s organisation', () => {
    const x = extractLines(
      '主持人：有请智谱AI CEO张鹏。',
      '张鹏：我们和国家电网一起做电力大模型，也跟上海人工智能实验室一起训练了新的模型。',
    );
    expect(partners(x).sort()).toEqual(['上海人工智能实验室+智谱AI', '国家电网+智谱AI']);
  });
});

describe('signing events', () => {
  it('reads the ceremony: name, subject, parties (witnesses excluded) and signatories', () => {
    const x = seedExtraction('002_006024088c0cb5f1.txt');
    const ascend = x.signings.find((s) => s.name.includes('原生应用开发'))!;
    expect(ascend.subject).toBe('升腾原生应用开发');
    const parties = ascend.parties.map((id) => x.mentions.find((m) => m.id === id)!.form);
    expect(parties).toContain('华为');
    const signers = ascend.signatories.map((s) => x.mentions.find((m) => m.id === s.person)!.form);
    expect(signers).toEqual(expect.arrayContaining(['史佩', '杨帆']));
    expect(signers).not.toContain('郭奕玉');
  });

  it('names a ceremony announced by a bare 签约仪式 by its parties', () => {
    const x = seedExtraction('003_87ebb27bd3d100dc.txt');
    expect(x.signings.map((s) => s.name)).toEqual(['中国移动上海产业研究院、联会科技签约']);
  });
});

describe('news-style text', () => {
  it('reads speakers, their employers, models and agreements from a news report', () => {
    const x = extractLines(
      '# 2025世界人工智能大会：多家企业签署合作协议',
      '阿里云与中国石化签署战略合作协议，双方将在通义千问大模型等领域深化合作。',
      '百度创始人、董事长兼首席执行官李彦宏在主论坛发表演讲，介绍了文心大模型4.5的最新进展。',
      '华为轮值董事长徐直军介绍了盘古大模型5.5。会上，上海人工智能实验室与商汤科技联合发布书生·浦语大模型新版本。',
    );
    expect(affiliations(x)).toEqual(expect.arrayContaining(['李彦宏@百度:创始人、董事长兼首席执行官', '徐直军@华为:轮值董事长']));
    const models = x.mentions.filter((m) => m.type === 'Model').map((m) => m.lexiconName ?? m.impliedName ?? m.form);
    expect(models).toEqual(expect.arrayContaining(['通义千问', '书生·浦语']));
    expect(models).not.toContain('浦语大模型');
    expect(x.signings).toHaveLength(1);
    expect(x.signings[0]!.parties.map((id) => x.mentions.find((m) => m.id === id)!.lexiconName)).toEqual(expect.arrayContaining(['阿里云', '中国石化']));
  });

  it('reads each signing project of a ceremony as an event of its own, named by the project', () => {
    const x = extractLines(
      '下面进行重点项目签约。第一个签约项目是：中国电信与上海交通大学共建人工智能联合实验室。有请双方代表上台签约。',
      '第二个签约项目是：华为云与同济大学的具身智能战略合作。有请双方代表上台。',
    );
    expect(x.signings.map((s) => `${s.name} | ${s.subject} | ${s.parties.map((id) => x.mentions.find((m) => m.id === id)!.form).join('+')}`)).toEqual([
      '中国电信与上海交通大学共建人工智能联合实验室 | 共建人工智能联合实验室 | 中国电信+上海交通大学',
      '华为云与同济大学的具身智能战略合作 | 具身智能战略合作 | 华为云+同济大学',
    ]);
    expect([...new Set(partners(x))].sort()).toEqual(['上海交通大学+中国电信', '华为云+同济大学']);
  });

  it('reads an agreement said plainly (我们跟比亚迪签了战略合作协议) as the speaker\'s', () => {
    const x = extractLines('我是来自华为云的首席技术官张宇昕。', '我们跟比亚迪签了战略合作协议。我签了个名。');
    expect(x.signings.map((s) => s.name)).toEqual(['华为云与比亚迪战略合作协议']);
  });

  it('reads each agreement a report tells in one sentence as an event of its own, with its parties and subject', () => {
    const x = extractLines(
      '阿里云与中国一汽签署战略合作协议，双方将在智能座舱领域展开合作。阿里云智能集团首席技术官周靖人出席签约仪式。',
      '百度创始人李彦宏表示，文心大模型的用户规模已突破3亿。',
      '商汤科技董事长兼CEO徐立宣布推出日日新5.5，并与上海临港集团签署合作备忘录。',
      '会上，上海市经济和信息化委员会与商汤科技、阿里云签署了人工智能产业发展合作协议。',
    );
    const events = x.signings.map((s) => `${s.name} | ${s.subject} | ${s.parties.map((id) => x.mentions.find((m) => m.id === id)!.lexiconName ?? '?').join('+')}`);
    expect(events).toEqual([
      '阿里云与中国一汽战略合作协议 | 战略合作协议 | 阿里云+中国一汽',
      '商汤科技与上海临港集团合作备忘录 | 合作备忘录 | 商汤科技+临港集团',
      '上海市经济和信息化委员会、商汤科技与阿里云人工智能产业发展合作协议 | 人工智能产业发展合作协议 | 上海市经济和信息化委员会+商汤科技+阿里云',
    ]);
  });

  it('takes the speaker\'s organisation for the "我们" that signed an agreement', () => {
    const x = extract('有请华为云副总裁张伟上台演讲。\n大家好，我是华为云的张伟。今年我们与中国电信签署了战略合作协议。\n');
    expect(x.signings.map((s) => s.parties.map((id) => x.mentions.find((m) => m.id === id)!.lexiconName))).toEqual([['华为云', '中国电信']]);
  });
});

describe('written reports: press releases, news, interviews', () => {
  it('reads a registered name whose coined part the segmenter splits, and the short names declared for it', () => {
    const x = extractLines(
      '成都岷江启衡科技有限公司（以下简称“启衡科技”）今天发布新品。广州云栖未来科技有限公司（Cloudnest AI，简称“云栖未来”）首席执行官赵明远出席。',
      '启衡科技首席技术官吴思远表示，公司将继续加大研发投入。',
    );
    expect(forms(x, 'Organization')).toEqual(expect.arrayContaining(['成都岷江启衡科技有限公司', '广州云栖未来科技有限公司', '启衡科技', 'Cloudnest AI', '云栖未来']));
    const declared = x.mentions.filter((m) => m.aliasOf).map((m) => `${m.form}=${x.mentions.find((n) => n.id === m.aliasOf)!.form}`);
    expect(declared).toEqual(['启衡科技=成都岷江启衡科技有限公司', 'Cloudnest AI=广州云栖未来科技有限公司', '云栖未来=广州云栖未来科技有限公司']);
    // the brackets stand between the company and its chief executive; the short name is found again on the next line
    expect(affiliations(x)).toEqual(expect.arrayContaining(['赵明远@广州云栖未来科技有限公司:首席执行官', '吴思远@启衡科技:首席技术官']));
  });

  it('does not take a verb of founding after a place into a registered name', () => {
    const x = extractLines('我们在上海注册科技有限公司。');
    expect(forms(x, 'Organization')).not.toContain('上海注册科技有限公司');
  });

  it('reads people named in a report: regional titles, a name followed by what they said, a place standing for its government', () => {
    const x = extractLines(
      '温州市副市长钱立群与华为云副总裁、华南区总经理孔德伟签署协议。',
      '联想集团董事长杨元庆在日前的发布会上表示，明年AI PC出货将翻倍。广达董事长林百里则乐观表示，订单充足。',
    );
    expect(affiliations(x)).toEqual(expect.arrayContaining([
      '钱立群@温州市:副市长', '孔德伟@华为云:副总裁、华南区总经理', '杨元庆@联想集团:董事长', '林百里@广达:董事长',
    ]));
    expect(x.mentions.find((m) => m.form === '温州市')?.impliedName).toBe('温州市人民政府');
  });

  it('reads products and models named in quotes after or before what they are', () => {
    const x = extractLines('云帆科技正式发布新一代基础大模型“云帆大模型2.0”，并推出企业级智能体开发平台“帆影Agent工坊”、知识问答设备“云帆知库一体机”和“帆小助”解决方案。');
    expect(forms(x, 'Model')).toContain('云帆大模型2.0');
    expect(forms(x, 'Product')).toEqual(expect.arrayContaining(['帆影Agent工坊', '云帆知库一体机', '帆小助']));
  });

  it('pairs each party on one side of "分别与" with each on the other, not the sides among themselves', () => {
    const x = extractLines('温州市人民政府、上海临港集团分别与阿里云、商汤科技签署战略合作协议。');
    expect([...new Set(partners(x))].sort()).toEqual(['上海临港集团+商汤科技', '上海临港集团+阿里云', '商汤科技+温州市人民政府', '温州市人民政府+阿里云']);
    expect(x.signings).toHaveLength(1);
  });

  it('makes the partners listed with 等合作伙伴 partners of the organiser, not of the first organisation named', () => {
    const x = extractLines('# 云帆科技发布会', '由云帆科技主办。浙江省经济和信息化厅有关负责人，以及阿里云、浙江大学、浪潮信息等合作伙伴代表出席了发布会。');
    expect([...new Set(partners(x))].sort()).toEqual(['云帆科技+浙江大学', '云帆科技+浪潮信息', '云帆科技+阿里云']);
  });

  it('reads a coined brand launched with a kind of product, generic words of the trade inside it included', () => {
    const x = extractLines('第三，我们推出了铸岳一体机，开箱即用。我们的澄鉴大模型安全评测平台已经服务了80多家企业。', '我们推出了算力调度平台，也上线了AI平台。');
    expect(forms(x, 'Product')).toEqual(expect.arrayContaining(['铸岳一体机', '澄鉴大模型安全评测平台']));
    expect(forms(x, 'Product')).not.toEqual(expect.arrayContaining(['算力调度平台']));
    expect(forms(x, 'Product')).not.toEqual(expect.arrayContaining(['AI平台']));
  });

  it('reads an alliance founded on stage whose founders sign its charter, and the next signing as an event of its own', () => {
    const x = extractLines(
      '接下来是长三角数据安全协作联盟成立仪式。有请联盟的发起单位代表上台。',
      '他们是，星汉数字治理研究院院长钟启明，华东政法大学副校长罗文清，商汤科技副总裁杨帆。',
      '请各位发起单位代表在联盟章程上签字。',
      '接下来，还有一项国际合作签约。有请星汉数字治理研究院院长钟启明先生和AI Verify基金会执行董事Daniel Tan先生上台，签署合作备忘录。',
    );
    const parties = x.signings.map((s) => s.parties.map((id) => x.mentions.find((m) => m.id === id)!.form).sort().join('+'));
    expect(parties).toEqual(['华东政法大学+商汤科技+星汉数字治理研究院', 'AI Verify基金会+星汉数字治理研究院']);
    expect(affiliations(x)).toContain('Daniel Tan@AI Verify基金会:执行董事');
  });

  it('reads the local bodies of a place: its party committee, its government, its own 国资委', () => {
    const x = extractLines('温州市委书记钟学军出席。温州市副市长钱立群与华为签约。温州市国资委主任郑怡表示欢迎。');
    const bodies = x.relations.flatMap((r) => r.type === 'AFFILIATED_WITH' ? [x.mentions.find((m) => m.id === r.to)!] : []).map((m) => m.impliedName ?? m.lexiconName ?? m.form);
    expect(bodies).toEqual(['中共温州市委员会', '温州市人民政府', '温州市国资委']);
  });

  it('gives a person with a title and no organisation the organisation their paragraph is about', () => {
    const x = extractLines('3. 智谱｜北京。发布新一代基座模型GLM-4.5，并推出智能体产品AutoGLM。首席执行官张鹏。');
    expect(affiliations(x)).toContain('张鹏@智谱:首席执行官');
    const owners = x.relations.flatMap((r) => r.type === 'DEVELOPS' ? [`${x.mentions.find((m) => m.id === r.from)!.form}>${x.mentions.find((m) => m.id === r.to)!.form}`] : []);
    expect(owners).toEqual(expect.arrayContaining(['智谱>GLM-4.5']));
  });

  it('gives a launched product to the organisation the sentence starts with', () => {
    const x = extractLines('杭州云岫智能科技有限公司（以下简称“云岫智能”）今天正式发布新一代基础大模型“岫山大模型2.0”，并同步推出智能体开发平台“岫山Agent工坊”。');
    const owners = x.relations.flatMap((r) => r.type === 'DEVELOPS' || r.type === 'OFFERS' ? [`${x.mentions.find((m) => m.id === r.from)!.form}>${x.mentions.find((m) => m.id === r.to)!.form}`] : []);
    expect(owners).toEqual(expect.arrayContaining(['云岫智能>岫山大模型2.0', '云岫智能>岫山Agent工坊']));
  });

  it('reads a name after a title that the sentence goes on from, and a reporter\'s byline', () => {
    const x = extractLines('滨江区副区长马晓婷第一个上台致辞。COO梁思琪之前在美团负责运营。【记者林怡君／台北报道】辉达新一代平台出货。');
    expect(forms(x, 'Person')).toEqual(expect.arrayContaining(['马晓婷', '梁思琪', '林怡君']));
    expect(forms(x, 'Person')).not.toEqual(expect.arrayContaining(['马晓婷第一个']));
  });

  it('reads a foreign name written in Han characters whole, after its organisation', () => {
    const x = extractLines('来自苏黎世联邦理工学院的汉娜·穆勒教授发言。有请英伟达副总裁拉杰什·梅农先生。');
    expect(affiliations(x)).toEqual(expect.arrayContaining(['汉娜·穆勒@苏黎世联邦理工学院:教授', '拉杰什·梅农@英伟达:副总裁']));
    expect(forms(x, 'Organization')).not.toEqual(expect.arrayContaining(['汉娜·']));
  });

  it('reads a name glued to the connective after a known one (工业富联与鸿佰科技), and keeps 与 inside a name of one body', () => {
    const x = extractLines('鸿海旗下工业富联与鸿佰科技合作。中国信通院工业互联网与物联网研究所发布报告。');
    expect(forms(x, 'Organization')).toEqual(expect.arrayContaining(['工业富联', '鸿佰科技']));
    expect(forms(x, 'Organization').some((f) => f.startsWith('旗下'))).toBe(false);
  });

  it('does not carry an organisation read at the end of one sentence to a person in the next', () => {
    const x = extractLines('8. 面壁智能｜北京。MiniCPM系列模型已在手机、汽车和机器人等终端上部署。CEO李大海。');
    expect(affiliations(x)).toEqual(['李大海@面壁智能:CEO']);
  });

  it('takes no connective and surname for a name (陈市长和周厅长), and no district for a person (余杭区委副书记)', () => {
    const x = extractLines('刚才陈市长和周厅长都讲到了。下面有请余杭区委副书记、区长吴晓峰先生。');
    expect(forms(x, 'Person')).not.toEqual(expect.arrayContaining(['和周']));
    expect(forms(x, 'Person')).not.toEqual(expect.arrayContaining(['余杭']));
    expect(x.mentions.find((m) => m.type === 'Organization' && m.form === '余杭')?.impliedName).toBe('中共余杭区委员会');
  });

  it('takes no kind of body described in ordinary words for a name (项目产学院), but a key laboratory named after its field', () => {
    const x = extractLines('欢迎各位来到项目产学院。传播内容认知全国重点实验室也来了。');
    expect(forms(x, 'Organization')).toEqual(['传播内容认知全国重点实验室']);
  });

  it('takes nothing from a sentence that only describes bodies', () => {
    const x = extractLines('这件事只靠政府是不行的。');
    expect(forms(x, 'Organization')).toEqual([]);
  });

  it('ends an unveiling ceremony where the next ceremony, a signing, calls its own guests', () => {
    const x = extractLines(
      '接下来是长三角工业创新中心揭牌仪式。有请中国信通院副总工程师潘志远先生，铸云科技创始人沈砚舟先生上台。',
      '祝贺创新中心正式揭牌。',
      '接下来进行生态共建签约仪式。有请签约嘉宾上台。他们是，华为云副总裁张伟先生，阿里云副总裁李明先生。',
    );
    const launched = x.relations.flatMap((r) => r.type === 'PARTNERS_WITH' && r.basis === 'joint-launch' ? [[x.mentions.find((m) => m.id === r.from)!.form, x.mentions.find((m) => m.id === r.to)!.form].sort().join('+')] : []);
    expect(launched).toEqual(['中国信通院+铸云科技']);
  });
});

