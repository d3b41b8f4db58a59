/**
 * Optional LLM wording of an answer through LangChain, off by default (`LLM_PROVIDER=off`). The
 * model may only rephrase and combine the retrieved passages (prompt.ts); its text replaces the
 * extractive answer only when it comes within `LLM_TIMEOUT_MS` and passes the grounding check
 * (grounding.ts). Otherwise — timeout, error, a number or claim not in the sources, no citation —
 * `rephrase` returns undefined, the reason is logged, and the extractive answer stands.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { checkGrounding, type GroundingOptions } from './grounding';
import { systemPrompts, userMessage } from './prompt';
import type { LlmConfig, Wording, WordingRequest } from './types';

export type { Passage } from './grounding';
export { defaultLlmConfig, llmProviders, type LlmConfig, type LlmProvider, type Wording, type WordingRequest } from './types';

export type WordingOptions = {
  /** The chat model to use instead of the one the config names (tests: LangChain's fake chat models). */
  model?: BaseChatModel;
  log?: (message: string) => void;
  grounding?: GroundingOptions;
};

/** The chat model a config names; its client is loaded only then. */
export async function chatModel(config: LlmConfig): Promise<BaseChatModel> {
  if (!config.model) throw new Error('LLM_MODEL is required when LLM_PROVIDER is set');
  if (config.provider === 'ollama') {
    const { ChatOllama } = await import('@langchain/ollama');
    return new ChatOllama({ model: config.model, temperature: 0, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) });
  }
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: config.model,
    temperature: 0,
    // Local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) accept any key; the client wants one.
    apiKey: config.apiKey ?? 'not-needed',
    maxRetries: 0,
    timeout: config.timeoutMs,
    ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
  });
}

/** The wording a config asks for: undefined when `provider` is `off`. */
export function createWording(config: LlmConfig, options: WordingOptions = {}): Wording | undefined {
  if (config.provider === 'off') return undefined;
  if (!options.model && !config.model) throw new Error('LLM_MODEL is required when LLM_PROVIDER is set');
  const model = options.model ?? chatModel(config);
  return new LlmWording(model, { timeoutMs: config.timeoutMs, log: options.log, grounding: options.grounding });
}

class Timeout extends Error {}

export class LlmWording implements Wording {
  private readonly log: (message: string) => void;

  private readonly model: Promise<BaseChatModel>;

  constructor(
    model: BaseChatModel | Promise<BaseChatModel>,
    private readonly options: { timeoutMs: number; log?: (message: string) => void; grounding?: GroundingOptions },
  ) {
    this.log = options.log ?? ((m) => console.error(`[bot] ${m}`));
    this.model = Promise.resolve(model);
    // A client that fails to load is reported at the first question, not as an unhandled rejection.
    this.model.catch(() => undefined);
  }

  async rephrase(request: WordingRequest): Promise<string | undefined> {
    if (request.sources.length === 0) return undefined;
    const messages = [new SystemMessage(systemPrompts[request.locale]), new HumanMessage(userMessage(request))];
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Timeout());
      }, this.options.timeoutMs);
    });
    let output: string;
    try {
      const message = await Promise.race([this.model.then((m) => m.invoke(messages, { signal: controller.signal })), timeout]);
      // Reasoning models may put their thinking first.
      output = message.text.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
    } catch (error) {
      this.log(
        error instanceof Timeout
          ? `LLM wording: no reply within ${this.options.timeoutMs} ms, extractive answer used`
          : `LLM wording failed (${error instanceof Error ? error.message : String(error)}), extractive answer used`,
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
    const check = checkGrounding(output, request, this.options.grounding);
    if (!check.ok) {
      this.log(`LLM wording rejected (${check.reason}), extractive answer used`);
      return undefined;
    }
    return output;
  }
}
