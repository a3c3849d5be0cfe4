import { describe, expect, it } from 'vitest';
import { addEnd, childFor, childOf, childrenOf, endsAt, symbolNode } from '../src/lexicon/symbol-trie.js';

describe('symbol trie', () => {
  it('keeps a first child on the node and finds every later one, with the values that end at each node', () => {
    const root = symbolNode<string>();
    const words = ['商汤', '商汤科技', '商量', '华为', '华为云'];
    for (const word of words) {
      let node = root;
      for (const ch of word) node = childFor(node, ch.charCodeAt(0));
      addEnd(node, word);
    }
    const find = (word: string) => {
      let node: ReturnType<typeof symbolNode<string>> | undefined = root;
      for (const ch of word) node = node && childOf(node, ch.charCodeAt(0));
      return node ? endsAt(node) : undefined;
    };
    for (const word of words) expect(find(word)).toEqual([word]);
    expect(find('商')).toEqual([]);
    expect(find('商汤云')).toBeUndefined();
    expect(childrenOf(root).map(([symbol]) => String.fromCharCode(symbol)).sort()).toEqual(['华', '商']);
    expect(root.more?.size).toBe(1);
  });
});
