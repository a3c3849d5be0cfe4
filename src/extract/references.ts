import type { DocumentContext } from './context.js';

/** Characters after which a short reference such as 赵总 may start (particles and verbs of address). */
const BEFORE_REFERENCE = new Set([...'的和跟与请谢是让给对向将把由及位问叫']);
/** Characters that may follow a one-character honorific (总, 董) when it closes a reference. */
const AFTER_SHORT = new Set([...'和跟与的说讲在也呢啊吧来去给对刚今请为继分上致发介带谈聊回提先您你']);
/** Verbs of address that end up before a surname (请问王院士, 叫李总): they do not start a given name. */
const ADDRESS_VERB = new Set([...'问叫请谢让给向']);
/** Pronouns, demonstratives and particles: a two-character prefix holding one (这个董事长) is speech, not a given name. */
const NOT_IN_GIVEN_NAME = /[这那哪个我你他她它们的了是在和与也都就还又很各每]/;

/**
 * Short references to a person: surname or given name + honorific (赵总, 李部长, 郑院士, 学龙院长).
 * They become Person mentions with a `reference` that resolution ties to the person introduced
 * nearby, or drops when there is none.
 */
export function extractReferences(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    for (let i = 1; i < text.length; i++) {
      const honorific = lexicon.honorificIndex.longestAt(text, i)?.phrase;
      if (!honorific) continue;
      const after = text[i + honorific.length];
      if (honorific.length === 1 && after !== undefined && /\p{Script=Han}/u.test(after) && !AFTER_SHORT.has(after)) continue;
      for (const size of [2, 1]) {
        const start = i - size;
        if (start < 0) continue;
        const prefix = text.slice(start, i);
        if (![...prefix].every((c) => /\p{Script=Han}/u.test(c))) continue;
        const before = text[start - 1];
        if (before !== undefined && /\p{Script=Han}/u.test(before) && !BEFORE_REFERENCE.has(before)) continue;
        if (size === 1 && !lexicon.surnames.has(prefix)) continue;
        // 谢谢曹总, 请请王总: the first character ends a doubled word, it does not start a name; 请问王院士 asks 王院士
        if (size === 2 && (NOT_IN_GIVEN_NAME.test(prefix) || before === prefix[0] || prefix[0] === prefix[1] || ADDRESS_VERB.has(prefix[0]!))) continue;
        // 轮值董事长, 执行院长: a title of its own, not a name and an honorific
        if (lexicon.titleSet.has(prefix + honorific)) continue;
        if (ctx.overlapping(line.number, start, i + honorific.length).length > 0) break;
        ctx.addMention({
          type: 'Person', start, end: i + honorific.length, line: line.number, method: 'honorific', confidence: 0.5,
          reference: { surname: prefix, honorific },
        }, line);
        break;
      }
      i += honorific.length - 1;
    }
  }
}
