import type { TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerSpan } from '../extract/ner.js';
import type { ModelManifest } from './cache.js';
import { ModelError } from './errors.js';
import type { Piece } from './sentences.js';
import { loadPipeline } from './transformers.js';

export type NerLabel = NerSpan['label'];

/** Usual entity-group names (after B-/I-/E-/S-) of NER models, mapped to ours. */
const KNOWN_GROUPS: Record<string, NerLabel> = {
  PER: 'PER', PERSON: 'PER', PEOPLE: 'PER', NR: 'PER',
  ORG: 'ORG', ORGANIZATION: 'ORG', ORGANISATION: 'ORG', NT: 'ORG', COMPANY: 'ORG',
  LOC: 'LOC', LOCATION: 'LOC', GPE: 'LOC', NS: 'LOC',
  MISC: 'nz', NZ: 'nz', PRODUCT: 'nz',
};

/** Splits a token label into its BIOES prefix and entity group (a label without prefix counts as inside). */
export function splitLabel(label: string): { prefix: 'B' | 'I' | 'E' | 'S' | 'O'; group: string } {
  if (label === 'O') return { prefix: 'O', group: '' };
  const m = /^([BIES])[-_](.+)$/.exec(label);
  return m ? { prefix: m[1] as 'B' | 'I' | 'E' | 'S', group: m[2]! } : { prefix: 'I', group: label };
}

/** The label map: given explicitly, or inferred from the model's id2label by the usual group names. */
export function labelMap(id2label: Record<string, string>, given?: Record<string, NerLabel>): Record<string, NerLabel> {
  const map: Record<string, NerLabel> = {};
  for (const label of Object.values(id2label)) {
    const { group } = splitLabel(label);
    if (!group) continue;
    const ours = given ? given[group] ?? given[group.toUpperCase()] : KNOWN_GROUPS[group.toUpperCase()];
    if (ours) map[group] = ours;
  }
  return map;
}

/**
 * Character offsets of each token in the text: tokens are found in order (case-insensitively, with
 * WordPiece `##` and SentencePiece `▁` marks removed); an unknown token takes one character; a token
 * that cannot be found is left without offsets.
 */
export function alignTokens(text: string, tokens: string[], unknown?: string): Array<{ start: number; end: number } | undefined> {
  const lower = text.toLowerCase();
  let cursor = 0;
  return tokens.map((token) => {
    while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
    if (token === unknown) {
      if (cursor >= text.length) return undefined;
      const width = text.codePointAt(cursor)! > 0xffff ? 2 : 1;
      cursor += width;
      return { start: cursor - width, end: cursor };
    }
    const piece = token.replace(/^##/, '').replace(/^\u2581/, '').toLowerCase();
    if (!piece) return undefined;
    const at = lower.indexOf(piece, cursor);
    if (at < 0 || at - cursor > 8) return undefined;
    cursor = at + piece.length;
    return { start: at, end: cursor };
  });
}

/** BIO(ES) decoding of per-token labels into spans of one entity group each. */
export function decodeSpans(
  offsets: Array<{ start: number; end: number } | undefined>,
  labels: string[],
  scores: number[],
): Array<{ group: string; start: number; end: number; score: number }> {
  const spans: Array<{ group: string; start: number; end: number; score: number }> = [];
  let open: { group: string; start: number; end: number; score: number } | undefined;
  labels.forEach((label, i) => {
    const at = offsets[i];
    const { prefix, group } = splitLabel(label);
    if (!at || prefix === 'O') {
      open = undefined;
      return;
    }
    if (open && open.group === group && (prefix === 'I' || prefix === 'E')) {
      open.end = at.end;
      open.score = Math.min(open.score, scores[i]!);
    } else {
      open = { group, start: at.start, end: at.end, score: scores[i]! };
      spans.push(open);
    }
    if (prefix === 'E' || prefix === 'S') open = undefined;
  });
  return spans;
}

export interface TokenClassifier {
  name: string;
  manifest?: ModelManifest;
  source: string;
  dtype: string;
  spans(pieces: Piece[]): Promise<NerSpan[]>;
  dispose(): Promise<void>;
}

/** A transformers.js token-classification model whose labels map to PER, ORG, LOC and nz. */
export async function loadTokenClassifier(where: string, options: { threads: number; labels?: Record<string, NerLabel>; batchSize?: number }): Promise<TokenClassifier> {
  const loaded = await loadPipeline('token-classification', where, options.threads);
  const pipe: TokenClassificationPipeline = loaded.pipe;
  const id2label = ((pipe.model.config as unknown as { id2label?: Record<string, string> }).id2label) ?? {};
  const map = labelMap(id2label, options.labels ?? loaded.manifest?.labels);
  if (Object.keys(map).length === 0) {
    throw new ModelError(`none of the labels of ${loaded.source} (${Object.values(id2label).slice(0, 8).join(', ')}) maps to PER, ORG, LOC or nz; give the map with --ner-labels, e.g. --ner-labels person=PER,company=ORG`);
  }
  const batchSize = options.batchSize ?? 16;
  const config = pipe.model.config as unknown as { max_position_embeddings?: number };
  const maxLength = Math.min((pipe.tokenizer as unknown as { model_max_length?: number }).model_max_length ?? 512, config.max_position_embeddings ?? 512);
  const tokenizer = pipe.tokenizer;
  const unknown = (tokenizer as unknown as { unk_token?: string }).unk_token;
  const specialIds = new Set<number>((tokenizer as unknown as { all_special_ids?: number[] }).all_special_ids ?? []);
  return {
    name: loaded.manifest?.name ?? loaded.source.split(/[\\/]/).filter(Boolean).pop() ?? loaded.source,
    ...(loaded.manifest ? { manifest: loaded.manifest } : {}),
    source: loaded.source,
    dtype: loaded.dtype,
    dispose: () => pipe.dispose(),
    async spans(pieces: Piece[]): Promise<NerSpan[]> {
      const found: NerSpan[] = [];
      for (let from = 0; from < pieces.length; from += batchSize) {
        const batch = pieces.slice(from, from + batchSize);
        const inputs = tokenizer(batch.map((p) => p.text), { padding: true, truncation: true, max_length: maxLength });
        const output = await pipe.model(inputs);
        const logits = output.logits as { dims: number[]; data: Float32Array };
        const [, width, labelCount] = logits.dims as [number, number, number];
        const ids = inputs.input_ids.tolist() as Array<Array<bigint | number>>;
        batch.forEach((piece, b) => {
          const tokens = tokenizer.tokenize(piece.text);
          const positions = ids[b]!.map((id, t) => ({ id: Number(id), t })).filter((x) => !specialIds.has(x.id)).slice(0, tokens.length);
          const labels: string[] = [];
          const scores: number[] = [];
          for (const { t } of positions) {
            const row = logits.data.subarray((b * width + t) * labelCount, (b * width + t + 1) * labelCount);
            const { index, probability } = argmaxSoftmax(row);
            labels.push(id2label[String(index)] ?? 'O');
            scores.push(probability);
          }
          const offsets = alignTokens(piece.text, tokens.slice(0, positions.length), unknown);
          for (const span of decodeSpans(offsets, labels, scores)) {
            const label = map[span.group];
            if (label) found.push({ line: piece.line, start: piece.start + span.start, end: piece.start + span.end, label, score: span.score });
          }
        });
      }
      return found;
    },
  };
}

function argmaxSoftmax(row: Float32Array): { index: number; probability: number } {
  let index = 0;
  for (let k = 1; k < row.length; k++) if (row[k]! > row[index]!) index = k;
  let sum = 0;
  for (const v of row) sum += Math.exp(v - row[index]!);
  return { index, probability: 1 / sum };
}
