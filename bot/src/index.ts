/**
 * The assistant: answers from the FAQ bank and the procedures with sources, clarifies, hands off to
 * staff, refuses what is out of scope. `startBot()` runs it as a service; `buildBotApp()` is its
 * HTTP API without listening. Wire shapes: `@portal/bot/contracts`.
 */
export { Assistant, type AskInput, type Kind, type Reply, type TurnContext } from './assistant';
export { startBot, type BotOptions, type RunningBot } from './app';
export { botVariables, readBotConfig, type BotConfig } from './config';
export { Composer, type Source } from './compose';
export { confidence, defaultCalibrationFile, featureNames, fitLogistic, readCalibration, type Calibration, type Features } from './confidence';
export { cmsContentSource } from './content/cms';
export type { Agency, Content, ContentSource, Faq, Procedure } from './content/types';
export { buildBotApp, type BotAppOptions } from './http/app';
export { botOpenApiPaths } from './http/openapi';
export { IntentRules, type Analysis, type Aspect } from './intents';
export { Knowledge } from './knowledge';
export { maskPersonalData } from './privacy';
export { HybridRetriever, LexicalRetriever, reciprocalRankFusion, type Fused, type Retrieved, type Retriever } from './retrieval';
export { appliedMigrations, migrate, migrationsTable } from '../migrations';
export { startPurging } from './retention';
export { secretHash } from './secrets';
export { ConversationNotFound, KnexConversationStore, connect, conversationsTable, turnsTable, type ConversationStore, type FeedbackValue, type RecordedTurn, type TurnRecord } from './store';
export { checkGrounding, normalizeNumber, numbersIn, type GroundingResult, type Passage } from './wording/grounding';
export { defaultLlmConfig, llmProviders, type LlmConfig, type LlmProvider, type Wording, type WordingRequest } from './wording/types';
