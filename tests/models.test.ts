import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, extractDocument, type EntityType, type Extraction, type NerSpan } from '../src/extract/index.js';
import { documentFromBytes, isRejection } from '../src/ingest/index.js';
import { readDocument } from '../src/ingest/read.js';
import type { Document } from '../src/ingest/schema.js';
import { cosine, loadEmbedder, type Embedder } from '../src/models/embed.js';
import { embeddingMerges, mergeCandidates, undecided } from '../src/models/embed-merges.js';
import { findModels, ModelError, modelsHint, openModels } from '../src/models/index.js';
import { LacTagger } from '../src/models/lac.js';
import { lacSpans } from '../src/models/lac-spans.js';
import { readNpyFloat32 } from '../src/models/npy.js';
import { documentPieces } from '../src/models/sentences.js';
import { LAC_SPEC } from '../src/models/specs.js';
import { alignTokens, decodeSpans, labelMap, loadTokenClassifier } from '../src/models/token-classification.js';
import { viterbi } from '../src/models/viterbi.js';
import { buildFromPaths, loadLexicon } from '../src/pipeline.js';
import { resolve } from '../src/resolve/resolve.js';
import { SEEDS } from './helpers.js';
import { fixtureHome, FIXTURES } from './model-fixtures.js';

const SEED_000 = path.join(SEEDS, '000_fd0956bc4824aa51.txt');
const lexicon = loadLexicon();
const extractor = createExtractor(lexicon);

let doc: Document;
beforeAll(async () => {
  const read = await readDocument(SEED_000, {});
  if ('reason' in read) throw new Error(read.reason);
  doc = read;
});

const textOf = (span: { line: number; start: number; end: number }) => doc.lines[span.line - 1]!.text.slice(span.start, span.end);
const piecesOn = (...lines: number[]) => documentPieces(doc).filter((p) => lines.includes(p.line));

describe('CRF Viterbi', () => {
  it('finds the same best path as trying every path, pruning included', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const tags = 4;
    for (let trial = 0; trial < 30; trial++) {
      const length = 1 + (trial % 5);
      const emissions = Float32Array.from({ length: length * tags }, () => random() * (trial % 2 ? 3 : 0.3));
      const transitions = Float32Array.from({ length: tags * tags }, () => random() * 0.5);
      let best = -Infinity;
      let bestPath: number[] = [];
      for (let code = 0; code < tags ** length; code++) {
        const path = Array.from({ length }, (_, t) => Math.floor(code / tags ** (length - 1 - t)) % tags);
        let score = 0;
        path.forEach((tag, t) => (score += emissions[t * tags + tag]! + (t ? transitions[path[t - 1]! * tags + tag]! : 0)));
        if (score > best + 1e-9) {
          best = score;
          bestPath = path;
        }
      }
      expect(viterbi(emissions, length, tags, transitions), `trial ${trial}`).toEqual(bestPath);
    }
  });

  it('reads the transitions of a LAC folder from its .npy file', () => {
    const { shape, data } = readNpyFloat32(readFileSync(path.join(FIXTURES, 'tiny-lac', 'lac_crf_transitions.npy')));
    expect(shape).toEqual([12, 12]);
    expect(data.length).toBe(144);
    expect(Math.max(...data)).toBeLessThanOrEqual(0.2);
  });
});

describe('sentence pieces', () => {
  it('cut every content line into pieces that point back into the line, skipping the title heading', () => {
    const pieces = documentPieces(doc, 60);
    expect(pieces.length).toBeGreaterThan(500);
    expect(pieces.some((p) => p.line === 1)).toBe(false);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(60);
      expect(doc.lines[p.line - 1]!.text.slice(p.start, p.start + p.text.length)).toBe(p.text);
      expect(p.text).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('LAC runner (ONNX Runtime + Viterbi) on the tiny LAC-format fixture', () => {
  it('tags seed lines into words and gives the named ones as spans on the lines', async () => {
    const tagger = await LacTagger.load(path.join(FIXTURES, 'tiny-lac'));
    const pieces = piecesOn(593, 719, 941);
    const words = await tagger.tag(pieces.map((p) => p.text));
    words.forEach((list, i) => expect(list.map((w) => w.text).join('')).toBe(pieces[i]!.text));
    const spans = lacSpans(pieces, words);
    expect(spans.map((s) => [s.line, s.label, textOf(s)])).toEqual([
      [593, 'PER', '杨光峰'],
      [719, 'PER', '何忠江'],
      [941, 'ORG', '深圳市中级人民法院'],
    ]);
    // batching by length gives the words of one-by-one tagging
    const one = await LacTagger.load(path.join(FIXTURES, 'tiny-lac'), { batchSize: 1 });
    expect(await one.tag(pieces.map((p) => p.text))).toEqual(words);
    await tagger.dispose();
    await one.dispose();
  });
});

describe('model mentions beside the rule mentions', () => {
  const span = (line: number, text: string, label: NerSpan['label'], from = 0): NerSpan => {
    const start = doc.lines[line - 1]!.text.indexOf(text, from);
    if (start < 0) throw new Error(`${text} not on line ${line}`);
    return { line, start, end: start + text.length, label };
  };
  const modelMentions = (extraction: Extraction) => extraction.mentions.filter((m) => m.method === 'ner-model');

  it('adds a person introduced by the stage grammar that the rules have not found', () => {
    const spans = [span(719, '何忠江', 'PER'), span(593, '杨光峰', 'PER')];
    const withModel = extractDocument(doc, extractor, { nerSpans: spans });
    const plain = extractDocument(doc, extractor);
    for (const s of spans) {
      const ruleFound = plain.mentions.some((m) => m.line === s.line && m.start < s.end && s.start < m.end);
      const kept = withModel.mentions.find((m) => m.line === s.line && m.start === s.start && m.end === s.end && m.type === 'Person');
      // either the rules already have it, or the model's mention is there, cited at its line
      expect(ruleFound || kept?.method === 'ner-model', textOf(s)).toBe(true);
    }
  });

  it('lets the lexicons and rules win: contradicted, unsupported and place spans are left out', () => {
    const spans: NerSpan[] = [
      span(9, '中国电信', 'PER'), // a lexicon organisation, called a person
      span(719, '大模型', 'ORG'), // no organisation suffix, a generic word
      span(941, '深圳', 'LOC'), // places never become mentions
      span(719, '钟亮', 'PER'), // inside the rules' honorific reference 钟亮总
      span(435, '人工智能', 'nz'), // a proper noun the lexicon does not know
      span(501, '陈赞', 'PER'), // inside 伟尚陈赞, which the rules read whole as it sounds like 伟尚成藏
    ];
    expect(modelMentions(extractDocument(doc, extractor, { nerSpans: spans }))).toEqual([]);
  });

  it('leaves out what only looks like a name or an organisation to the model', async () => {
    const read = await readDocument(path.join(SEEDS, '002_006024088c0cb5f1.txt'), {});
    if ('reason' in read) throw new Error(read.reason);
    const at = (d: Document, line: number, text: string, label: NerSpan['label']): NerSpan => {
      const start = d.lines[line - 1]!.text.indexOf(text);
      if (start < 0) throw new Error(`${text} not on line ${line}`);
      return { line, start, end: start + text.length, label };
    };
    const spans002 = [
      at(read, 303, '汪创办', 'PER'), // 教授汪创办的: a surname and the verb 创办
      at(read, 19, '上海警备区政委', 'ORG'), // ends in a title
    ];
    expect(modelMentions(extractDocument(read, extractor, { nerSpans: spans002 }))).toEqual([]);
    // a place and an ordinary word before a weak suffix: a facility described, not named
    expect(modelMentions(extractDocument(doc, extractor, { nerSpans: [at(doc, 933, '深圳开放智算中心', 'ORG')] }))).toEqual([]);
  });

  it('takes an organisation without a suffix where it stands like one: in a list of organisations', async () => {
    const read = await readDocument(path.join(SEEDS, '001_36b022c5dd94acb0.txt'), {});
    if ('reason' in read) throw new Error(read.reason);
    const at = (line: number, text: string, label: NerSpan['label'] = 'ORG'): NerSpan => {
      const start = read.lines[line - 1]!.text.indexOf(text);
      if (start < 0) throw new Error(`${text} not on line ${line}`);
      return { line, start, end: start + text.length, label };
    };
    // a list the rules cannot read as one (no organisation the lexicon knows in it): the model's names beside a company
    const list = documentFromBytes('list.txt', Buffer.from('感谢杭州云帆科技有限公司、北辰云图和星河互联的支持。\n'));
    if (isRejection(list)) throw new Error(list.reason);
    const item = (text: string): NerSpan => ({ line: 1, start: list.lines[0]!.text.indexOf(text), end: list.lines[0]!.text.indexOf(text) + text.length, label: 'ORG' });
    const fromList = extractDocument(list, extractor, { nerSpans: [item('北辰云图'), item('星河互联')] });
    expect(modelMentions(fromList).map((m) => `${m.type}:${m.text}`).sort()).toEqual(['Organization:北辰云图', 'Organization:星河互联']);
    // 阿里云、上海共创中心、松鼠AI、中企通信等企业代表 (read by the rules now, as a list with known organisations in it); 我是新潮传媒的张继学
    const spans = [at(891, '上海共创中心'), at(891, '中企通信'), at(1421, '新潮传媒')];
    const extraction = extractDocument(read, extractor, { nerSpans: spans });
    expect(extraction.mentions.filter((m) => m.line === 891 && m.type === 'Organization').map((m) => m.text)).toEqual(expect.arrayContaining(['上海共创中心', '中企通信']));
    // the self-introduction the rules read themselves now (组织 + 的 + name), so the model's span adds nothing there
    expect(extraction.mentions.filter((m) => m.line === 1421 && m.type === 'Organization').map((m) => m.text)).toContain('新潮传媒');
    // an ordinary word is never an organisation, wherever it stands
    const ordinary = { ...at(891, '中企通信'), label: 'ORG' as const };
    const line = read.lines[890]!.text;
    const word = line.indexOf('企业');
    expect(modelMentions(extractDocument(read, extractor, { nerSpans: [{ ...ordinary, start: word, end: word + 2 }] }))).toEqual([]);
  });

  it('takes an organisation the model names as a party to cooperation or as someone\'s employer, not a word elsewhere', () => {
    const text = '今年我们与北辰云图签署了合作协议。星河互联的创始人张海涛先生也来了。我们聊了北辰云图。';
    const doc = documentFromBytes('coop.txt', Buffer.from(`${text}\n`));
    if (isRejection(doc)) throw new Error(doc.reason);
    const span = (name: string, from = 0): NerSpan => ({ line: 1, start: text.indexOf(name, from), end: text.indexOf(name, from) + name.length, label: 'ORG' });
    const kept = modelMentions(extractDocument(doc, extractor, { nerSpans: [span('北辰云图'), span('星河互联'), span('北辰云图', 30)] }));
    expect(kept.map((m) => `${m.text}@${text.indexOf(m.text) === m.start ? 'first' : 'later'}`)).toEqual(['北辰云图@first', '星河互联@first']);
  });

  it('leaves out an ORG span that is a venue, a description, a piece of a longer name or an event, and a country for a Latin slip', () => {
    const lines = [
      '签约仪式在无锡太湖国际博览中心举行，我们是一家通用人工智能公司。',
      '栖梧智能与浙江联通共建“智能体+政务”联合创新中心，帮机器人公司做仿真训练。',
      '欢迎来到世界人工智能大会智汇医疗论坛，介绍上海市级医院的布局。Made in China.',
      '北辰云图的创始人张海涛也来了。',
    ];
    const doc = documentFromBytes('spans.txt', Buffer.from(`${lines.join('\n')}\n`));
    if (isRejection(doc)) throw new Error(doc.reason);
    const at = (line: number, text: string, label: NerSpan['label'] = 'ORG'): NerSpan => {
      const start = lines[line - 1]!.indexOf(text);
      return { line, start, end: start + text.length, label };
    };
    const spans = [
      at(1, '无锡太湖国际博览中心'), at(1, '通用人工智能公司'), at(2, '联合创新中心'), at(2, '帮机器人公司'),
      at(3, '世界人工智能大会智汇医疗'), at(3, '上海市级医院'), at(3, 'China', 'nz'),
    ];
    expect(modelMentions(extractDocument(doc, extractor, { nerSpans: spans })).map((m) => m.text)).toEqual([]);
    // the same filters keep a plain name standing as an employer
    expect(modelMentions(extractDocument(doc, extractor, { nerSpans: [at(4, '北辰云图')] })).map((m) => m.text)).toEqual(['北辰云图']);
  });

  it('takes a person thanked for a talk or referred back to by name, but not an honorific misheard as a name', async () => {
    const read = await readDocument(path.join(SEEDS, '001_36b022c5dd94acb0.txt'), {});
    if ('reason' in read) throw new Error(read.reason);
    const at = (line: number, text: string): NerSpan => {
      const start = read.lines[line - 1]!.text.indexOf(text);
      if (start < 0) throw new Error(`${text} not on line ${line}`);
      return { line, start, end: start + text.length, label: 'PER' };
    };
    // 感谢于曦的精彩发言; 刚才于长伟讲了; 谢谢陶源士 (陶院士 misheard) and 刚才陶源士讲到
    const spans = [at(31, '于曦'), at(219, '于长伟'), at(215, '陶源士'), at(237, '陶源士')];
    const kept = modelMentions(extractDocument(read, extractor, { nerSpans: spans })).map((m) => m.text);
    expect(kept.sort()).toEqual(['于曦', '于长伟']);
  });

  it('types a proper noun by the lexicon, allowing a speech-recognition slip in a Latin name', () => {
    const slip = span(435, 'chaGPT', 'nz');
    const mentions = extractDocument(doc, extractor, { nerSpans: [slip] }).mentions.filter((m) => m.line === 435 && m.start === slip.start && m.end === slip.end);
    // the rules may know this slip by now; whoever finds it, it is the product ChatGPT, found once
    expect(mentions).toMatchObject([{ type: 'Product', text: 'chaGPT', lexiconName: 'ChatGPT' }]);
    // cut short (chaGP), it is too far from any lexicon name
    expect(modelMentions(extractDocument(doc, extractor, { nerSpans: [{ ...slip, end: slip.start + 5 }] }))).toEqual([]);
  });
});

describe('token-classification models (transformers.js) on the tiny zero-layer fixture', () => {
  it('infers the label map from id2label, or takes the one given', () => {
    const id2label = { 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-brand', 4: 'I-brand', 5: 'B-MISC', 6: 'S-company' };
    expect(labelMap(id2label)).toEqual({ PER: 'PER', MISC: 'nz', company: 'ORG' });
    expect(labelMap(id2label, { brand: 'ORG', PER: 'PER' })).toEqual({ PER: 'PER', brand: 'ORG' });
  });

  it('aligns WordPiece and SentencePiece tokens to characters and decodes BIO labels into spans', () => {
    const text = '我是 Hugging Face 的何忠江';
    const offsets = alignTokens(text, ['我', '是', 'Hu', '##gging', '▁Face', '的', '何', '[UNK]', '江'], '[UNK]');
    expect(offsets.map((o) => (o ? text.slice(o.start, o.end) : null))).toEqual(['我', '是', 'Hu', 'gging', 'Face', '的', '何', '忠', '江']);
    const labels = ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER', 'I-PER'];
    expect(decodeSpans(offsets, labels, labels.map(() => 0.9)).map((s) => [s.group, text.slice(s.start, s.end)])).toEqual([['ORG', 'Hugging Face'], ['PER', '何忠江']]);
  });

  it('gives spans with their lines and scores', async () => {
    const classifier = await loadTokenClassifier(path.join(FIXTURES, 'tiny-ner'), { threads: 1 });
    const spans = await classifier.spans(piecesOn(593, 719, 941));
    const named = spans.filter((s) => textOf(s).length > 1).map((s) => [s.line, s.label, textOf(s)]);
    expect(named).toEqual([[593, 'PER', '杨光峰'], [719, 'PER', '何忠江'], [941, 'ORG', '深圳市中级人民法院']]);
    for (const s of spans) expect(s.score).toBeGreaterThan(0.5);
    await classifier.dispose();
  });
});

describe('embeddings (transformers.js feature-extraction) and the merges they decide', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder(path.join(FIXTURES, 'tiny-embed'), { threads: 1, batchSize: 3 });
  });

  it('gives normalised vectors, in order across batches, closer for names that share characters', async () => {
    const names = ['星辰mas平台', '华为云', '星辰mas服平台', '商汤科技', '星辰mas平台'];
    const vectors = await embedder.embed(names);
    expect(vectors).toHaveLength(5);
    for (const v of vectors) expect(cosine(v, v)).toBeCloseTo(1, 4);
    expect(cosine(vectors[0]!, vectors[4]!)).toBeCloseTo(1, 5);
    expect(cosine(vectors[0]!, vectors[2]!)).toBeGreaterThan(cosine(vectors[0]!, vectors[1]!));
    expect(cosine(vectors[0]!, vectors[2]!)).toBeGreaterThan(cosine(vectors[0]!, vectors[3]!));
  });

  it('leaves to embeddings only what sound and spelling cannot tell', () => {
    expect(undecided('星辰mas平台', '星辰mas服平台')).toMatch(/one character apart \(服\)/);
    expect(undecided('星辰视觉大模型', '星辰语音大模型', lexicon)).toBeUndefined(); // a modifier word apart
    expect(undecided('星辰大模型', '新城大模型')).toBeUndefined(); // homophones: resolution merges them itself
    expect(undecided('日日新5.0', '日日新5.5')).toBeUndefined(); // versions
    expect(undecided('商汤科技', '华为云')).toBeUndefined();
    expect(undecided('乐山市数据局', '泰州市数据局', lexicon)).toBeUndefined(); // places apart
  });

  it('merges the candidate pairs it scores high into one entity, with the similarity in the merge report', async () => {
    // mentions as the extractor gives them, of names the rules leave apart: only the first pair is undecided
    const names: Array<[EntityType, string]> = [
      ['Organization', '上海市人民政府'], ['Organization', '上海市水市政府'], // an ASR slip, close in sound
      ['Organization', '乐山市数据局'], ['Organization', '泰州市数据局'], // two places: two offices
      ['Model', '星辰视觉大模型'], ['Model', '星辰语音大模型'], // two modifiers: two models
    ];
    const extraction: Extraction = {
      source: 'excerpt.txt', sha256: '0'.repeat(64), forum: { title: 'excerpt', date: null, series: null }, relations: [], signings: [],
      mentions: names.map(([type, form], i) => ({ id: `m${i}`, type, text: form, form, source: 'excerpt.txt', line: i + 1, start: 0, end: form.length, method: type === 'Model' ? 'model-pattern' : 'org-suffix', confidence: 0.8 })),
    };
    const first = resolve([extraction], lexicon);
    const candidates = mergeCandidates(first, lexicon);
    expect(candidates.map((c) => [c.a.name, c.b.name].sort().join(' / '))).toEqual(['上海市人民政府 / 上海市水市政府']);
    expect(await embeddingMerges(first, lexicon, embedder, 'tiny-embed', { threshold: 1.01 })).toEqual([]);
    const merges = await embeddingMerges(first, lexicon, embedder, 'tiny-embed', { threshold: -1 });
    expect(merges).toHaveLength(1);
    const second = resolve([extraction], lexicon, { extraMerges: merges });
    // both mentions now belong to one entity, named by the lexicon, and the merge report says why
    expect(second.mentionEntity['excerpt.txt#m0']).toBe(second.mentionEntity['excerpt.txt#m1']);
    const merged = second.entities.find((e) => e.id === second.mentionEntity['excerpt.txt#m0'])!;
    expect(merged.name).toBe('上海市人民政府');
    expect(merged.forms.find((f) => f.form === '上海市水市政府')).toMatchObject({ reason: 'embedding', detail: expect.stringMatching(/^cosine -?\d\.\d{3} with 上海市人民政府 \(tiny-embed\); pinyin /) });
    expect(second.entities.length).toBe(first.entities.length - 1);
  });
});

describe('finding and opening models', () => {
  it('finds models only in complete folders of the cache', () => {
    const home = fixtureHome();
    expect(Object.keys(findModels(home)).sort()).toEqual(['embed', 'lac']);
    // a folder without its manifest is what an interrupted setup would leave: not a model
    const empty = mkdtempSync(path.join(tmpdir(), 'forumkg-models-'));
    mkdirSync(path.join(empty, LAC_SPEC.folder));
    cpSync(path.join(FIXTURES, 'tiny-lac', 'lac_encoder.onnx'), path.join(empty, LAC_SPEC.folder, 'lac_encoder.onnx'));
    expect(findModels(empty)).toEqual({});
  });

  it('loads nothing without models, hints at them, and says what to do when an asked-for model is missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'forumkg-models-'));
    expect(await openModels({ home: empty })).toBeUndefined();
    expect(await openModels({ home: fixtureHome(), enabled: false })).toBeUndefined();
    expect(modelsHint({ home: empty })).toMatch(/npm run models/);
    expect(modelsHint({ home: fixtureHome() })).toBeUndefined();
    await expect(openModels({ home: empty, ner: 'lac' })).rejects.toThrow(ModelError);
    await expect(openModels({ home: empty, ner: 'lac' })).rejects.toThrow(/npm run models/);
    await expect(openModels({ home: empty, nerModel: path.join(FIXTURES, 'tiny-embed', 'onnx') })).rejects.toThrow(/onnx is not a transformers.js model folder/);
  });

  it('runs the NER model on worker threads beside their extractors, with the same graph as on one thread', async () => {
    const models = { home: fixtureHome(), embedModel: 'none' };
    const onWorkers = await buildFromPaths([SEEDS], { models, jobs: 2 });
    const onOneThread = await buildFromPaths([SEEDS], { models, jobs: 1 });
    expect(onWorkers.models.map((m) => [m.role, m.name])).toEqual([['ner', 'tiny-lac']]);
    expect(onWorkers.timings['model ner']).toBeGreaterThan(0);
    expect(onWorkers.graph).toEqual(onOneThread.graph);
  }, 120_000);

  it('opens the cached models and finds spans in a document', async () => {
    const session = (await openModels({ home: fixtureHome() }))!;
    expect(session.info.map((m) => [m.role, m.name, m.version])).toEqual([['ner', 'tiny-lac', '0.1.0'], ['embeddings', 'tiny-embed', '0.3.0']]);
    const { nerSpans } = await session.findings(doc);
    expect(nerSpans!.map(textOf)).toEqual(expect.arrayContaining(['何忠江', '杨光峰', '深圳市中级人民法院']));
    await session.dispose();
  });
});
