/**
 * A tiny random BERT-style feature-extraction model, written at test time into a folder in the
 * layout transformers.js loads (config.json, tokenizer.json, tokenizer_config.json, onnx/*.onnx),
 * the way libraries test their pipelines with tiny random models. It is NOT multilingual-e5-small:
 * its vectors mean nothing; it exists to run the real loading, tokenizing, ONNX inference, pooling,
 * normalisation and storage code end to end on a machine that cannot download models.
 *
 * The ONNX graph is one node: last_hidden_state = Gather(word_embeddings, input_ids), shape
 * [batch, sequence, hidden]. `attention_mask` and `token_type_ids` are declared graph inputs
 * that no node reads (ONNX Runtime accepts unused inputs), so the padded positions of a batch
 * get the [PAD] row, a non-zero vector: only a pooling that honours the attention mask gives a
 * sentence the same vector alone and in a batch with a longer one.
 *
 * The embedding rows are random (seeded) but orthonormal (Gram–Schmidt), so the cosine of two
 * mean-pooled texts equals the cosine of their bag-of-tokens counts, whatever the seed: a test
 * can state which of two passages is nearer to a query and be right for any random draw.
 *
 * The model file is serialised with protobufjs from the subset of the ONNX schema (onnx.proto,
 * IR version 8) that this graph needs; field numbers are those of the ONNX specification.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import protobuf from 'protobufjs';

/** Word pieces of the tiny vocabulary: special tokens, the e5 prefixes, some Vietnamese words. */
export const tinyVocabulary: readonly string[] = [
  '[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]',
  'query', 'passage', ':', '?', ',', '.',
  'khai', 'sinh', 'kết', 'hôn', 'giấy', 'phép', 'lái', 'xe', 'đăng', 'ký', 'cấp', 'đổi', 'lại',
  'hộ', 'chiếu', 'căn', 'cước', 'công', 'dân', 'thủ', 'tục', 'làm', 'ở', 'đâu', 'cần', 'gì',
  'bao', 'lâu', 'lệ', 'phí', 'con', 'tôi', 'birth', 'registration', 'marriage', 'driving', 'licence',
  '##s', '##ing',
];

export type TinyModelOptions = {
  /** Folder to write into (created if missing). */
  dir: string;
  /** Hidden size; at least the vocabulary size, so that the rows can be orthonormal. @default 64 */
  hidden?: number;
  /** Seed of the random embedding matrix. @default 7 */
  seed?: number;
  /**
   * ONNX file name under onnx/: transformers.js loads `model.onnx` for dtype 'fp32' and
   * `model_quantized.onnx` for 'q8'. The graph is float32 either way. @default 'model.onnx'
   */
  fileName?: 'model.onnx' | 'model_quantized.onnx';
  /** The `_name_or_path` written in config.json. @default 'tiny-random-bert' */
  name?: string;
};

export type TinyModel = {
  dir: string;
  hidden: number;
  vocabulary: readonly string[];
  /** The embedding matrix, [vocabulary, hidden] row-major: row i is token i's vector. */
  weights: Float32Array;
  onnxFile: string;
  name: string;
};

/** Writes the model and returns where, its hidden size and vocabulary. */
export async function writeTinyModel(options: TinyModelOptions): Promise<TinyModel> {
  const hidden = options.hidden ?? 64;
  const vocabulary = tinyVocabulary;
  if (hidden < vocabulary.length) throw new Error(`hidden size ${hidden} is smaller than the vocabulary (${vocabulary.length})`);
  const name = options.name ?? 'tiny-random-bert';
  const fileName = options.fileName ?? 'model.onnx';
  await fs.mkdir(path.join(options.dir, 'onnx'), { recursive: true });

  const config = {
    _name_or_path: name,
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocabulary.length,
    hidden_size: hidden,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: hidden,
    max_position_embeddings: 128,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const idOf = (token: string) => vocabulary.indexOf(token);
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((t) => special(idOf(t), t)),
    // Lowercase, keep Vietnamese diacritics (strip_accents: false).
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [idOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [idOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((t, i) => [t, i])),
    },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 128,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };

  await fs.writeFile(path.join(options.dir, 'config.json'), JSON.stringify(config, null, 2));
  await fs.writeFile(path.join(options.dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await fs.writeFile(path.join(options.dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  const onnxFile = path.join(options.dir, 'onnx', fileName);
  const weights = orthonormalRows(vocabulary.length, hidden, options.seed ?? 7);
  await fs.writeFile(onnxFile, encodeGatherModel(weights, vocabulary.length, hidden));
  return { dir: options.dir, hidden, vocabulary, weights, onnxFile, name };
}

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows` random Gaussian vectors of size `size`, made orthonormal by modified Gram–Schmidt. */
function orthonormalRows(rows: number, size: number, seed: number): Float32Array {
  const next = uniform(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const basis: Float64Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = Float64Array.from({ length: size }, gaussian);
    for (const b of basis) {
      let dot = 0;
      for (let i = 0; i < size; i++) dot += v[i]! * b[i]!;
      for (let i = 0; i < size; i++) v[i] = v[i]! - dot * b[i]!;
    }
    const norm = Math.hypot(...v);
    for (let i = 0; i < size; i++) v[i] = v[i]! / norm;
    basis.push(v);
  }
  const out = new Float32Array(rows * size);
  basis.forEach((v, r) => out.set(v, r * size));
  return out;
}

/** The part of onnx.proto this graph needs (names and field numbers from the ONNX specification). */
const onnxSchema = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; int64 i = 3; int32 type = 20; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
`;

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/** input_ids, attention_mask, token_type_ids (int64 [batch, seq]) → last_hidden_state (float32 [batch, seq, hidden]). */
function encodeGatherModel(weights: Float32Array, vocabularySize: number, hidden: number): Uint8Array {
  const Model = protobuf.parse(onnxSchema, { keepCase: true }).root.lookupType('onnx.ModelProto');
  const dims = (...d: (number | string)[]) => ({ dim: d.map((x) => (typeof x === 'number' ? { dim_value: x } : { dim_param: x })) });
  const value = (name: string, elemType: number, shape: (number | string)[]) => ({ name, type: { tensor_type: { elem_type: elemType, shape: dims(...shape) } } });
  const message = {
    ir_version: 8,
    producer_name: 'portal-bot-tests (tiny random model)',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'tiny_random_bert',
      node: [
        {
          name: 'embeddings',
          op_type: 'Gather',
          input: ['word_embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: ATTRIBUTE_INT, i: 0 }],
        },
      ],
      initializer: [
        {
          name: 'word_embeddings',
          data_type: FLOAT,
          dims: [vocabularySize, hidden],
          raw_data: new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
        },
      ],
      input: [
        value('input_ids', INT64, ['batch_size', 'sequence_length']),
        value('attention_mask', INT64, ['batch_size', 'sequence_length']),
        value('token_type_ids', INT64, ['batch_size', 'sequence_length']),
      ],
      output: [value('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', hidden])],
    },
  };
  const problem = Model.verify(message);
  if (problem) throw new Error(`tiny ONNX model: ${problem}`);
  return Model.encode(Model.fromObject(message)).finish();
}
