/**
 * The sentence-embedding model of the dense retriever, through transformers.js
 * (`@huggingface/transformers`) on ONNX Runtime for Node, CPU.
 *
 * Where the model comes from (nothing is downloaded unless EMBEDDINGS_ALLOW_REMOTE=true):
 * - EMBEDDINGS_MODEL_DIR holding the model itself (config.json, tokenizer.json,
 *   tokenizer_config.json, onnx/model_quantized.onnx or onnx/model.onnx), or holding it under the
 *   model id (EMBEDDINGS_MODEL_DIR/Xenova/multilingual-e5-small/…, the layout of transformers.js'
 *   `localModelPath` and of its file cache);
 * - else, with EMBEDDINGS_ALLOW_REMOTE=true, the hub id EMBEDDINGS_MODEL (default
 *   Xenova/multilingual-e5-small, quantized), cached under EMBEDDINGS_MODEL_DIR when it is set, so
 *   that the next start finds it without the network.
 * With none of these, `loadEmbedder` logs one line and returns undefined: the assistant answers with
 * lexical retrieval only.
 *
 * transformers.js settings (`env`) are global to the process; `loadEmbedder` sets them each time.
 * The library is imported only once a model has been found, so a start without a model does not
 * load ONNX Runtime.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const defaultEmbeddingsModel = 'Xenova/multilingual-e5-small';

/** The e5 family is trained with these prefixes; other models may need none (pass `prefixes`). */
export const e5Prefixes = { query: 'query: ', passage: 'passage: ' } as const;

export type Embedder = {
  /** The model's name: the hub id, or the local folder's `_name_or_path`/name. */
  readonly modelId: string;
  /** What identifies these exact weights and settings: dtype, file size, config and tokenizer hashes. */
  readonly revision: string;
  /** Length of every vector. */
  readonly dimensions: number;
  /** Vectors for questions (`query: ` prefix), unit length. */
  embedQueries(texts: readonly string[]): Promise<Float32Array[]>;
  /** Vectors for documents (`passage: ` prefix), unit length. */
  embedPassages(texts: readonly string[]): Promise<Float32Array[]>;
  /** Frees the ONNX session. */
  dispose(): Promise<void>;
};

export type Dtype = 'q8' | 'fp32';

export type EmbedderOptions = {
  /** Default: EMBEDDINGS_MODEL_DIR. */
  modelDir?: string;
  /** Default: EMBEDDINGS_MODEL, else Xenova/multilingual-e5-small. */
  modelId?: string;
  /** Default: EMBEDDINGS_ALLOW_REMOTE ('true' or '1'). */
  allowRemote?: boolean;
  /** Where a hub download is cached when no model folder is set; default: transformers.js' own. */
  cacheDir?: string;
  /** Default: q8 (onnx/model_quantized.onnx) when that file is there or the model comes from the hub, else fp32 (onnx/model.onnx). */
  dtype?: Dtype;
  /** Texts per inference call. @default 16 */
  batchSize?: number;
  /** @default e5Prefixes */
  prefixes?: { query: string; passage: string };
  /** Where to say what was loaded, or why nothing was. Default: stderr with the assistant's prefix. */
  log?: (message: string) => void;
  /** The environment to read the variables from. @default process.env */
  env?: NodeJS.ProcessEnv;
};

const onnxFiles: Record<Dtype, string> = { q8: 'onnx/model_quantized.onnx', fp32: 'onnx/model.onnx' };
const lexicalOnly = 'the assistant answers with lexical retrieval only';
const flag = (v: string | undefined) => v === 'true' || v === '1';
const exists = (file: string) => fs.existsSync(file);

/** The local dtype: the one asked for if its file is there, else the quantized file, else the fp32 one. */
function localDtype(folder: string, wanted: Dtype | undefined): Dtype | undefined {
  if (wanted) return exists(path.join(folder, onnxFiles[wanted])) ? wanted : undefined;
  return (['q8', 'fp32'] as const).find((d) => exists(path.join(folder, onnxFiles[d])));
}

/** Hash of the small files and size of the weights: changes when the model does, cheap to compute. */
function fingerprint(folder: string | undefined, dtype: Dtype): string {
  const hash = createHash('sha256').update(dtype);
  if (folder) {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      const full = path.join(folder, file);
      if (exists(full)) hash.update(fs.readFileSync(full));
    }
    const weights = path.join(folder, onnxFiles[dtype]);
    if (exists(weights)) hash.update(String(fs.statSync(weights).size));
  }
  return `${dtype}-${hash.digest('hex').slice(0, 16)}`;
}

function nameOf(folder: string): string | undefined {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as { _name_or_path?: unknown };
    return typeof config._name_or_path === 'string' && config._name_or_path ? config._name_or_path : undefined;
  } catch {
    return undefined;
  }
}

type Source = {
  /** What transformers.js is given: an absolute folder path (never looked up on the hub) or a hub id. */
  reference: string;
  /** The folder the files are (or will be) in, for the fingerprint. */
  folder: string | undefined;
  modelId: string;
  dtype: Dtype;
  remote: boolean;
  localModelPath: string | undefined;
  cacheDir: string | undefined;
};

/** Where the model is, or why there is none (a sentence for the log). */
export function resolveModelSource(options: EmbedderOptions = {}): Source | { missing: string } {
  const env = options.env ?? process.env;
  const dir = options.modelDir ?? (env.EMBEDDINGS_MODEL_DIR || undefined);
  const hubId = options.modelId ?? (env.EMBEDDINGS_MODEL || defaultEmbeddingsModel);
  const remote = options.allowRemote ?? flag(env.EMBEDDINGS_ALLOW_REMOTE);
  if (dir) {
    // Absolute: transformers.js takes a relative path that looks like "owner/name" for a hub id.
    const folder = path.resolve(dir);
    if (exists(path.join(folder, 'config.json'))) {
      const dtype = localDtype(folder, options.dtype);
      if (!dtype) return { missing: `${folder} (config.json but no ${options.dtype ? onnxFiles[options.dtype] : `${onnxFiles.q8} or ${onnxFiles.fp32}`})` };
      const modelId = options.modelId ?? (env.EMBEDDINGS_MODEL || nameOf(folder)) ?? path.basename(folder);
      return { reference: folder, folder, modelId, dtype, remote: false, localModelPath: path.dirname(folder), cacheDir: undefined };
    }
    const nested = path.join(folder, hubId);
    const dtype = localDtype(nested, options.dtype);
    if (exists(path.join(nested, 'config.json')) && dtype) {
      return { reference: hubId, folder: nested, modelId: hubId, dtype, remote: false, localModelPath: folder, cacheDir: folder };
    }
    if (remote) return { reference: hubId, folder: nested, modelId: hubId, dtype: options.dtype ?? 'q8', remote: true, localModelPath: folder, cacheDir: folder };
    return { missing: `${folder} (neither ${path.join(folder, 'config.json')} nor ${path.join(nested, 'config.json')} with its ONNX file; EMBEDDINGS_ALLOW_REMOTE is off)` };
  }
  if (remote) {
    const cacheDir = options.cacheDir ? path.resolve(options.cacheDir) : undefined;
    return { reference: hubId, folder: cacheDir && path.join(cacheDir, hubId), modelId: hubId, dtype: options.dtype ?? 'q8', remote: true, localModelPath: undefined, cacheDir };
  }
  return { missing: '(EMBEDDINGS_MODEL_DIR is not set and EMBEDDINGS_ALLOW_REMOTE is off)' };
}

/** The embedding model, or undefined (after one log line) when none is available or it fails to load. */
export async function loadEmbedder(options: EmbedderOptions = {}): Promise<Embedder | undefined> {
  const log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  const source = resolveModelSource(options);
  if ('missing' in source) {
    log(`Embeddings: no model at ${source.missing} — ${lexicalOnly}`);
    return undefined;
  }
  const where = source.remote ? `the hub (${source.reference}${source.cacheDir ? `, cached in ${source.cacheDir}` : ''})` : source.reference;
  try {
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowLocalModels = true;
    env.allowRemoteModels = source.remote;
    if (source.localModelPath) env.localModelPath = source.localModelPath;
    if (source.cacheDir) env.cacheDir = source.cacheDir;
    const extractor = await pipeline('feature-extraction', source.reference, {
      dtype: source.dtype,
      device: 'cpu',
      local_files_only: !source.remote,
    });
    const prefixes = options.prefixes ?? e5Prefixes;
    const batchSize = Math.max(1, options.batchSize ?? 16);

    const embed = async (texts: readonly string[]): Promise<Float32Array[]> => {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts.slice(start, start + batchSize);
        const output = await extractor(batch, { pooling: 'mean', normalize: true });
        const [rows, size] = output.dims as [number, number];
        const data = output.data as Float32Array;
        for (let r = 0; r < rows; r++) vectors.push(data.slice(r * size, (r + 1) * size));
      }
      return vectors;
    };
    // One inference now: a model that cannot run is found at start, not on the first question.
    const [probe] = await embed([`${prefixes.query}.`]);
    const dimensions = probe?.length ?? 0;
    if (!dimensions) throw new Error('the model returned no vector');

    const embedder: Embedder = {
      modelId: source.modelId,
      revision: fingerprint(source.folder, source.dtype),
      dimensions,
      embedQueries: (texts) => embed(texts.map((t) => prefixes.query + t)),
      embedPassages: (texts) => embed(texts.map((t) => prefixes.passage + t)),
      dispose: () => extractor.dispose(),
    };
    log(`Embeddings: ${source.modelId} (${source.dtype}, ${dimensions} dimensions) from ${where}`);
    return embedder;
  } catch (error) {
    log(`Embeddings: could not load ${source.modelId} from ${where}: ${error instanceof Error ? error.message : String(error)} — ${lexicalOnly}`);
    return undefined;
  }
}
