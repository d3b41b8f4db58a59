/**
 * The wording's settings and contract, apart from LangChain (src/wording/llm.ts) so that the
 * configuration and the assistant load no model client when the wording is off.
 */
import type { Locale } from '@portal/search';
import type { Passage } from './grounding';

export const llmProviders = ['off', 'openai', 'ollama'] as const;
export type LlmProvider = (typeof llmProviders)[number];

export type LlmConfig = {
  /** `off` (default), `openai` (any OpenAI-compatible server) or `ollama`. */
  provider: LlmProvider;
  /** Server root: `http://host:8000/v1` for an OpenAI-compatible one, `http://host:11434` for Ollama. */
  baseUrl?: string;
  model?: string;
  /** For OpenAI-compatible servers that need one. */
  apiKey?: string;
  /** Longest wait for the model before the extractive answer is used. */
  timeoutMs: number;
};

export const defaultLlmConfig: LlmConfig = { provider: 'off', timeoutMs: 4000 };

export type WordingRequest = { question: string; locale: Locale; extractiveAnswer: string; sources: Passage[] };

export interface Wording {
  /** The answer reworded from the passages, or undefined to keep the extractive one. */
  rephrase(request: WordingRequest): Promise<string | undefined>;
}
