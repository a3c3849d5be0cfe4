/** A set of phrases indexed by first character (UTF-16 code unit), for finding the longest one that starts at a position. */
export class PhraseIndex<T = string> {
  private readonly byFirst = new Map<number, Array<{ phrase: string; value: T }>>();

  constructor(items: Iterable<{ phrase: string; value: T }>) {
    for (const item of items) {
      if (!item.phrase) continue;
      const first = item.phrase.charCodeAt(0);
      const list = this.byFirst.get(first);
      if (list) list.push(item);
      else this.byFirst.set(first, [item]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  static of(phrases: Iterable<string>): PhraseIndex<string> {
    return new PhraseIndex([...phrases].map((p) => ({ phrase: p, value: p })));
  }

  /** The longest phrase starting at text[i]. */
  longestAt(text: string, i: number): { phrase: string; value: T } | undefined {
    const list = this.byFirst.get(text.charCodeAt(i));
    if (!list) return undefined;
    for (const item of list) if (text.startsWith(item.phrase, i)) return item;
    return undefined;
  }

  /** The longest phrase ending at text[end - 1]. */
  longestEndingAt(text: string, end: number, maxLength = 12): { phrase: string; value: T } | undefined {
    let best: { phrase: string; value: T } | undefined;
    for (let start = Math.max(0, end - maxLength); start < end; start++) {
      const list = this.byFirst.get(text.charCodeAt(start));
      if (!list) continue;
      for (const item of list) {
        if (item.phrase.length === end - start && text.startsWith(item.phrase, start)) {
          if (!best || item.phrase.length > best.phrase.length) best = item;
          break;
        }
      }
      if (best) break;
    }
    return best;
  }
}
