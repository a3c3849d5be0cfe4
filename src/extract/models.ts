import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import type { ExtractedMention } from './schema.js';
import type { Token } from './segment.js';

const MODEL_HEAD = /(大语言模型|语言大模型|多模态大模型|大模型|基础模型)/g;
const CLAUSE_BREAK = /[、，,。；;！!？?：:\s“”"（）()《》「」【】…]/;
/** Tags of words that make a model name proper (not a generic phrase such as 行业大模型). */
const PROPER_TAGS = new Set(['nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'x', 'eng', 'j']);
const INNER_TAGS = new Set(['n', 'nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'x', 'eng', 'j', 'vn', 'l', 'ng', 'an', 'b']);
/** A version written after a model name; ASR writes the decimal point as 。 (盘古大模型5。0). */
const VERSION_AFTER = /^\s?(\d{1,2}(?:[.。．]\d{1,2})?(?:[oO欧]|[a-zA-Z](?![a-zA-Z]))?)(?![\d.。．]*\d)/;
/** Latin model names with a version (GPT-4o, Qwen2.5, Llama 3); used only with a model word or a lexicon family. */
const LATIN_VERSIONED = /(?<![A-Za-z0-9])([A-Z][A-Za-z]{1,15})[-\s]?(\d{1,2}(?:\.\d{1,2})?[a-zA-Z]?)(?![A-Za-z0-9])/g;

export function normalizeVersion(raw: string): string {
  return raw.replace(/[。．]/g, '.').replace(/欧/g, 'o');
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
      if (start === headStart || !proper) continue;
      const name = text.slice(start, headEnd);
      if (lexicon.modelModifiers.has(text.slice(start, headStart))) continue;
      const version = versionAfter(line, headEnd);
      ctx.addMention({
        type: 'Model', start, end: headEnd, line: line.number, method: 'model-pattern', confidence: 0.7,
        form: name, ...(version ? { versions: [version.version] } : {}),
      }, line);
    }
  }
}

/** Latin names with a version next to a model word or a known model family (GPT4o, Qwen2 大模型). */
export function extractLatinModels(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    LATIN_VERSIONED.lastIndex = 0;
    for (const m of line.text.matchAll(LATIN_VERSIONED)) {
      const start = m.index;
      const end = start + m[0].length;
      if (ctx.overlapping(line.number, start, end).length > 0) continue;
      const family = ctx.lexicon.lookup(m[1]!, 'Model');
      const modelWordAfter = /^\s?(大模型|模型|大语言模型)/.test(line.text.slice(end, end + 6));
      if (!family && !modelWordAfter) continue;
      ctx.addMention({ type: 'Model', start, end, line: line.number, method: 'model-pattern', confidence: family ? 0.8 : 0.6, versions: [normalizeVersion(m[2]!)] }, line);
    }
  }
}

/** Attach versions written right after lexicon model names (盘古大模型5.0). */
export function attachVersions(ctx: DocumentContext, mentions: ExtractedMention[]): void {
  for (const mention of mentions) {
    if (mention.type !== 'Model' || mention.versions?.length) continue;
    const version = versionAfter(ctx.line(mention.line), mention.end);
    if (version) mention.versions = [version.version];
  }
}
