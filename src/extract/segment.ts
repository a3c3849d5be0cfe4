import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Lexicon } from '../lexicon/lexicon.js';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Word segmentation and part-of-speech tags (jieba), with the lexicon's names and titles added to its dictionary. */
export class Segmenter {
  private readonly jieba: Jieba;

  constructor(lexicon: Lexicon) {
    this.jieba = Jieba.withDict(dict);
    const words: string[] = [];
    for (const entry of lexicon.entries) {
      const tag = entry.type === 'Organization' ? 'nt' : entry.type === 'Person' ? 'nr' : 'nz';
      for (const form of [entry.name, ...entry.aliases]) if (/^\p{Script=Han}{2,}$/u.test(form)) words.push(`${form} 50000 ${tag}`);
    }
    for (const title of lexicon.titles) if (/^\p{Script=Han}{2,}$/u.test(title)) words.push(`${title} 50000 title`);
    this.jieba.loadDict(Buffer.from(words.join('\n') + '\n'));
  }

  tag(text: string): Token[] {
    const tokens: Token[] = [];
    let offset = 0;
    for (const { word, tag } of this.jieba.tag(text, true) as TaggedWord[]) {
      const start = text.indexOf(word, offset);
      const at = start < 0 ? offset : start;
      tokens.push({ word, tag, start: at, end: at + word.length });
      offset = at + word.length;
    }
    return tokens;
  }
}
