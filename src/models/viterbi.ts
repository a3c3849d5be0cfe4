/**
 * Best tag sequence of a linear-chain CRF: `emissions` is [length × tags] row-major, `transitions` is
 * [from × to] row-major; no start or end scores (LAC exports none). Ties go to the lowest tag id, as
 * numpy's argmax does.
 *
 * Exact pruning: a tag whose score is more than (max transition − min transition) below the best
 * score of its step can never be the best predecessor of any tag, so only the others are scanned.
 * Emissions of a trained tagger are peaked, which leaves one to three tags a step.
 */
export function viterbi(emissions: Float32Array, length: number, tags: number, transitions: Float32Array): number[] {
  if (length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of transitions) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const spread = hi - lo;
  let score = new Float64Array(tags);
  let next = new Float64Array(tags);
  const active = new Int32Array(tags);
  for (let k = 0; k < tags; k++) score[k] = emissions[k]!;
  const back = new Int32Array(length * tags);
  for (let t = 1; t < length; t++) {
    let max = -Infinity;
    for (let k = 0; k < tags; k++) if (score[k]! > max) max = score[k]!;
    let n = 0;
    for (let k = 0; k < tags; k++) if (score[k]! >= max - spread) active[n++] = k;
    const row = t * tags;
    for (let to = 0; to < tags; to++) {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < n; i++) {
        const from = active[i]!;
        const s = score[from]! + transitions[from * tags + to]!;
        if (s > best) {
          best = s;
          arg = from;
        }
      }
      next[to] = best + emissions[row + to]!;
      back[row + to] = arg;
    }
    [score, next] = [next, score];
  }
  let last = 0;
  for (let k = 1; k < tags; k++) if (score[k]! > score[last]!) last = k;
  const path = new Array<number>(length);
  path[length - 1] = last;
  for (let t = length - 1; t > 0; t--) path[t - 1] = back[t * tags + path[t]!]!;
  return path;
}
