import type { Line } from '../ingest/schema.js';
import { foldedKey } from '../lexicon/pinyin.js';
import type { DocumentContext } from './context.js';
import { givenNameAt } from './products.js';
import type { LexEntry } from '../lexicon/lexicon.js';
import type { ExtractedMention } from './schema.js';
import type { Token } from './segment.js';
import { asDecimal, CLAUSE_BREAK, COUNTER_AFTER_NUMBER, decimalName, sentenceBounds } from '../util/text.js';

const MODEL_HEAD = /(大语言模型|语言大模型|多模态大模型|大模型|基础模型)/g;
/** Tags of words that make a model name proper (not a generic phrase such as 行业大模型). */
const PROPER_TAGS = new Set(['nz', 'ns', 'nt', 'x', 'eng', 'j']);
/** Verbs and prepositions that jieba may glue to a model's name; they are cut from its start. */
const LEADING_VERB = /^(祝贺|利用|满足|建立健全|建立|通过|基于|推出|发布|打造|训练|构建|使用|采用|依托|围绕|结合|借助|用|由|对|把|将|为|在|从|与|和|跟|做|有|是)/;
const INNER_TAGS = new Set(['n', 'nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'x', 'eng', 'j', 'vn', 'l', 'ng', 'an', 'b']);
/** A version written after a model name; ASR writes the decimal point as 。 (盘古大模型5。0). */
/** A version right after a model's name: 5.0, 4o, -5 (GLM-5), and a letter with a number (Kimi K3, 混元T2). */
const VERSION_AFTER = /^[\s-]?(\d{1,2}(?:[.。．]\d{1,2})?(?:[oO欧]|[a-zA-Z](?![a-zA-Z]))?|[A-Z]\d{1,2}(?:\.\d{1,2})?(?![A-Za-z]))(?![\d.。．]*\d)/;
/**
 * Latin model names with a version (GPT-4o, Qwen2.5, Llama 3, GLM-4。5 as ASR writes it) and variant words after a
 * hyphen (Qwen3-Coder, GLM-4.5-Air); used only with a model word, a release in a sentence about a model, or a family.
 */
const LATIN_VERSIONED = /(?<![A-Za-z0-9])([A-Z][A-Za-z]{1,15})[-\s]?(\d{1,2}(?:[.。．]\d{1,2})?[a-zA-Z]?)((?:-[A-Z][A-Za-z]{1,9})*)(?![A-Za-z0-9])/g;
/** A release said right before the name (开源了Wan2。2，…视频生成模型). */
const RELEASED = /(发布|开源|推出|上线)了?\s?$/;

export function normalizeVersion(raw: string): string {
  return raw.replace(/[。．]/g, '.').replace(/欧/g, 'o');
}

/** A product's model code or variant word written right after its family (骁龙AR1, 酷睿Ultra, Pixel 9 Pro). */
const VARIANT_AFTER = /^[\s-]?([A-Z]{1,3}\d{1,4}[A-Za-z]?|(?:Ultra|Pro|Max|Plus|Mini|Air|Lite)(?: \d{1,2})?)(?![A-Za-z0-9])/;

export function variantAfter(line: Line, end: number): { version: string; end: number } | undefined {
  const m = VARIANT_AFTER.exec(line.text.slice(end, end + 12));
  return m ? { version: m[1]!, end: end + m[0].length } : undefined;
}

/** Version written right after [.., end) on the line, if any. */
export function versionAfter(line: Line, end: number): { version: string; end: number } | undefined {
  const m = VERSION_AFTER.exec(line.text.slice(end, end + 8));
  if (!m) return undefined;
  return { version: normalizeVersion(m[1]!), end: end + m[0].length };
}

/**
 * Named models written as "X大模型" where X is a proper name (盘古大模型, 星辰大模型 and their ASR forms),
 * not a generic phrase (行业大模型, 多模态大模型); an organisation written right before the name is
 * kept apart as the developer.
 */
export function extractModelPatterns(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    MODEL_HEAD.lastIndex = 0;
    let tokens: Token[] | undefined;
    let clauseFrom = -1;
    for (const m of text.matchAll(MODEL_HEAD)) {
      const headStart = m.index;
      const headEnd = headStart + m[0].length;
      if (ctx.overlapping(line.number, headStart, headEnd).some((x) => x.type === 'Model')) continue;
      let from = headStart;
      while (from > 0 && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
      if (from === headStart) continue;
      if (from !== clauseFrom) {
        tokens = ctx.segmenter.tag(text.slice(from, headEnd)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
        clauseFrom = from;
      }
      const before = tokens!.filter((t) => t.end <= headStart);
      let start = headStart;
      let proper = false;
      for (let k = before.length - 1; k >= 0; k--) {
        const t = before[k]!;
        const mentions = ctx.overlapping(line.number, t.start, t.end);
        if (mentions.some((x) => x.type === 'Organization' || x.type === 'Person')) break;
        if (!INNER_TAGS.has(t.tag) || lexicon.modelModifiers.has(t.word)) {
          break;
        }
        if (t.tag === 'x' && !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word)) break;
        if (headStart - t.start > 12) break;
        start = t.start;
        if (PROPER_TAGS.has(t.tag) || mentions.some((x) => x.type === 'Model' || x.type === 'Product')) proper = true;
      }
      // "书生·浦语大模型": a known model's name before the model word is that model, written in full
      const knownModel = ctx.mentionsOnLine(line.number).find((x) => x.type === 'Model' && x.lexiconName && x.end === headStart);
      if (knownModel) {
        ctx.addMention({ type: 'Model', start: knownModel.start, end: headEnd, line: line.number, method: 'lexicon', lexiconName: knownModel.lexiconName!, confidence: 0.9 }, line);
        continue;
      }
      const lead = LEADING_VERB.exec(text.slice(start, headStart));
      if (lead) {
        start += lead[0].length;
        const rest = tokens!.filter((t) => t.start >= start && t.end <= headStart);
        proper = rest.some((t) => (PROPER_TAGS.has(t.tag) && (t.tag !== 'x' || t.word.length >= 2)) || ctx.overlapping(line.number, t.start, t.end).some((x) => x.type === 'Model' || x.type === 'Product'));
      }
      // a common word before the model word names a model when a version follows (极光大模型2.0), or when
      // the model is given that name in so many words (我们把它叫做灵犀大模型)
      const version = versionAfter(line, headEnd);
      const named = givenNameAt(text, start);
      if (start >= headStart || !(proper || version || named) || headStart - start > 6) continue;
      const stem = text.slice(start, headStart);
      if (!isModelStem(ctx, stem)) continue;
      const name = text.slice(start, headEnd);
      if (lexicon.modelModifiers.has(text.slice(start, headStart))) continue;
      const namesake = companyNamed(ctx, stem);
      ctx.addMention({
        type: 'Model', start, end: headEnd, line: line.number, method: 'model-pattern', confidence: 0.7,
        form: name, ...(version ? { versions: [version.version] } : {}), ...(namesake ? { impliedName: namesake + m[0] } : {}),
      }, line);
    }
  }
}

/**
 * The short name of a company this transcript names, when a model's stem is that name misheard (志向大模型 of
 * 智象未来's speaker is 智象大模型): the model is named after its company.
 */
function companyNamed(ctx: DocumentContext, stem: string): string | undefined {
  if (!/^\p{Script=Han}{2,4}$/u.test(stem)) return undefined;
  const key = foldedKey(stem);
  for (const entry of ctx.organizationsNamedLike(stem)) {
    const form = [entry.name, ...entry.aliases, ...entry.weakAliases].find((f) => foldedKey(f) === key);
    if (form && form !== stem) return form;
  }
  return undefined;
}

/** Speech glue that never sits inside a model's name (这套大模型, 大家聊一聊大模型, 模型还是通用大模型). */
const NOT_IN_STEM = /[的是了和与在我你他这那个些还做说到聊套吗呢吧啊呃嗯就都也很各每]/;

/**
 * A proper stem for "X大模型": not speech glue, not a place or an organisation alone (工信部大模型 is
 * "the ministry's model"), not a generic modifier or an ASR homophone of one (锤类 for 垂类), not a
 * generic Latin term (AGI, 3D).
 */
function isModelStem(ctx: DocumentContext, stem: string): boolean {
  const { lexicon } = ctx;
  if (NOT_IN_STEM.test(stem)) return false;
  if (/(.)\1\1/u.test(stem)) return false; // 端端端端 of 端端端端大模型: a stutter, not a name
  if (lexicon.places.has(stem) || lexicon.lookupOrganization(stem) || lexicon.modelModifiers.has(stem)) return false;
  if (/^[A-Za-z0-9]+$/.test(stem)) return stem.length >= 3 && !lexicon.latinTerms.has(stem.toLowerCase()) && /[A-Za-z]/.test(stem);
  if (genericModifierKeys(lexicon).has(foldedKey(stem))) return false;
  return true;
}

const modifierKeys = new WeakMap<object, Set<string>>();
function genericModifierKeys(lexicon: DocumentContext['lexicon']): Set<string> {
  let keys = modifierKeys.get(lexicon);
  if (!keys) {
    keys = new Set([...lexicon.modelModifiers].filter((w) => /^\p{Script=Han}{2,}$/u.test(w)).map(foldedKey));
    modifierKeys.set(lexicon, keys);
  }
  return keys;
}

/** Latin names with a version next to a model word or a known model family (GPT4o, Qwen2 大模型). */
export function extractLatinModels(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    LATIN_VERSIONED.lastIndex = 0;
    for (const m of line.text.matchAll(LATIN_VERSIONED)) {
      const start = m.index;
      const end = start + m[0].length;
      // a known model the name starts with (GLM-4 of GLM-4。5, Qwen3 of Qwen3-Coder) is that family, said in part
      const overlapping = ctx.overlapping(line.number, start, end);
      const shorter = overlapping.filter((x) => x.type === 'Model' && x.lexiconName && x.start === start && x.end < end);
      if (overlapping.length > shorter.length) continue;
      const family = ctx.lexicon.lookup(m[1]!, 'Model') ?? (shorter.length > 0 ? shorter : undefined);
      const modelWordAfter = /^\s?(大模型|模型|大语言模型)/.test(line.text.slice(end, end + 6));
      const sentence = line.text.slice(...sentenceBounds(line.text, start, end));
      const releasedModel = /模型/.test(sentence) && RELEASED.test(line.text.slice(Math.max(0, start - 4), start));
      if (!family && !modelWordAfter && !releasedModel) continue;
      for (const part of shorter) ctx.removeMention(part);
      const version = normalizeVersion(m[2]!);
      const written = line.text.slice(start, end);
      const known = ctx.lexicon.lookup(asDecimal(written), 'Model');
      ctx.addMention({
        type: 'Model', start, end, line: line.number, method: known ? 'lexicon' : 'model-pattern', confidence: family ? 0.8 : 0.6, versions: [version],
        ...(known ? { lexiconName: known.name } : decimalName(written)),
      }, line);
    }
  }
}

/**
 * A version written right after a model's name (GLM-5, Kimi K3, 混元T2, 极光大模型2.0) names that version: the
 * mention takes the version in, and is a Model of its own of that family, as 日日新5.5 is.
 */
export function attachVersions(ctx: DocumentContext, mentions: ExtractedMention[]): void {
  for (const mention of [...mentions]) {
    const product = mention.type === 'Product' && mention.method === 'lexicon';
    if (mention.type !== 'Model' && !product) continue;
    const line = ctx.line(mention.line);
    const version = versionAfter(line, mention.end) ?? (product ? variantAfter(line, mention.end) : undefined);
    if (!version) continue;
    // a product's number may be a count (昇腾2台): a product's version is a model code (Walker S2, 绝影X30, CyberDog 2)
    if (product && (/[oO欧]$/.test(version.version) || COUNTED.test(line.text.slice(version.end, version.end + 1)))) continue;
    // a misheard family is named right (混圆T2 → 混元T2); a name said as written keeps its spelling (Qwen3, 千问3)
    const family = mention.method === 'lexicon' ? mention.form : (mention.lexiconName ?? mention.impliedName ?? mention.form);
    const separator = line.text.slice(mention.end, version.end).replace(/[^\s-].*$/, '');
    ctx.removeMention(mention);
    ctx.addMention({
      type: mention.type, start: mention.start, end: version.end, line: mention.line, method: mention.method, confidence: mention.confidence,
      impliedName: `${family}${separator}${version.version}`, family: mention.lexiconName ?? family,
      ...(product ? { category: mention.category } : { versions: [version.version] }),
    }, line);
  }
}

/**
 * The rest of a version that ASR split at its decimal point (灵枢-Med 2。0, Orion-2。1, PixelMuse-1。5): a model or
 * product whose name a rule ended at the digit before the full stop takes the digits after it, unless they count
 * or date something (5。5月, 3。2亿).
 */
const DECIMAL_TAIL = new RegExp(`^[.。．](\\d{1,2})(?!\\d|[.。．]\\d|\\s?[${COUNTER_AFTER_NUMBER}%％])`);

export function completeDecimalVersions(ctx: DocumentContext): void {
  for (const mention of [...ctx.mentions]) {
    if ((mention.type !== 'Model' && mention.type !== 'Product') || !/[A-Za-z\p{Script=Han}][\s-]?\d{1,2}$/u.test(mention.form)) continue;
    const line = ctx.line(mention.line);
    const tail = DECIMAL_TAIL.exec(line.text.slice(mention.end, mention.end + 8));
    if (!tail) continue;
    const end = mention.end + tail[0].length;
    if (ctx.overlapping(line.number, mention.end, end).length > 0) continue;
    const written = line.text.slice(mention.start, end);
    const { id: _id, source: _source, text: _text, form: _form, impliedName, versions, ...rest } = mention;
    ctx.removeMention(mention);
    ctx.addMention({
      ...rest, end, impliedName: impliedName ? asDecimal(`${impliedName}${tail[0]}`) : asDecimal(written),
      ...(versions ? { versions: versions.map((v, k) => (k === versions.length - 1 ? asDecimal(`${v}${tail[0]}`) : v)) } : {}),
    }, line);
  }
}

/** What a number counts when it is no version (2台, 3个, 5万). */
const COUNTED = /[个台张家万亿千百年月日号倍%％块元款代位条套只辆]/;

const FAMILY_TAIL = /^([\p{Script=Han}A-Za-z]{0,6}?)(大模型|语言模型)/u;
const FAMILY_PRODUCT_TAIL = /^([A-Za-z]{2,8}[\p{Script=Han}]{0,2}|[\p{Script=Han}]{0,4}?)(平台|数字人|软件工厂|一体机|云电脑|智能体)/u;
const NOT_IN_MIDDLE = /[的是了和与在我你他这那个些还做说到聊套吗呢吧啊呃嗯就都也很各每靠或]/;
/** Middles that name the family itself (新城系列大模型 is 星辰大模型). */
const SAME_FAMILY = /^(系列|品牌|家族|)$/;

/**
 * A known model family written with an ASR homophone (形成语音大模型, 新城mas平台): two or three
 * characters that sound like the family's name, then a short middle, then a model or product word.
 * The mention carries the corrected name (星辰语音大模型, 星辰mas平台).
 */
export function extractFamilyHomophones(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    const text = line.text;
    const tailWordAt = tailWordStarts(text);
    if (!tailWordAt) continue;
    let bounds: Set<number> | undefined;
    for (let i = 0; i + 2 <= text.length; i++) {
      for (const size of [2, 3]) {
        if (tailWordAt[Math.min(i + size, text.length)]! >= i + size + 12) continue; // no model or product word in `rest` below
        const stem = text.slice(i, i + size);
        if (!/^\p{Script=Han}+$/u.test(stem) || stem.length !== size) continue;
        const family = ctx.lexicon.modelFamilyAt(text, i, size);
        if (!family) continue;
        const rest = text.slice(i + size, i + size + 12);
        const asModel = FAMILY_TAIL.exec(rest);
        const asProduct = asModel ? undefined : FAMILY_PRODUCT_TAIL.exec(rest);
        const m = asModel ?? asProduct;
        if (!m || NOT_IN_MIDDLE.test(m[1]!)) continue;
        const end = i + size + m[0].length;
        if (ctx.overlapping(line.number, i, end).some((x) => x.start <= i && x.end >= end)) continue;
        // the homophone must be a word of its own (型或 in 型或者 is not 星火)
        bounds ??= ctx.segmenter.dictionaryBoundaries(text);
        if (!bounds.has(i) || !bounds.has(i + size)) continue;
        // a known model of the family before the model word (混元Turbo + 大模型) is that model, written in full
        const known = ctx.mentionsOnLine(line.number).find((x) => x.type === (asModel ? 'Model' : 'Product') && x.lexiconName && x.start === i && x.end === i + size + m[1]!.length);
        if (known) {
          ctx.addMention({ type: known.type, start: i, end, line: line.number, method: 'lexicon', lexiconName: known.lexiconName!, confidence: 0.9 }, line);
          i = end - 1;
          break;
        }
        const correct = family.name.replace(/(大模型|模型)$/, '').slice(0, size);
        const implied = `${correct}${m[1]}${m[2]}`;
        ctx.addMention({
          type: asModel ? 'Model' : 'Product', start: i, end, line: line.number, method: asModel ? 'model-pattern' : 'product-pattern', confidence: 0.7,
          ...(asModel && SAME_FAMILY.test(m[1]!) ? { lexiconName: family.name } : { impliedName: implied, family: family.name }),
          ...(asModel ? {} : { category: 'platform' as const }),
        }, line);
        i = end - 1;
        break;
      }
    }
  }
}

/** The words FAMILY_TAIL and FAMILY_PRODUCT_TAIL end with. */
const TAIL_WORDS = ['大模型', '语言模型', '平台', '数字人', '软件工厂', '一体机', '云电脑', '智能体'];

/**
 * For each offset of a line, where the next of TAIL_WORDS starts (the line's length when none does), or
 * undefined when the line has none: a family homophone is only worth looking for shortly before one.
 */
function tailWordStarts(text: string): Int32Array | undefined {
  const starts: number[] = [];
  for (const word of TAIL_WORDS) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) starts.push(at);
  if (starts.length === 0) return undefined;
  const next = new Int32Array(text.length + 1).fill(text.length);
  for (const at of starts) next[at] = at;
  for (let k = text.length - 1; k >= 0; k--) next[k] = Math.min(next[k]!, next[k + 1]!);
  return next;
}

const VERSIONED_HAN = /(\p{Script=Han}{2,6})[\s呃]?(\d{1,2}(?:[.。．]\d{1,2})?(?:[oO欧]|[a-zA-Z](?![a-zA-Z]))?)(?![\d.。．]*\d)/gu;

/**
 * A model version written after the model's name or a short form of it (日新5。5, 盘古大模型5。0):
 * a Model of its own, named family + version (日日新5.5).
 */
export function extractVersionedModels(ctx: DocumentContext, familiesHere = false): void {
  const stems = familiesHere ? documentModelStems(ctx) : undefined;
  if (stems?.size === 0) return;
  for (const line of ctx.contentLines()) {
    VERSIONED_HAN.lastIndex = 0;
    for (const m of line.text.matchAll(VERSIONED_HAN)) {
      const han = m[1]!;
      const version = normalizeVersion(m[2]!);
      if (!/[.o]/.test(version) && !/大模型$/.test(han)) continue; // a bare number after a word is a count, not a version
      // with the text's own families, the stem alone before the version (衍知3。0 after 衍知大模型)
      const found = stems ? stemEndingRun(stems, han) : lexiconFamilyRun(ctx, han, false);
      if (!found) continue;
      const start = m.index + found.at;
      const end = m.index + m[0].length;
      if (stems && ctx.overlapping(line.number, start, end).length > 0) continue;
      ctx.addMention({
        type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: 0.75,
        impliedName: `${found.family}${version}`, versions: [version], family: found.family,
      }, line);
    }
  }
}

/**
 * The longest tail of a run of Han characters that is the distinctive part of a lexicon model's name (日新 of
 * 我们的日新, 观澜 of 版本观澜), with where it starts in the run; none that is a modifier or a word for a body, nor
 * an ordinary word unless `ordinaryWords`.
 */
function familyEndingRun(ctx: DocumentContext, han: string, options: { withoutModelWord: boolean; ordinaryWords: boolean }): { at: number; family: LexEntry } | undefined {
  for (let k = 0; k <= han.length - 2; k++) {
    const tail = options.withoutModelWord ? han.slice(k).replace(/(大模型|模型)$/, '') : han.slice(k);
    if (tail.length < 2) continue;
    if (ctx.lexicon.modelModifiers.has(tail) || ctx.lexicon.orgWords.has(tail) || (!options.ordinaryWords && ctx.segmenter.isOrdinaryWord(tail))) continue;
    const family = ctx.lexicon.modelEndingWith(tail);
    if (family) return { at: k, family };
  }
  return undefined;
}

/** A size or a variant after a hyphen (观澜-14B, 观澜-VL, 汀兰-Lite): a model of its own of the family named before the hyphen. */
const HYPHENED_HAN = /(\p{Script=Han}{2,6})-(\d{1,3}(?:\.\d)?[BbMmKk]|[A-Z]{2,3}|Lite|Pro|Max|Mini|Turbo|Plus|Flash|Air|Ultra|Nano|Edge|Chat|Coder|Vision)(?![A-Za-z0-9])/gu;

/**
 * Models named by a family and a hyphened size or variant. With `familiesHere`, the families are the models this
 * document names itself (汀兰大模型3.0 makes 汀兰 a family: 汀兰-Lite); otherwise the lexicon's.
 */
export function extractHyphenedModels(ctx: DocumentContext, familiesHere = false): void {
  const stems = familiesHere ? documentModelStems(ctx) : undefined;
  if (stems?.size === 0) return;
  for (const line of ctx.contentLines()) {
    if (!line.text.includes('-')) continue;
    for (const m of line.text.matchAll(HYPHENED_HAN)) {
      // (an ordinary word is no bar here: a size or variant after a hyphen says it is a model's name)
      const found = stems ? stemEndingRun(stems, m[1]!) : lexiconFamilyRun(ctx, m[1]!);
      if (!found) continue;
      const start = m.index + found.at;
      const end = m.index + m[0].length;
      if (ctx.overlapping(line.number, start, end).some((x) => x.start < start || x.end > end)) continue;
      const stem = found.family.replace(/(大模型|模型)$/, '');
      ctx.addMention({
        type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: 0.75,
        impliedName: `${stem}-${m[2]!}`, versions: [m[2]!], family: found.family,
      }, line);
    }
  }
}

/** The Han stems of the models found in the document so far (汀兰 of 汀兰大模型3.0), each with its family name. */
export function documentModelStems(ctx: DocumentContext): Map<string, string> {
  const stems = new Map<string, string>();
  for (const m of ctx.mentions) {
    if (m.type !== 'Model') continue;
    const name = m.lexiconName ?? m.impliedName ?? m.form;
    const family = name.replace(/\s*[vV]?[\d.。．]+$/u, '');
    const stem = family.replace(/(大模型|模型)$/u, '');
    if (/^\p{Script=Han}{2,4}$/u.test(stem) && !ctx.lexicon.modelModifiers.has(stem) && !stems.has(stem)) stems.set(stem, family);
  }
  return stems;
}

/** A lexicon family named by the end of a run of Han characters (the versioned form allows no ordinary word for it). */
function lexiconFamilyRun(ctx: DocumentContext, han: string, ordinaryWords = true): { at: number; family: string } | undefined {
  const found = familyEndingRun(ctx, han, { withoutModelWord: !ordinaryWords, ordinaryWords });
  return found && { at: found.at, family: found.family.name };
}

function stemEndingRun(stems: Map<string, string>, han: string): { at: number; family: string } | undefined {
  for (let k = 0; k <= han.length - 2; k++) {
    const family = stems.get(han.slice(k));
    if (family) return { at: k, family };
  }
  return undefined;
}

/** A bare version (5。0) right after words that name one's own release, not a quantity. */
const BARE_VERSION = new RegExp(`(我们的?|推出了?|发布了?|发了?|叫做?|升级到|迭代到|我们在)(\\d{1,2}[.。．]\\d{1,2})(?![\\d%％]|[.。．]\\d|\\s?[${COUNTER_AFTER_NUMBER}TBPGtbpgKkMm])`, 'g');
/** How far back (in lines) the model a bare version belongs to may have been named. */
const BARE_VERSION_REACH = 20;

/**
 * A version said on its own (我们5。0才发布不久, 推出了5。0) while a versioned model is being talked about:
 * a Model named with the family of the nearest versioned model named before it (日日新5.0).
 */
export function extractBareVersions(ctx: DocumentContext): void {
  const versioned = ctx.mentions.filter((m) => m.type === 'Model' && m.family && m.versions?.length).sort((a, b) => a.line - b.line || a.start - b.start);
  if (versioned.length === 0) return;
  for (const line of ctx.contentLines()) {
    if (!/\d[.。．]\d/.test(line.text)) continue;
    BARE_VERSION.lastIndex = 0;
    for (const m of line.text.matchAll(BARE_VERSION)) {
      const start = m.index + m[1]!.length;
      const end = start + m[2]!.length;
      if (ctx.overlapping(line.number, start, end).length > 0) continue;
      const before = versioned.filter((v) => (v.line < line.number || (v.line === line.number && v.end <= start)) && line.number - v.line <= BARE_VERSION_REACH).at(-1);
      if (!before) continue;
      const version = normalizeVersion(m[2]!);
      ctx.addMention({
        type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: 0.6,
        impliedName: `${before.family}${version}`, versions: [version], family: before.family!,
      }, line);
    }
  }
}
