/** Strings at most this long are shared (types, methods, file names, names, ids); longer ones (quotes) are mostly unique. */
const SHARED_UP_TO = 48;

/**
 * Makes the repeated short strings of an extraction outcome (every mention repeats its type, method
 * and file name; names recur) point to one copy, in place: a transcript's outcome, as it arrives from
 * a worker, holds a copy of each. Values are unchanged; a large build keeps about half the memory for
 * its extractions.
 */
export function shareStrings(value: unknown, pool: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = shared(item, pool);
      else if (item !== null && typeof item === 'object') shareStrings(item, pool);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = shared(item, pool);
      else if (item !== null && typeof item === 'object') shareStrings(item, pool);
    }
  }
}

function shared(text: string, pool: Map<string, string>): string {
  if (text.length > SHARED_UP_TO) return text;
  const existing = pool.get(text);
  if (existing !== undefined) return existing;
  pool.set(text, text);
  return text;
}
