/** A node of the phrase trie: the phrase that ends here (the first given, if one was given twice) and what may follow. */
interface TrieNode<T> {
  item?: { phrase: string; value: T };
  next?: Map<number, TrieNode<T>>;
}

/**
 * Phrases (titles, organisation suffixes, honorifics) found at a position of a text: a trie over UTF-16 code
 * units, so that a lookup costs the length of the match, not a comparison with every phrase that starts
 * with the same character (there are hundreds of titles starting with 副 or 首).
 */
export class PhraseIndex<T = string> {
  private readonly root: TrieNode<T> = {};

  constructor(items: Iterable<{ phrase: string; value: T }>) {
    for (const item of items) {
      if (!item.phrase) continue;
      let node = this.root;
      for (let k = 0; k < item.phrase.length; k++) {
        const code = item.phrase.charCodeAt(k);
        node.next ??= new Map();
        let child = node.next.get(code);
        if (!child) {
          child = {};
          node.next.set(code, child);
        }
        node = child;
      }
      node.item ??= item;
    }
  }

  static of(phrases: Iterable<string>): PhraseIndex<string> {
    return new PhraseIndex([...phrases].map((p) => ({ phrase: p, value: p })));
  }

  /** The longest phrase starting at text[i]. */
  longestAt(text: string, i: number): { phrase: string; value: T } | undefined {
    let best: { phrase: string; value: T } | undefined;
    let node: TrieNode<T> | undefined = this.root;
    for (let k = i; k < text.length; k++) {
      node = node.next?.get(text.charCodeAt(k));
      if (!node) break;
      if (node.item) best = node.item;
    }
    return best;
  }

  /** The longest phrase ending at text[end - 1]. */
  longestEndingAt(text: string, end: number, maxLength = 12): { phrase: string; value: T } | undefined {
    for (let start = Math.max(0, end - maxLength); start < end; start++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let k = start; k < end && node; k++) node = node.next?.get(text.charCodeAt(k));
      if (node?.item) return node.item;
    }
    return undefined;
  }
}
