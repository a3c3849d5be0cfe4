/** V8 makes a substring of this many characters or more a view that keeps the whole string it was cut from alive. */
const SLICED_FROM = 13;

/** The same text, not holding on to a larger string it was cut from (a transcript, when it is a word of one). */
export function detached(text: string): string {
  // flattening the concatenation copies the characters; the slice then points into that copy
  return text.length < SLICED_FROM ? text : (' ' + text).slice(1);
}

/**
 * Computed values by key, for lookups repeated across a build (a word's dictionary tags, a name's closest
 * lexicon entry). At most about twice `capacity` entries are kept: when the newer of two generations is
 * full the older one goes, and a value asked for again moves to the newer one, so that a large corpus does
 * not make the cache grow without end. Keys are kept detached from the text they were cut from.
 */
export class Memo<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly capacity = 50_000) {}

  get(key: string, compute: (key: string) => V): V {
    if (this.newer.has(key)) return this.newer.get(key) as V;
    const value = this.older.has(key) ? (this.older.get(key) as V) : compute(key);
    if (this.newer.size >= this.capacity) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(detached(key), value);
    return value;
  }

  get size(): number {
    return this.newer.size + this.older.size;
  }
}
