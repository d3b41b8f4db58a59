/**
 * Document vectors, kept with the search documents: one `VectorIndex` per locale, keyed by search
 * document id (`${documentId}-${locale}`), each vector with the hash of the text it was computed
 * from, so that a rebuild re-embeds only the documents whose text changed.
 *
 * On disk, in the assistant's own folder (DATA_DIR/assistant/vectors, BOT_VECTORS_DIR), two files per locale:
 * - `vectors-<locale>.f32`: the vectors, row after row, float32 little-endian, nothing else;
 * - `vectors-<locale>.json`: format version, model id and revision, dimensions, a checksum of the
 *   .f32 file, and the rows' ids and text hashes in order.
 * Binary rather than JSON numbers: 384 floats are 1.5 KB as float32 and about 8 KB as JSON text,
 * read back exactly and without parsing; the small JSON index stays readable. The .f32 file is
 * written first, the .json last, each through a temporary file and a rename; the checksum makes a
 * pair from two different writes (a crash between the renames) read as no index, not as wrong
 * vectors. A file from another format version, model, revision or size is discarded: all documents
 * are embedded again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locale } from '@portal/search';
import type { Embedder } from './model';

export const vectorFormatVersion = 1;

/** What the vectors were computed with; a different one makes them useless. */
export type ModelIdentity = Pick<Embedder, 'modelId' | 'revision' | 'dimensions'>;

export type Scored = { id: string; score: number };

type Entry = { hash: string; vector: Float32Array };

type IndexFile = {
  formatVersion: number;
  model: string;
  revision: string;
  dimensions: number;
  locale: Locale;
  count: number;
  /** sha256 of the .f32 file, hex. */
  checksum: string;
  updatedAt: string;
  /** Row i of the .f32 file is entries[i]. */
  entries: { id: string; hash: string }[];
};

/** Hash of the text a vector is computed from. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

export const vectorFiles = (dir: string, locale: Locale) => ({
  index: path.join(dir, `vectors-${locale}.json`),
  data: path.join(dir, `vectors-${locale}.f32`),
});

const littleEndian = os.endianness() === 'LE';

/** Float32 rows as little-endian bytes (a copy on big-endian machines). */
function toBytes(data: Float32Array): Uint8Array {
  if (littleEndian) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new DataView(new ArrayBuffer(data.byteLength));
  data.forEach((v, i) => out.setFloat32(i * 4, v, true));
  return new Uint8Array(out.buffer);
}

function fromBytes(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes); // aligned, owned
  if (littleEndian) return new Float32Array(copy.buffer);
  const view = new DataView(copy.buffer);
  return Float32Array.from({ length: copy.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

async function writeAtomically(file: string, content: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}

export class VectorIndex {
  private dirty = false;

  private constructor(
    readonly locale: Locale,
    readonly model: ModelIdentity,
    private entries: Map<string, Entry>,
    /** Where the content came from: a file, nothing, or a file that was discarded (see `discarded`). */
    readonly origin: 'file' | 'empty' | 'discarded',
    /** Why a file was not used. */
    readonly discarded?: string,
  ) {}

  static empty(locale: Locale, model: ModelIdentity): VectorIndex {
    return new VectorIndex(locale, model, new Map(), 'empty');
  }

  /** The index saved in `dir` for this locale if it was computed with this model, else an empty one. */
  static async load(dir: string, locale: Locale, model: ModelIdentity): Promise<VectorIndex> {
    const files = vectorFiles(dir, locale);
    let header: IndexFile;
    try {
      header = JSON.parse(await fs.readFile(files.index, 'utf8')) as IndexFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return VectorIndex.empty(locale, model);
      return new VectorIndex(locale, model, new Map(), 'discarded', `unreadable ${path.basename(files.index)}`);
    }
    const discard = (why: string) => new VectorIndex(locale, model, new Map(), 'discarded', why);
    if (header.formatVersion !== vectorFormatVersion) return discard(`format version ${header.formatVersion}, not ${vectorFormatVersion}`);
    if (header.model !== model.modelId || header.revision !== model.revision) {
      return discard(`computed with ${header.model} (${header.revision}), not ${model.modelId} (${model.revision})`);
    }
    if (header.dimensions !== model.dimensions) return discard(`${header.dimensions} dimensions, not ${model.dimensions}`);
    if (header.locale !== locale || !Array.isArray(header.entries) || header.entries.length !== header.count) return discard('inconsistent index');
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(files.data);
    } catch {
      return discard(`missing ${path.basename(files.data)}`);
    }
    if (bytes.byteLength !== header.count * header.dimensions * 4) return discard(`${path.basename(files.data)} has ${bytes.byteLength} bytes, not ${header.count * header.dimensions * 4}`);
    if (createHash('sha256').update(bytes).digest('hex') !== header.checksum) return discard(`${path.basename(files.data)} does not match its index (checksum)`);
    const data = fromBytes(bytes);
    const entries = new Map<string, Entry>();
    header.entries.forEach(({ id, hash }, row) => {
      entries.set(id, { hash, vector: data.subarray(row * header.dimensions, (row + 1) * header.dimensions) });
    });
    return new VectorIndex(locale, model, entries, 'file');
  }

  get size(): number {
    return this.entries.size;
  }

  /** Changed since loaded or saved. */
  get changed(): boolean {
    return this.dirty;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  get(id: string): { hash: string; vector: Float32Array } | undefined {
    return this.entries.get(id);
  }

  set(id: string, hash: string, vector: Float32Array): void {
    if (vector.length !== this.model.dimensions) throw new Error(`vector of ${id} has ${vector.length} dimensions, not ${this.model.dimensions}`);
    this.entries.set(id, { hash, vector });
    this.dirty = true;
  }

  delete(id: string): boolean {
    const deleted = this.entries.delete(id);
    this.dirty ||= deleted;
    return deleted;
  }

  /**
   * Makes the index hold exactly these documents: embeds those that are new or whose text changed
   * (one call of `embed` with all of them; the embedder batches), removes the others. The index
   * changes only once every vector is computed, so a search meanwhile sees the previous state.
   */
  async sync(
    documents: readonly { id: string; text: string }[],
    embed: (texts: string[]) => Promise<Float32Array[]>,
  ): Promise<{ embedded: number; removed: number; kept: number }> {
    const wanted = new Map(documents.map((d) => [d.id, { text: d.text, hash: textHash(d.text) }]));
    const stale = [...wanted].filter(([id, { hash }]) => this.entries.get(id)?.hash !== hash);
    const removed = [...this.entries.keys()].filter((id) => !wanted.has(id));
    const vectors = stale.length ? await embed(stale.map(([, d]) => d.text)) : [];
    if (vectors.length !== stale.length) throw new Error(`the embedder returned ${vectors.length} vectors for ${stale.length} texts`);
    const wrong = vectors.find((v) => v.length !== this.model.dimensions);
    if (wrong) throw new Error(`the embedder returned a vector of ${wrong.length} dimensions, not ${this.model.dimensions}`);
    for (const id of removed) this.delete(id);
    stale.forEach(([id, { hash }], i) => this.set(id, hash, vectors[i]!));
    return { embedded: stale.length, removed: removed.length, kept: wanted.size - stale.length };
  }

  /** Writes both files (see the top of this file); `dir` is created if needed. */
  async save(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    const files = vectorFiles(dir, this.locale);
    const rows = [...this.entries];
    const data = new Float32Array(rows.length * this.model.dimensions);
    rows.forEach(([, { vector }], row) => data.set(vector, row * this.model.dimensions));
    const bytes = toBytes(data);
    const header: IndexFile = {
      formatVersion: vectorFormatVersion,
      model: this.model.modelId,
      revision: this.model.revision,
      dimensions: this.model.dimensions,
      locale: this.locale,
      count: rows.length,
      checksum: createHash('sha256').update(bytes).digest('hex'),
      updatedAt: new Date().toISOString(),
      entries: rows.map(([id, { hash }]) => ({ id, hash })),
    };
    await writeAtomically(files.data, bytes);
    await writeAtomically(files.index, JSON.stringify(header));
    this.dirty = false;
  }

  /**
   * The k nearest documents by cosine similarity, best first; vectors are unit length, so the cosine
   * is the dot product. Equal scores keep the index order. `filter` keeps only the ids it accepts.
   */
  search(query: Float32Array, k: number, filter?: (id: string) => boolean): Scored[] {
    if (query.length !== this.model.dimensions) throw new Error(`query vector has ${query.length} dimensions, not ${this.model.dimensions}`);
    const scored: Scored[] = [];
    for (const [id, { vector }] of this.entries) {
      if (filter && !filter(id)) continue;
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += vector[i]! * query[i]!;
      scored.push({ id, score: dot });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, Math.max(0, k));
  }
}
