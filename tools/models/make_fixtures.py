"""Generates the tiny models the tests run on (tests/fixtures/models/); the output is committed, so tests
and CI need no Python. Needs numpy and onnx:

    python tools/models/make_fixtures.py

- tiny-lac/: a LAC-format model (lac_encoder.onnx, lac_crf_transitions.npy, word.dic, tag.dic, q2b.dic) whose
  encoder gives each character a fixed tag: the characters of a few names from seeds/000 are PER or ORG,
  every other character is an ordinary noun. Runs through the real LAC runner (ONNX Runtime + Viterbi).
- tiny-ner/: a BertForTokenClassification with zero layers for transformers.js: each character's label is a
  fixed lookup (B-PER/I-PER/B-ORG/I-ORG …), so its output is deterministic and meaningful.
- tiny-embed/: a two-layer BertModel with seeded random weights, small enough that a name's embedding is
  mostly the bag of its characters: names sharing characters are close.
Vocabularies hold only the characters of the seed lines and names the tests use, plus ASCII.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert_onnx import bert, bert_config  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'models')
SEED = os.path.join(ROOT, 'seeds', '000_fd0956bc4824aa51.txt')
# seed 000 lines the tests read (1-based), and names the embedding tests compare
LINES = [435, 593, 719, 941]
NAMES = ['星辰mas平台', '星辰mas服平台', '新城mas平台', '商汤科技', '华为云', '好威云', '星辰大模型', '新城大模型', '星辰视觉大模型']
PERSONS = ['何忠江', '杨光峰']
ORGS = ['深圳市中级人民法院']
ASCII = [chr(c) for c in range(33, 127)]
SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']


def characters():
    lines = open(SEED, encoding='utf-8').read().split('\n')
    chars = set()
    for n in LINES:
        chars.update(lines[n - 1])
    for name in NAMES:
        chars.update(name)
    chars = sorted(c for c in chars if not c.isspace() and c not in ASCII and ord(c) < 0x10000 and ord(c) not in range(0x1F000, 0x20000))
    return chars


def char_labels():
    """Fixed label of a character: begin/inside of a person or organisation name of the fixtures."""
    labels = {}
    for names, kind in ((PERSONS, 'PER'), (ORGS, 'ORG')):
        for name in names:
            for i, c in enumerate(name):
                labels.setdefault(c, ('B-' if i == 0 else 'I-') + kind)
    return labels


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def manifest(folder, data):
    write(os.path.join(folder, 'forumkg-model.json'), json.dumps(data, indent=2) + '\n')


def tiny_lac(chars):
    folder = os.path.join(OUT, 'tiny-lac')
    os.makedirs(folder, exist_ok=True)
    tags = ['PER-B', 'PER-I', 'ORG-B', 'ORG-I', 'LOC-B', 'LOC-I', 'nz-B', 'nz-I', 'n-B', 'n-I', 'w-B', 'w-I']
    vocab = ['OOV'] + chars + ASCII
    fixed = {c: l.replace('B-', '').replace('I-', '') + ('-B' if l.startswith('B-') else '-I') for c, l in char_labels().items()}
    emissions = np.zeros((len(vocab), len(tags)), np.float32)
    for i, c in enumerate(vocab):
        emissions[i, tags.index(fixed.get(c, 'w-B' if c in '，。、！？' else 'n-B'))] = 6.0
    rng = np.random.default_rng(7)
    transitions = rng.uniform(-0.2, 0.2, (len(tags), len(tags))).astype(np.float32)
    np.save(os.path.join(folder, 'lac_crf_transitions.npy'), transitions)
    write(os.path.join(folder, 'word.dic'), ''.join(f'{i}\t{c}\n' for i, c in enumerate(vocab)))
    write(os.path.join(folder, 'tag.dic'), ''.join(f'{i}\t{t}\n' for i, t in enumerate(tags)))
    write(os.path.join(folder, 'q2b.dic'), ''.join(f'{chr(0xFF01 + k)}\t{chr(0x21 + k)}\n' for k in range(94)))
    # token_ids [B, n] → emissions [B, n, tags]; `length` is an input, unused, as in the real export
    graph = helper.make_graph(
        [helper.make_node('Gather', ['emissions', 'token_ids'], ['fetch_name_0'])],
        'tiny_lac',
        [helper.make_tensor_value_info('token_ids', TensorProto.INT64, ['batch', 'sequence']),
         helper.make_tensor_value_info('length', TensorProto.INT64, ['batch'])],
        [helper.make_tensor_value_info('fetch_name_0', TensorProto.FLOAT, ['batch', 'sequence', len(tags)])],
        [numpy_helper.from_array(emissions, 'emissions')])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='forumkg')
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(folder, 'lac_encoder.onnx'))
    manifest(folder, {'name': 'tiny-lac', 'version': '0.1.0', 'task': 'lac', 'license': 'MIT'})


def wordpiece_tokenizer(vocab):
    return {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': i, 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False, 'special': True} for i, t in enumerate(SPECIAL)],
        'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True, 'strip_accents': False, 'lowercase': False},
        'pre_tokenizer': {'type': 'BertPreTokenizer'},
        'post_processor': {'type': 'BertProcessing', 'sep': ['[SEP]', 3], 'cls': ['[CLS]', 2]},
        'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
        'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##', 'max_input_chars_per_word': 100,
                  'vocab': {t: i for i, t in enumerate(vocab)}},
    }


def tokenizer_config():
    return {'tokenizer_class': 'BertTokenizer', 'model_max_length': 512, 'do_lower_case': False, 'unk_token': '[UNK]', 'sep_token': '[SEP]',
            'pad_token': '[PAD]', 'cls_token': '[CLS]', 'mask_token': '[MASK]'}


def empty_weights(vocab_size, hidden, positions=512):
    return {
        'word': np.zeros((vocab_size, hidden), np.float32),
        'position': np.zeros((positions, hidden), np.float32),
        'token_type': np.zeros((2, hidden), np.float32),
        'emb_ln_w': np.ones(hidden, np.float32), 'emb_ln_b': np.zeros(hidden, np.float32),
        'layers': [],
    }


def save_transformers_folder(folder, model, config, vocab, extra_manifest):
    os.makedirs(os.path.join(folder, 'onnx'), exist_ok=True)
    onnx.save(model, os.path.join(folder, 'onnx', 'model.onnx'))
    write(os.path.join(folder, 'config.json'), json.dumps(config, indent=2) + '\n')
    write(os.path.join(folder, 'tokenizer.json'), json.dumps(wordpiece_tokenizer(vocab), ensure_ascii=False) + '\n')
    write(os.path.join(folder, 'tokenizer_config.json'), json.dumps(tokenizer_config(), indent=2) + '\n')
    manifest(folder, extra_manifest)


def tiny_ner(chars):
    labels = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC']
    vocab = SPECIAL + chars + ASCII + ['##' + c for c in ASCII]
    fixed = char_labels()
    weights = empty_weights(len(vocab), len(labels))
    for i, token in enumerate(vocab):
        weights['word'][i, labels.index(fixed.get(token, 'O'))] = 1.0
    weights['classifier_w'] = np.eye(len(labels), dtype=np.float32) * 4.0
    weights['classifier_b'] = np.zeros(len(labels), np.float32)
    model = bert(weights, heads=1, classifier=True)
    config = bert_config(weights, heads=1, labels=labels, intermediate=4 * len(labels))
    save_transformers_folder(os.path.join(OUT, 'tiny-ner'), model, config, vocab,
                             {'name': 'tiny-ner', 'version': '1', 'task': 'token-classification', 'license': 'MIT', 'dtype': 'fp32'})


def tiny_embed(chars):
    vocab = SPECIAL + chars + ASCII + ['##' + c for c in ASCII]
    hidden, ff, layers = 32, 64, 2
    rng = np.random.default_rng(42)
    weights = empty_weights(len(vocab), hidden)
    weights['word'] = rng.normal(0, 1, (len(vocab), hidden)).astype(np.float32)
    weights['word'][:len(SPECIAL)] = 0.0  # [CLS]/[SEP] add nothing to the pooled bag of characters

    def linear(out, inp, scale=0.05):
        return rng.normal(0, scale, (out, inp)).astype(np.float32), np.zeros(out, np.float32)
    for _ in range(layers):
        layer = {}
        for name, (o, i) in {'q': (hidden, hidden), 'k': (hidden, hidden), 'v': (hidden, hidden), 'ao': (hidden, hidden), 'fi': (ff, hidden), 'fo': (hidden, ff)}.items():
            layer[name + '_w'], layer[name + '_b'] = linear(o, i)
        for name in ('aln', 'oln'):
            layer[name + '_w'], layer[name + '_b'] = np.ones(hidden, np.float32), np.zeros(hidden, np.float32)
        weights['layers'].append(layer)
    model = bert(weights, heads=2)
    config = bert_config(weights, heads=2)
    save_transformers_folder(os.path.join(OUT, 'tiny-embed'), model, config, vocab,
                             {'name': 'tiny-embed', 'version': '1', 'task': 'feature-extraction', 'license': 'MIT', 'dtype': 'fp32'})


def main():
    chars = characters()
    tiny_lac(chars)
    tiny_ner(chars)
    tiny_embed(chars)
    print(f'wrote {OUT} ({len(chars)} characters)')


if __name__ == '__main__':
    main()
