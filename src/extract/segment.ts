import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import type { Lexicon } from '../lexicon/lexicon.js';
import { Memo } from '../util/memo.js';

/** Tags of proper nouns (names of people, places, organisations) and of words the dictionary does not know. */
const PROPER = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'x', 'j', 'eng']);

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * jieba's own dictionary, read here rather than through '@node-rs/jieba/dict.js', which keeps it and the unused
 * IDF table (11 MB) in memory for good, in every thread that segments.
 */
function jiebaDictionary(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
}

/** Word segmentation and part-of-speech tags (jieba), with the lexicon's names and titles added to its dictionary. */
export class Segmenter {
  private readonly jieba: Jieba;

  constructor(lexicon: Lexicon) {
    this.jieba = Jieba.withDict(jiebaDictionary());
    const words: string[] = [];
    for (const entry of lexicon.entries) {
      const tag = entry.type === 'Organization' ? 'nt' : entry.type === 'Person' ? 'nr' : 'nz';
      // short names are left to jieba's own dictionary, so that they do not bias word boundaries (杨帆 in 陈杨帆)
      if (entry.type === 'Person') continue;
      for (const form of [entry.name, ...entry.aliases]) if (/^\p{Script=Han}{4,}$/u.test(form)) words.push(`${form} 50000 ${tag}`);
    }
    for (const title of lexicon.titles) if (/^\p{Script=Han}{2,}$/u.test(title)) words.push(`${title} 50000 title`);
    this.jieba.loadDict(Buffer.from(words.join('\n') + '\n'));
  }

  private readonly wordTags = new Memo<boolean>();

  /** True when the dictionary has this text as one word that is not a personal name (平台, 空间, 高度). */
  isOrdinaryWord(text: string): boolean {
    return this.wordTags.get(text, () => {
      const tags = this.jieba.tag(text, false) as TaggedWord[];
      return tags.length === 1 && tags[0]!.word === text && !PROPER.has(tags[0]!.tag);
    });
  }

  /** Word boundaries from the dictionary alone (no guessing of unknown words): offsets where a word starts or ends. */
  dictionaryBoundaries(text: string): Set<number> {
    const bounds = new Set<number>([0, text.length]);
    let offset = 0;
    for (const word of this.jieba.cut(text, false)) {
      const start = text.indexOf(word, offset);
      const at = start < 0 ? offset : start;
      bounds.add(at);
      bounds.add(at + word.length);
      offset = at + word.length;
    }
    return bounds;
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
