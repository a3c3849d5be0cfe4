import { asDecimal, CLAUSE_BREAK, COUNTER_AFTER_NUMBER, decimalName, sentenceBounds } from '../util/text.js';
import type { PRODUCT_CATEGORIES } from '../lexicon/schema.js';
import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import type { ExtractedMention } from './schema.js';
import type { Token } from './segment.js';
import { documentModelStems } from './models.js';

/** What a product rule names: a model, or a product of one of the categories. */
type NamedKind = 'Model' | (typeof PRODUCT_CATEGORIES)[number];

const PRODUCT_HEAD = /(MaaS平台|平台|一体机|云电脑|智能体|助手|操作系统|APP|App|app)/g;
const INNER_TAGS = new Set(['nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'x', 'eng', 'j', 'n', 'vn', 'an']);
/** What a product's own name follows when it is launched or brought in (推出了锻元一体机, 引入了…). */
const LAUNCHED = /(?:推出|发布|上线|打造|引入|采购|部署|研发|自研|开发|升级)(?:了|的)?(?:新一代|全新|首款|一款|一套|第[一二三四五六七八九十]代)?$/;

/** Words that give a name: what follows them is one (叫做X平台, 命名为X大模型). */
const NAMING_VERB = /(叫做|叫作|名为|命名为|取名为|称为|叫)$/;

/** Whether the words right before `start` give what follows a name (这套系统叫做|星河智能体平台). */
export function givenNameAt(text: string, start: number): boolean {
  return NAMING_VERB.test(text.slice(Math.max(0, start - 4), start));
}

/**
 * Named products written as "<brand or Latin name> + 平台/一体机/云电脑/App" (星辰MaaS平台, 天翼AI云电脑):
 * the part before the head word must carry a brand (a known model or product, or a Latin name), so that
 * generic phrases (算力调度平台) stay out.
 */
export function extractProductPatterns(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    PRODUCT_HEAD.lastIndex = 0;
    for (const m of text.matchAll(PRODUCT_HEAD)) {
      const headStart = m.index;
      const headEnd = headStart + m[0].length;
      if (ctx.overlapping(line.number, headStart, headEnd).length > 0) continue;
      let from = headStart;
      while (from > 0 && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
      if (from === headStart) continue;
      const tokens: Token[] = ctx.segmenter.tag(text.slice(from, headStart)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
      let start = headStart;
      let branded = false;
      let words = 0;
      let latinWord = false;
      let first: Token | undefined;
      for (let k = tokens.length - 1; k >= 0 && words < 4; k--) {
        const t = tokens[k]!;
        const mentions = ctx.overlapping(line.number, t.start, t.end);
        // a company's name before a Latin brand word of its own (中车 + mas + 平台): the company's product, named in full
        const owner = mentions.find((x) => x.type === 'Organization' && x.lexiconName && x.end === start);
        if (owner && latinWord && start < headStart) {
          start = owner.start;
          branded = true;
          break;
        }
        if (mentions.some((x) => x.type === 'Person' || x.type === 'Organization')) break;
        const known = mentions.find((x) => x.type === 'Model' || x.type === 'Product');
        if (known) {
          // a known model or product is taken whole, whatever jieba made of it (小浣熊 + 一体机), and starts the name
          // unless its maker's name comes right before it (体验 of 体验小浣熊一体机 is not)
          start = Math.min(t.start, known.start);
          branded = true;
          words++;
          while (k > 0 && tokens[k - 1]!.start >= start) k--;
          const maker = k > 0 ? ctx.overlapping(line.number, tokens[k - 1]!.start, tokens[k - 1]!.end).find((x) => x.type === 'Organization' && x.end === start) : undefined;
          if (!maker) break;
          continue;
        }
        // a generic word of the trade (评测, AI) inside a brand's name is part of it (清鉴大模型安全评测平台), never its start
        if (!INNER_TAGS.has(t.tag) || (lexicon.productWords.has(t.word) && !tokens.slice(0, k).some((o) => o.end === t.start && INNER_TAGS.has(o.tag)))) break;
        if (t.tag === 'x' && !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word)) break;
        start = t.start;
        first = t;
        words++;
        if (/^[A-Za-z]{2,}$/.test(t.word) && !lexicon.latinTerms.has(t.word.toLowerCase())) latinWord = true;
        const generic = lexicon.latinTerms.has(t.word.toLowerCase()) || lexicon.productWords.has(t.word);
        if ((/[A-Z]{2,}|[A-Z][a-z]+[A-Z]/.test(t.word) && !generic) || mentions.some((x) => x.type === 'Model' || x.type === 'Product')) branded = true;
      }
      // a name given in so many words: 这套系统叫做星河智能体平台
      if (givenNameAt(text, start)) branded = true;
      // a coined word (one the dictionary does not know) that opens the name of something launched
      if (!branded && first && first.start === start && isCoined(ctx, first) && LAUNCHED.test(text.slice(Math.max(0, start - 10), start))) branded = true;
      if (!branded || start === headStart) continue;
      // 星河智能体 + 平台: the platform is the product, named in full
      const shorter = ctx.mentionsOnLine(line.number).find((x) => x.type === 'Product' && x.method === 'product-pattern' && x.start >= start && x.end === headStart);
      if (shorter) ctx.removeMention(shorter);
      ctx.addMention({ type: 'Product', start, end: headEnd, line: line.number, method: 'product-pattern', confidence: 0.6, category: 'platform' }, line);
    }
  }
}

/** A word the segmenter does not know (锻元, 精瞳): Han, two to four characters, no generic word of the trade. */
function isCoined(ctx: DocumentContext, token: Token): boolean {
  const { lexicon } = ctx;
  return token.tag === 'x' && /^\p{Script=Han}{2,4}$/u.test(token.word) && !lexicon.productWords.has(token.word) && !lexicon.orgWords.has(token.word) &&
    !lexicon.modelModifiers.has(token.word) && !lexicon.places.has(token.word) && !ctx.segmenter.isOrdinaryWord(token.word);
}

/** A Latin word, and a model or version word after one space (Walker S2, Atlas Pro, Vision 2). */
const LATIN_TOKEN = new RegExp(`(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{0,15}(?:-\\d{1,3}[A-Za-z]?)?(?: (?:[A-Z][A-Za-z0-9]{0,7}|\\d[A-Za-z0-9]{0,5}(?:[.。．]\\d{1,2}(?![\\d${COUNTER_AFTER_NUMBER}%％]))?))?)(?![A-Za-z0-9])`, 'g');
const PRODUCT_CUE = /产品|平台|系统|发布|推出|上线|车型|芯片|应用|工具|助手|服务|版本|功能|一体机|解决方案|App|APP|小程序|量产|出货|型号|机器人|机器狗|眼镜|手机|耳机|手表|戒指|终端/;
/** Kinds of product a sentence may call the thing it names (a model is none of them). */
const PRODUCT_KIND = /产品|平台|系统|芯片|应用|工具|助手|一体机|App|APP|小程序|车型|解决方案|机器人|设备|终端/;
/** Hardware, the products that go by two-character codes (H1, B2); speech recognition also writes AI as A2 or I2. */
const HARDWARE = /机器人|机器狗|四足|人形|芯片|车型|汽车|设备|终端|一体机|服务器|处理器|加速卡|手机|眼镜/;
/** A model released or described as one (开源了X, 是一个…大模型, 模型是我们自研的X). */
const MODEL_RELEASE = /发布|开源|推出|上线|是一个|自研/;

/**
 * Whether a name given at [start, end) is free: nothing else stands there but a maker's name that opens it (讯飞晓医,
 * Cambricon NeuWare), which stays a mention of its own; `inside` mentions are allowed too (they are part of it).
 */
function freeExceptMaker(overlapping: ExtractedMention[], start: number, end: number, inside: ExtractedMention[] = []): boolean {
  return overlapping.every((x) => inside.includes(x) || (x.type === 'Organization' && x.start === start && x.end < end));
}

/** A Model, or a Product of that category, named at [start, end) by a product rule. */
function addModelOrProduct(ctx: DocumentContext, line: Line, start: number, end: number, kind: NamedKind, extra: { impliedName?: string } = {}): void {
  if (kind === 'Model') ctx.addMention({ type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: 0.6, ...extra }, line);
  else ctx.addMention({ type: 'Product', start, end, line: line.number, method: 'product-pattern', confidence: 0.6, category: kind, ...extra }, line);
}

/** Whether a Model of this written name was found earlier in the text. */
function modelsNamed(ctx: DocumentContext, form: string): boolean {
  return ctx.mentions.some((m) => m.type === 'Model' && m.form === form);
}

const HAN_OR_PUNCT = /[\p{Script=Han}，。、；：！？“”（）《》]/u;

/**
 * Product names written in Latin letters inside Chinese speech (我们的Vmi的产品, L380, HPFS): a
 * capitalised or alphanumeric token between Han characters, in a sentence about a product, that is not
 * a generic term (AI, GPU, SDK) nor already a known name.
 */
export function extractLatinProducts(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    if (!/\p{Script=Han}/u.test(text)) continue;
    LATIN_TOKEN.lastIndex = 0;
    for (const m of text.matchAll(LATIN_TOKEN)) {
      let token = m[1]!;
      let start = m.index;
      const words = token.split(' ');
      if (words.length === 2) {
        // a generic word before the name (GPU A100) is not part of it; a lower-case word is English (open KG, to C)
        if (lexicon.latinTerms.has(words[0]!.toLowerCase())) {
          start += words[0]!.length + 1;
          token = words[1]!;
        } else if (!/^[A-Z]/.test(token)) continue;
        // and a generic word after a model code (G2 AI眼镜) is what the thing is, not its name
        else if (MODEL_CODE.test(words[0]!) && lexicon.latinTerms.has(words[1]!.toLowerCase())) token = words[0]!;
      }
      const end = start + token.length;
      // a name, not an acronym: mixed case (Vmi, Csmar) or letters with digits (L380), three characters or more
      const mixedCase = /[A-Z]/.test(token) && /[a-z]/.test(token);
      const withDigits = /[A-Za-z]/.test(token) && /\d/.test(token);
      if (!(mixedCase || withDigits)) continue;
      // a model found before, now with a version after a hyphen (Echo, then Echo-2。1)
      const hyphenFamily = /^([A-Za-z][A-Za-z0-9]+)-\d/.exec(token)?.[1];
      const versionOfFound = hyphenFamily !== undefined && modelsNamed(ctx, hyphenFamily);
      // a model code of two characters (H1, B2) or with a hyphen (GR-3) only where the sentence names a kind of product
      const shortCode = token.length < 3 || token.includes('-');
      if (shortCode && !versionOfFound && !/^[A-Z]+-?\d/.test(token)) continue;
      if (lexicon.latinTerms.has(token.toLowerCase()) || ctx.overlapping(line.number, start, end).length > 0) continue;
      const before = text[start - 1] === ' ' ? text[start - 2] : text[start - 1];
      const matchEnd = m.index + m[1]!.length;
      const after = text[matchEnd] === ' ' ? text[matchEnd + 1] : text[matchEnd];
      if ((before !== undefined && !HAN_OR_PUNCT.test(before)) || (after !== undefined && !HAN_OR_PUNCT.test(after))) continue;
      const sentence = text.slice(...sentenceBounds(text, start, end));
      // a model: the name of one found before, with a version now (SpatialLM, then SpatialLM 1。5), or a sentence
      // that calls it a model and no kind of product (我们开源了SpatialLM，是一个空间理解的大模型)
      const family = words.length === 2 ? modelsNamed(ctx, words[0]!) : false;
      const spaced = words.length === 2 && modelsNamed(ctx, words.join('')); // Spatial LM for SpatialLM
      // a name set after the words for a model, as its apposition (自研的语音大模型Echo，)
      const namesTheModel = /模型\s?$/.test(text.slice(Math.max(0, start - 3), start));
      if (family || spaced || versionOfFound || namesTheModel || (/模型/.test(sentence) && !PRODUCT_KIND.test(sentence) && MODEL_RELEASE.test(sentence))) {
        const written = text.slice(start, end);
        const version = family && !spaced ? /\S+$/.exec(written)![0] : undefined;
        ctx.addMention({
          type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: 0.5,
          ...(version ? { versions: [asDecimal(version)] } : {}),
          ...decimalName(written),
        }, line);
        continue;
      }
      if (!PRODUCT_CUE.test(sentence) || /^(大模型|模型)/.test(text.slice(end, end + 3))) continue;
      if (shortCode && !(token.length < 3 ? HARDWARE : PRODUCT_KIND).test(sentence)) continue;
      const brand = MODEL_CODE.test(token) ? brandBefore(ctx, line, start) : '';
      ctx.addMention({ type: 'Product', start: start - brand.length, end, line: line.number, method: 'product-pattern', confidence: 0.5, category: 'other' }, line);
    }
  }
}

/**
 * A coined Han word written right before a product's code (玄鸟N3, 光迹G2): the brand, part of the product's name.
 * Not a word of the language, a known organisation (a maker's name stays its own mention), a place or a kind of thing.
 */
function brandBefore(ctx: DocumentContext, line: Line, start: number): string {
  const brand = line.text.slice(Math.max(0, start - 2), start);
  const { lexicon } = ctx;
  if (!/^\p{Script=Han}{2}$/u.test(brand) || NOT_IN_BRAND.test(brand)) return '';
  if (ctx.overlapping(line.number, start - 2, start).length > 0) return '';
  // a word of its own, not the end of one (机器人Go2, 产品叫Csmar)
  const from = Math.max(0, start - 8);
  if (!ctx.segmenter.dictionaryBoundaries(line.text.slice(from, start)).has(start - 2 - from)) return '';
  if (lexicon.lookupOrganization(brand) || lexicon.places.has(brand) || lexicon.productWords.has(brand) || lexicon.orgWords.has(brand) || lexicon.modelModifiers.has(brand)) return '';
  return ctx.segmenter.isOrdinaryWord(brand) ? '' : brand;
}
/** A product's model code (N3, G2, SU7, H100). */
const MODEL_CODE = /^[A-Z]{1,3}\d{1,4}[A-Za-z]?$/;
/** Characters of speech glue, never in a brand. */
const NOT_IN_BRAND = /[的了是在和与及跟把被对用从到给这那个款台部代一二三四五六七八九十新]/;

/** What a name is given to, and the category of product it makes (大模型 makes a Model). */
const NAMED_THING: Array<[string[], NamedKind]> = [
  [['大模型', '模型'], 'Model'],
  [['芯片', '处理器', '加速卡'], 'chip'],
  [['机器人', '机器狗', '设备', '终端', '硬件', '眼镜', '一体机', '服务器', '计算机', '集群'], 'device'],
  [['操作系统'], 'os'],
  [['App', 'APP', '应用', '小程序', '助手', '智能体'], 'app'],
  [['软件栈', '软件', '工具包', '工具', '框架'], 'software'],
  [['平台'], 'platform'],
  [['数据集', '系统', '产品', '架构', '存储'], 'other'],
];
const THING = NAMED_THING.flatMap(([words]) => words).sort((a, b) => b.length - a.length).join('|');
/** A given name: Han, Latin and digits, and up to three more Latin words (AgiBot World, EcoStruxure Energy Copilot). */
const GIVEN_NAME = `[\\p{Script=Han}A-Za-z0-9·\\-]{2,12}(?: [A-Z0-9][A-Za-z0-9+]{0,9}){0,3}`;
/**
 * "<thing> (的名字) 叫做 NAME": 我们的机器人产品叫做云帆一号, 这款大模型命名为启明, 仿真平台叫格物, 人形机器人，嗯叫青龙,
 * 软件平台呢叫BIRENSUPA. A bare 叫 gives a name only right after the thing, and the name must end the clause.
 */
const NAMED_AS = new RegExp(
  `(${THING})(?:的名字|名字)?(?:呢)?(?:[，,]\\s*(?:嗯|呃|啊)?)?(?:就)?(?:叫做|叫作|名为|命名为|取名为|取名叫|叫)[“"《]?` +
  `(${GIVEN_NAME})(?=[”"》，,。.！!？?；;、呢]|\\s(?![A-Za-z])|$)`,
  'gu',
);
/** "一个叫AgiBot World的数据集", "一个叫做图库的APP": the name before what it names, which ends the phrase. */
const NAMED_BEFORE = new RegExp(`(?:一个|一款|一套|一种|个)叫(?:做|作)?[“"《]?(${GIVEN_NAME})[”"》]?的(${THING})(?![\\p{Script=Han}]|是|呢|就|也)`, 'gu');
/** Words for a kind of product that only a written text puts before a quoted name (检索增强引擎“知源RAG”). */
const QUOTED_THING = `${THING}|引擎|解决方案|方案|产品线|品牌|服务`;
/** A character of a name in quotes: no quote, bracket or punctuation of the sentence. */
const QUOTED_CHAR = '[^“”"「」『』，,。；;：:！？!?（）()《》]';
/** A quoted name right after the kind of thing it names: 智能体开发平台“汀兰Agent工坊”, 信贷审查助手“汀小审”. */
const QUOTED_AFTER_THING = new RegExp(`(${QUOTED_THING})[“"「『](${QUOTED_CHAR}{2,20})[”"」』]`, 'gu');
/** A quoted name right before the kind of thing it names: “星火智慧课堂”解决方案, “微澜质检云”平台. */
const QUOTED_BEFORE_THING = new RegExp(`[“"「『](${QUOTED_CHAR}{2,20})[”"」』](${QUOTED_THING})`, 'gu');
/** A quoted name launched, that says what it is at its end: 正式发布“汀兰大模型3.0”, 共同打造“太湖工业视觉开放平台”. */
const QUOTED_LAUNCH = new RegExp(`(?:发布|推出|打造|上线|开源|推广|亮相|升级|研发|开发|搭建|建设)(?:了|的)?(?:新一代|全新|首款|一款|一个)?[“"「『](${QUOTED_CHAR}{2,20}?(${THING})(?:[ \-]?[0-9A-Za-z.。]{1,6})?)[”"」』]`, 'gu');
/** The thing's word a quoted name is typed by: one of NAMED_THING's, else a product of no category (解决方案, 引擎). */
function thingWord(word: string): string {
  return NAMED_THING.some(([words]) => words.includes(word)) ? word : '产品';
}
/** Speech that never stands in a given name (这样, 啊, 在…中). */
const NOT_IN_GIVEN_NAME = /[这那啊呃嗯在的]|这样/;
/** A name made only of words for kinds of thing (大模型机器人) is a description, not a name. */
const ONLY_THINGS = new RegExp(`^(?:${THING}|大|智能|AI)+$`);
/** The category a thing's word gives what is named after it. */
function categoryOf(thing: string): NamedKind {
  return NAMED_THING.find(([words]) => words.includes(thing))![1];
}
/** Not names: a question, a demonstrative or a generic description after the naming verb. */
const NOT_A_GIVEN_NAME = /^(什么|这个|那个|一个|这样|那样|我们|他们|它|大家)|(的|了|吗|呢|吧|啊|呀|哈|嘛|哦)$/;

/**
 * Products and models given a name in so many words: "我们的机器人产品叫做云帆一号" → Product 云帆一号 (device),
 * "这款大模型命名为启明" → Model 启明. The name runs to the end of the clause and must not be an ordinary word.
 */
export function extractNamedProducts(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    if (!/叫|名为|取名|[“"「『]/.test(line.text)) continue;
    const named: Array<{ name: string; start: number; thing: string; thingAt: number }> = [];
    for (const m of line.text.matchAll(QUOTED_AFTER_THING)) {
      // a quoted verb after the word for a thing is a catchword, not a name (中国大模型“走出去”)
      if (ctx.segmenter.tag(m[2]!).every((t) => /^[vdpc]/.test(t.tag))) continue;
      named.push({ name: m[2]!, start: m.index + m[1]!.length + 1, thing: thingWord(m[1]!), thingAt: m.index });
    }
    for (const m of line.text.matchAll(QUOTED_BEFORE_THING)) named.push({ name: m[1]!, start: m.index + 1, thing: thingWord(m[2]!), thingAt: m.index + m[0].length - m[2]!.length });
    for (const m of line.text.matchAll(QUOTED_LAUNCH)) named.push({ name: m[1]!, start: m.index + m[0].indexOf(m[1]!), thing: m[2]!, thingAt: -1 });
    for (const m of line.text.matchAll(NAMED_AS)) {
      // the thing is itself a name, not what is named (还不叫大模型叫深度学习)
      if (line.text.slice(0, m.index).endsWith('叫')) continue;
      named.push({ name: m[2]!, start: m.index + m[0].length - m[2]!.length, thing: m[1]!, thingAt: m.index });
    }
    for (const m of line.text.matchAll(NAMED_BEFORE)) named.push({ name: m[1]!, start: m.index + m[0].indexOf(m[1]!), thing: m[2]!, thingAt: -1 });
    for (const { name, start, thing, thingAt } of named) {
      // an ordinary word may be a name given in so many words (仿真平台叫格物), but not a kind of thing (叫做平台)
      if (NOT_A_GIVEN_NAME.test(name) || NOT_IN_GIVEN_NAME.test(name) || ONLY_THINGS.test(name) || ctx.lexicon.productWords.has(name) || ctx.lexicon.modelModifiers.has(name)) continue;
      if (ctx.segmenter.isOrdinaryWord(name) && !/^\p{Script=Han}{2,3}$/u.test(name)) continue;
      const end = start + name.length;
      // a maker's name may open the product's (讯飞晓医, 京东家医): the maker stays a mention of its own; a known
      // product inside the name given (Copilot of EcoStruxure Energy Copilot) is part of it
      const overlapping = ctx.overlapping(line.number, start, end);
      const inside = overlapping.filter((x) => (x.type === 'Product' || x.type === 'Model') && x.start >= start && x.end <= end && x.end - x.start < end - start);
      if (!freeExceptMaker(overlapping, start, end, inside)) continue;
      for (const part of inside) ctx.removeMention(part);
      // typed by the thing, or by a word before a plain one: 机器人产品 is a device, 大模型开发平台 still a platform
      let kind = categoryOf(thing);
      if (kind === 'other' && thingAt >= 0) {
        const described = line.text.slice(Math.max(0, thingAt - 6), thingAt);
        kind = NAMED_THING.find(([words, category]) => category !== 'Model' && words.some((w) => described.includes(w)))?.[1] ?? kind;
      }
      addModelOrProduct(ctx, line, start, end, kind);
    }
  }
}

/** One's own product written in Latin letters (我们的Cambricon NeuWare, 自研的MUSA架构, 我们的软件栈MXMACA). */
const OWN_LATIN = new RegExp(`(?:我们的|我们自研的|自研的|我们自己的)(?:(${THING}))?([A-Z][A-Za-z0-9+\\-]*(?: [A-Z][A-Za-z0-9+\\-]*){0,3})(?![A-Za-z0-9])`, 'g');
const THING_AT_START = new RegExp(`^(?:${THING})`);

/**
 * Products the speaker calls their own, written in Latin letters: a name, not a term (我们的AI) or an acronym said
 * alone (我们的PUE); an acronym only beside the kind of thing it is (MUSA架构, 软件栈MXMACA). A name the lexicon knows
 * as an organisation is not taken; a name before 大模型, or after "the model is", is a model.
 */
export function extractOwnLatinProducts(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    if (!/我们|自研/.test(line.text)) continue;
    for (const m of line.text.matchAll(OWN_LATIN)) {
      const name = m[2]!;
      const start = m.index + m[0].length - name.length;
      const end = start + name.length;
      const after = line.text.slice(end).replace(/^ /, '');
      const thingAfter = THING_AT_START.exec(after)?.[0];
      if (name.replace(/[^A-Za-z]/g, '').length < 3 || lexicon.latinTerms.has(name.toLowerCase()) || lexicon.lookupOrganization(name)) continue;
      if (!/[a-z]/.test(name) && !m[1] && !thingAfter) continue;
      if (!freeExceptMaker(ctx.overlapping(line.number, start, end), start, end)) continue;
      const thing = m[1] ?? thingAfter;
      // what the sentence calls a model (背后的模型是我们自研的PixelMuse-1。5) is one
      const calledAModel = !thing && /模型(?:是|叫做?|就是|用的是)$/.test(line.text.slice(Math.max(0, m.index - 7), m.index));
      addModelOrProduct(ctx, line, start, end, calledAModel ? 'Model' : thing ? categoryOf(thing) : 'other');
    }
  }
}

/** What a series is said to be made of: a model word, or a kind of product. */
const SERIES_MODEL = /模型/;
/** Words a series is not named by: counts, demonstratives and sizes (三个系列, 这个系列, 高端系列). */
const NOT_A_SERIES = /^[一二三四五六七八九十两几多这那该本每各整全新老高低中大小同个]|产品|型号/;
const LATIN_BEFORE = /([A-Z][A-Za-z0-9.。\-]*(?: [A-Z0-9][A-Za-z0-9]*)?)$/;

/**
 * A product line or model family named "X系列" (远征系列是全尺寸的人形机器人, Walker S系列, Phi系列模型): X is a product,
 * or a model when a model word follows or the sentence speaks of models and of no kind of product.
 */
export function extractSeries(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    for (let at = text.indexOf('系列'); at > 0; at = text.indexOf('系列', at + 2)) {
      let start = -1;
      const latin = LATIN_BEFORE.exec(text.slice(Math.max(0, at - 20), at));
      if (latin) start = at - latin[1]!.length;
      else {
        let from = at;
        while (from > 0 && at - from < 12 && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
        const last = ctx.segmenter.tag(text.slice(from, at)).at(-1);
        if (last && /^\p{Script=Han}{2,4}$/u.test(last.word) && /^(n|nz|nr|ns|nt|j|x|l|vn|ng)/.test(last.tag)) start = at - last.word.length;
      }
      if (start < 0) continue;
      const name = text.slice(start, at);
      if (NOT_A_SERIES.test(name) || NOT_IN_GIVEN_NAME.test(name) || lexicon.latinTerms.has(name.toLowerCase()) || lexicon.productWords.has(name) || lexicon.modelModifiers.has(name)) continue;
      if (lexicon.lookupOrganization(name) || lexicon.places.has(name) || ctx.overlapping(line.number, start, at).length > 0) continue;
      const after = text.slice(at + 2).replace(/^的/, '');
      const thing = THING_AT_START.exec(after)?.[0];
      const sentence = text.slice(...sentenceBounds(text, start, at));
      const kind = thing ? categoryOf(thing) : SERIES_MODEL.test(sentence) && !PRODUCT_KIND.test(sentence) ? 'Model' : PRODUCT_KIND.test(sentence) ? 'other' : undefined;
      if (!kind) continue;
      addModelOrProduct(ctx, line, start, at, kind === 'other' && /机器人/.test(sentence) ? 'device' : kind, decimalName(name));
    }
  }
}

/** What a product named after its maker's model family ends in (衍知临床助手, 衍知病历质控平台, 衍知慢病管家), and its category. */
const FAMILY_PRODUCT_ENDINGS: Array<[string, NamedKind]> = [
  ...NAMED_THING.filter(([, kind]) => kind !== 'Model').flatMap(([words, kind]) => words.map((w): [string, NamedKind] => [w, kind])),
  ...([['管家', 'app'], ['助理', 'app'], ['工坊', 'platform'], ['工作台', 'platform'], ['大脑', 'platform'], ['云', 'platform']] as Array<[string, NamedKind]>),
].sort((a, b) => b[0].length - a[0].length);
const FAMILY_PRODUCT = new RegExp(`^([\\p{Script=Han}A-Za-z0-9]{0,6}?)(${FAMILY_PRODUCT_ENDINGS.map(([w]) => w).join('|')})`, 'u');
/** Speech glue and counting words, never between a family's name and what its product is (衍知的平台, 衍知这个系统). */
const NOT_IN_FAMILY_PRODUCT = /[的了是在和与及我你他这那个些还做说到聊套吗呢吧啊呃嗯就都也很各每一]/;

/**
 * Products named after a model family the text itself names: the family's stem, a few words, and a word for a kind of
 * product (衍知大模型 → 衍知临床助手, 衍知病历质控平台). Only where nothing else was found.
 */
export function extractFamilyProducts(ctx: DocumentContext): void {
  const stems = documentModelStems(ctx);
  if (stems.size === 0) return;
  for (const line of ctx.contentLines()) {
    for (const stem of stems.keys()) {
      for (let at = line.text.indexOf(stem); at >= 0; at = line.text.indexOf(stem, at + 1)) {
        const rest = line.text.slice(at + stem.length);
        const m = FAMILY_PRODUCT.exec(rest);
        if (!m || /^(大模型|模型)/.test(rest) || NOT_IN_FAMILY_PRODUCT.test(m[1]!)) continue;
        const end = at + stem.length + m[0].length;
        // the longest ending wins the name's end (…平台 not …平), and the name is not cut inside a longer word
        if (/^[\p{Script=Han}A-Za-z0-9]/u.test(line.text.slice(end)) && !CLAUSE_BREAK.test(line.text[end] ?? '') && ctx.segmenter.dictionaryBoundaries(line.text.slice(at, end + 2)).has(end - at) === false) continue;
        if (ctx.overlapping(line.number, at, end).some((x) => x.type !== 'Model' || x.start < at || x.end > end)) continue;
        const kind = FAMILY_PRODUCT_ENDINGS.find(([w]) => w === m[2])![1];
        addModelOrProduct(ctx, line, at, end, kind);
      }
    }
  }
}
