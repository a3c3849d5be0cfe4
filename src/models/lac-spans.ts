import type { NerSpan } from '../extract/ner.js';
import type { LacWord } from './lac.js';
import type { Piece } from './sentences.js';

const LAC_LABELS: Record<string, NerSpan['label']> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', nz: 'nz' };

/** LAC's named words (PER, ORG, LOC, nz) as spans on the document's lines. */
export function lacSpans(pieces: Piece[], words: LacWord[][]): NerSpan[] {
  const spans: NerSpan[] = [];
  pieces.forEach((piece, i) => {
    for (const w of words[i] ?? []) {
      const label = LAC_LABELS[w.tag];
      if (!label) continue;
      let start = w.start;
      let end = w.end;
      while (start < end && /\s/.test(piece.text[start]!)) start++;
      while (end > start && /\s/.test(piece.text[end - 1]!)) end--;
      if (end > start) spans.push({ line: piece.line, start: piece.start + start, end: piece.start + end, label });
    }
  });
  return spans;
}
