/**
 * The text of JSON.stringify(value, null, indent), in pieces: the arrays and objects of the first `depth`
 * levels are opened and closed here and their members stringified one at a time, so that a large graph
 * never becomes one string. Joined, the pieces are exactly what JSON.stringify gives, except that an
 * iterable that is not an array (a generator, say, that makes the members as they are read) is written
 * as the array of its items when it is one of those first `depth` levels' members.
 */
export function* jsonChunks(value: unknown, indent = 0, depth = 2): Generator<string> {
  yield* chunksAt(value, ' '.repeat(indent), depth, 0);
}

/** An iterable written as an array (arrays included; Maps, Sets and typed arrays are written as JSON.stringify writes them). */
function isArrayLike(value: object): value is Iterable<unknown> {
  if (Array.isArray(value)) return true;
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return false;
  return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* chunksAt(value: unknown, gap: string, depth: number, level: number): Generator<string> {
  const newline = gap ? `\n${gap.repeat(level + 1)}` : '';
  const close = gap ? `\n${gap.repeat(level)}` : '';
  if (depth === 0 || !isContainer(value)) {
    const text = JSON.stringify(isContainer(value) && !Array.isArray(value) && isArrayLike(value) ? [...value] : value, null, gap) ?? 'null';
    yield gap && level ? text.replaceAll('\n', `\n${gap.repeat(level)}`) : text;
    return;
  }
  if (isArrayLike(value)) {
    let i = 0;
    for (const item of Array.isArray(value) ? arrayItems(value) : value) {
      yield `${i++ ? ',' : '['}${newline}`;
      yield* chunksAt(isOmitted(item) ? null : item, gap, depth - 1, level + 1);
    }
    yield i ? `${close}]` : '[]';
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !isOmitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [key, item]] of entries.entries()) {
    yield `${i ? ',' : ''}${newline}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
    yield* chunksAt(item, gap, depth - 1, level + 1);
  }
  yield `${close}}`;
}

/** The items of an array by index (holes read as undefined, as JSON.stringify reads them). */
function* arrayItems(array: unknown[]): Generator<unknown> {
  for (let i = 0; i < array.length; i++) yield array[i];
}
