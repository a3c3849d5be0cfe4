/**
 * The text of JSON.stringify(value, null, indent), in pieces: the arrays and objects of the first `depth`
 * levels are opened and closed here and their members stringified one at a time, so that a large graph
 * never becomes one string. Joined, the pieces are exactly what JSON.stringify gives.
 */
export function* jsonChunks(value: unknown, indent = 0, depth = 2): Generator<string> {
  yield* chunksAt(value, ' '.repeat(indent), depth, 0);
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
    const text = JSON.stringify(value, null, gap) ?? 'null';
    yield gap && level ? text.replaceAll('\n', `\n${gap.repeat(level)}`) : text;
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}${newline}`;
      const item: unknown = value[i];
      yield* chunksAt(isOmitted(item) ? null : item, gap, depth - 1, level + 1);
    }
    yield `${close}]`;
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
