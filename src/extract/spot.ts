import { displayPinyin } from '../lexicon/pinyin.js';
import type { DocumentContext } from './context.js';

/** Lexicon names and their ASR homophones, on every line (the title heading included). */
export function spotLexiconNames(ctx: DocumentContext): void {
  for (const line of ctx.doc.lines) {
    if (!line.text.trim()) continue;
    for (const hit of ctx.lexicon.spot(line.text)) {
      const entry = hit.entry;
      ctx.addMention({
        type: entry.type,
        start: hit.start,
        end: hit.end,
        line: line.number,
        method: hit.method,
        lexiconName: entry.name,
        confidence: hit.method === 'lexicon' ? 0.95 : 0.75,
        ...(hit.method === 'lexicon-pinyin' ? { pinyin: displayPinyin(line.text.slice(hit.start, hit.end)) } : {}),
        ...(entry.kind ? { kind: entry.kind } : {}),
        ...(entry.category ? { category: entry.category } : {}),
        ...(entry.type === 'Person' && entry.titles?.length ? { titles: entry.titles } : {}),
      }, line);
    }
  }
}
