type Item<T> = { phrase: string; value: T };

/**
 * Phrases (titles, organisation suffixes, honorifics) found at a position of a text. Phrases are kept by their
 * first two characters, longest first, so that a lookup compares only the few phrases that start like the text
 * (hundreds of titles start with 副 or 首, a handful with 副总); one-character phrases are kept apart.
 */
export class PhraseIndex<T = string> {
  private readonly byFirstTwo = new Map<number, Map<number, Array<Item<T>>>>();
  private readonly singles = new Map<number, Item<T>>();

  constructor(items: Iterable<Item<T>>) {
    for (const item of items) {
      if (!item.phrase) continue;
      const first = item.phrase.charCodeAt(0);
      if (item.phrase.length === 1) {
        if (!this.singles.has(first)) this.singles.set(first, item);
        continue;
      }
      let bySecond = this.byFirstTwo.get(first);
      if (!bySecond) this.byFirstTwo.set(first, (bySecond = new Map()));
      const second = item.phrase.charCodeAt(1);
      const list = bySecond.get(second);
      if (list) list.push(item);
      else bySecond.set(second, [item]);
    }
    // longest first; a phrase given twice keeps its first value (the sort is stable)
    for (const bySecond of this.byFirstTwo.values()) for (const list of bySecond.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  static of(phrases: Iterable<string>): PhraseIndex<string> {
    return new PhraseIndex([...phrases].map((p) => ({ phrase: p, value: p })));
  }

  /** The longest phrase starting at text[i]. */
  longestAt(text: string, i: number): Item<T> | undefined {
    const list = this.byFirstTwo.get(text.charCodeAt(i))?.get(text.charCodeAt(i + 1));
    if (list) for (const item of list) if (text.startsWith(item.phrase, i)) return item;
    return this.singles.get(text.charCodeAt(i));
  }

  /** The longest phrase ending at text[end - 1]. */
  longestEndingAt(text: string, end: number, maxLength = 12): Item<T> | undefined {
    for (let start = Math.max(0, end - maxLength); start < end; start++) {
      const length = end - start;
      if (length === 1) return this.singles.get(text.charCodeAt(start));
      const list = this.byFirstTwo.get(text.charCodeAt(start))?.get(text.charCodeAt(start + 1));
      if (!list) continue;
      for (const item of list) if (item.phrase.length === length && text.startsWith(item.phrase, start)) return item;
    }
    return undefined;
  }
}
