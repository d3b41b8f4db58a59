/**
 * How long conversations are kept (CONVERSATION_RETENTION_DAYS): in the assistant's process, a purge
 * at start and then every hour deletes the conversations whose last turn is older, with their turns.
 */
import type { ConversationStore } from './store';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Purges now and every `everyMs`; returns the function that stops it (and waits for a purge under way).
 * @example const stop = startPurging(store, 90, log)
 */
export function startPurging(store: ConversationStore, days: number, log: (message: string) => void, everyMs = 60 * 60 * 1000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const purge = () => {
    running = store
      .purge(new Date(Date.now() - days * dayMs))
      .then(({ conversations, turns }) => {
        if (conversations > 0) log(`Retention: deleted ${conversations} conversations (${turns} turns) older than ${days} days`);
      })
      .catch((error: unknown) => log(`Retention: purge failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  purge();
  const timer = setInterval(purge, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
