import type { DocumentContext } from './context.js';
import type { Token } from './segment.js';

const PRODUCT_HEAD = /(MaaS平台|平台|一体机|云电脑|智能体|助手|操作系统|APP|App|app)/g;
const CLAUSE_BREAK = /[、，,。；;！!？?：:\s“”"（）()《》「」【】…]/;
const INNER_TAGS = new Set(['nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'x', 'eng', 'j', 'n']);

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
      for (let k = tokens.length - 1; k >= 0 && words < 3; k--) {
        const t = tokens[k]!;
        const mentions = ctx.overlapping(line.number, t.start, t.end);
        if (mentions.some((x) => x.type === 'Person' || x.type === 'Organization')) break;
        if (!INNER_TAGS.has(t.tag) || lexicon.productWords.has(t.word)) break;
        if (t.tag === 'x' && !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word)) break;
        start = t.start;
        words++;
        if (/[A-Z]{2,}|[A-Z][a-z]+[A-Z]/.test(t.word) || mentions.some((x) => x.type === 'Model' || x.type === 'Product')) branded = true;
      }
      if (!branded || start === headStart) continue;
      ctx.addMention({ type: 'Product', start, end: headEnd, line: line.number, method: 'product-pattern', confidence: 0.6, category: 'platform' }, line);
    }
  }
}
