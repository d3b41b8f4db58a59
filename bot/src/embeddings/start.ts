/**
 * Dense retrieval in the running assistant: the model is looked for at once, in the background;
 * once it has embedded the content the dense retriever joins the fusion. Answers are lexical until then.
 */
import type { EmbeddingsConfig } from '../config';
import type { HybridRetriever } from '../retrieval';
import { DenseRetriever } from './dense';
import { loadEmbedder, type Embedder } from './model';

export type RunningDense = {
  /** The dense retriever once it has joined; undefined without a model (or if it failed to load). */
  joined: Promise<DenseRetriever | undefined>;
  /** Stops: a first sync under way finishes writing its vectors (when `contentLoaded`), then the model is freed. */
  stop: (contentLoaded: boolean) => Promise<void>;
};

export function startDense(retriever: HybridRetriever, config: EmbeddingsConfig | false, log: (message: string) => void): RunningDense {
  let stopped = false;
  let embedder: Embedder | undefined;
  const joined = (async () => {
    if (config === false) return undefined;
    // The variables were parsed once (config.ts): nothing more is read from the environment.
    const loaded = await loadEmbedder({ modelDir: config.modelDir, modelId: config.model, allowRemote: config.allowRemote, env: {}, log });
    if (!loaded) return undefined;
    if (stopped) {
      await loaded.dispose();
      return undefined;
    }
    embedder = loaded;
    const dense = new DenseRetriever(loaded, { dir: config.vectorsDir, log });
    await retriever.join(dense);
    log(`Embeddings: dense retrieval fused with the lexical one (${loaded.modelId})`);
    return dense;
  })().catch((error: unknown) => {
    log(`Embeddings: dense retrieval not started: ${error instanceof Error ? error.message : String(error)} — the assistant answers with lexical retrieval only`);
    return undefined;
  });
  return {
    joined,
    stop: async (contentLoaded) => {
      stopped = true;
      // One still waiting for content never starts.
      if (contentLoaded) await joined;
      await embedder?.dispose();
    },
  };
}
