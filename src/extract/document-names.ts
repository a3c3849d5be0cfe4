import type { Line } from '../ingest/schema.js';
import { LATIN_OR_DIGIT } from '../util/text.js';
import type { DocumentContext } from './context.js';
import type { ExtractedMention } from './schema.js';

/**
 * Short or English names declared in brackets right after a name: "无锡锡创数科集团有限公司（以下简称“锡创数科”）",
 * "汀兰大模型3.0（英文名Tinglan-3）", "深圳智衡未来科技有限公司（Zenhance AI，简称“智衡未来”）". The bracket must start at
 * the name's end (after its closing quote, if quoted); it may declare several names, set apart by commas.
 */
const BRACKET_AFTER = /^[”"」』]?[（(]([^（）()]{2,60})[）)]/;
const DECLARED = /^\s*(以下简称|以下称|下称|简称|英文名称?|英文简称|英文)?[：:为]?\s*[“"「『]?([^“”"「」『』]{2,30}?)[”"」』]?\s*$/;
/** Without a word that declares it, only a Latin name in brackets is another name (not 上海, 集团, 2025). */
const LATIN_NAME = /^[A-Z][A-Za-z0-9]*(?:[ .&\-][A-Za-z0-9]+)*$/;

/**
 * The name one part of a bracket declares ("以下简称“锡创数科”", "Zenhance AI"), with where it starts in the part:
 * any name after a word that declares it, else only a Latin one.
 */
function declaredName(part: string): { name: string; at: number } | undefined {
  const found = DECLARED.exec(part);
  if (!found) return undefined;
  const [, keyword, name] = found as unknown as [string, string | undefined, string];
  if (!keyword && !LATIN_NAME.test(name.trim())) return undefined;
  return { name, at: part.indexOf(name, keyword ? part.indexOf(keyword) + keyword.length : 0) };
}

/** Where a line has brackets that only declare other names ([open, close] offsets, brackets included). */
export function declaringBrackets(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/[（(]([^（）()]{2,60})[）)]/g)) {
    if (m[1]!.split(/[，,；;、]/).every((part) => declaredName(part))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** What a mention found from another says of its entity beside its span: the lexicon's name, kind and category. */
function sameEntityAs(m: ExtractedMention): Pick<ExtractedMention, 'lexiconName' | 'kind' | 'category'> {
  return { ...(m.lexiconName ? { lexiconName: m.lexiconName } : {}), ...(m.kind ? { kind: m.kind } : {}), ...(m.category ? { category: m.category } : {}) };
}

/**
 * Names a text declares for what it just named: each becomes a mention of the same type that is another name of
 * the first (`aliasOf`), so that resolution keeps them as one entity.
 */
export function extractDeclaredNames(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    for (const named of [...ctx.mentionsOnLine(line.number)]) {
      if (named.type === 'Person' || named.reference) continue;
      const bracket = BRACKET_AFTER.exec(line.text.slice(named.end));
      if (!bracket) continue;
      let at = named.end + bracket[0].indexOf(bracket[1]!);
      for (const part of bracket[1]!.split(/([，,；;、])/)) {
        const partStart = at;
        at += part.length;
        const declared = /^[，,；;、]$/.test(part) ? undefined : declaredName(part);
        if (!declared) continue;
        const start = partStart + declared.at;
        const end = start + declared.name.length;
        if (ctx.overlapping(line.number, start, end).some((m) => m.start !== start || m.end !== end)) continue;
        const alias = ctx.addMention({
          type: named.type, start, end, line: line.number, method: named.method, confidence: named.confidence, aliasOf: named.id, ...sameEntityAs(named),
        }, line);
        // a rule may have found the declared name already (Tinglan-3 as a model name): it is still the same entity
        if (!alias.aliasOf && alias.id !== named.id) alias.aliasOf = named.id;
      }
    }
  }
}

const HAN = /^\p{Script=Han}+$/u;

/** Names long enough to be found again by their letters alone: four Han characters (three for a person, two for a declared short name), or a Latin name of four. */
function findableAgain(m: ExtractedMention): boolean {
  if (m.reference || m.method === 'lexicon' || m.method === 'lexicon-pinyin') return false;
  const length = [...m.form].length;
  // a short name the text declared (以下简称“云岫”) is meant to be said again
  if (HAN.test(m.form)) return length >= (m.aliasOf ? 2 : m.type === 'Person' ? 3 : 4);
  return length >= 4 && /[A-Za-z]/.test(m.form);
}

/**
 * A name the rules found once (a guest's company in an introduction, a product named as it is launched) is the
 * same name wherever the text says it again: each other place becomes a mention too, so that what is said there
 * (partnerships, ownership) has its entity. Lexicon names are found everywhere already.
 */
export function spotNamesFoundElsewhere(ctx: DocumentContext): void {
  const found = new Map<string, ExtractedMention>();
  for (const m of ctx.mentions) if (findableAgain(m) && !found.has(m.form)) found.set(m.form, m);
  if (found.size === 0) return;
  const names = [...found.keys()].sort((a, b) => b.length - a.length);
  for (const line of ctx.doc.lines) {
    if (!line.text.trim()) continue;
    for (const name of names) spotOnLine(ctx, line, name, found.get(name)!);
  }
}

function spotOnLine(ctx: DocumentContext, line: Line, name: string, model: ExtractedMention): void {
  const text = line.text;
  const latin = !HAN.test(name);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    // a Latin name stands apart from other letters (Echo-2 is not in Echo-20)
    if (latin && (LATIN_OR_DIGIT.test(text[at - 1] ?? '') || LATIN_OR_DIGIT.test(text[end] ?? ''))) continue;
    if (ctx.overlapping(line.number, at, end).length > 0) continue;
    ctx.addMention({
      type: model.type, start: at, end, line: line.number, method: model.method, confidence: Math.min(model.confidence, 0.7), ...sameEntityAs(model),
      ...(model.impliedName ? { impliedName: model.impliedName } : {}), ...(model.family ? { family: model.family } : {}),
    }, line);
  }
}
