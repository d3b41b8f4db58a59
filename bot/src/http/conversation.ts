/**
 * The steps every citizen action shares: the content must be loaded, a conversation is found by
 * the hash of the secret the citizen sends, a turn is stored (opening a conversation with a new
 * secret when none was named), and the reply is what the contract says.
 */
import type { AskRequest, AskResponse } from '../../contracts';
import type { Assistant } from '../assistant';
import type { Knowledge } from '../knowledge';
import { newConversationSecret, secretHash } from '../secrets';
import { ConversationNotFound, type Conversation, type ConversationStore, type TurnRecord } from '../store';
import { contentNotReady, conversationNotFound } from './errors';

export type Conversations = { assistant: Assistant; knowledge: Knowledge; store: ConversationStore };

export function requireContent(knowledge: Knowledge): void {
  if (!knowledge.ready) throw contentNotReady();
}

/** The conversation this secret opens; an unknown and a wrong secret get the same 404. */
export async function conversationOf(store: ConversationStore, secret: string): Promise<Conversation> {
  const conversation = await store.find(secretHash(secret));
  if (!conversation) throw conversationNotFound();
  return conversation;
}

/** Stores `turn` in the conversation `to` (its internal id and the citizen's secret), or in a new one. */
export async function recordTurn(store: ConversationStore, to: { id: string; secret: string } | undefined, turn: TurnRecord): Promise<AskResponse> {
  let secret = to?.secret;
  let turnId: string;
  if (to) {
    try {
      ({ turnId } = await store.record(to.id, turn));
    } catch (error) {
      // Purged between the look-up and the write.
      if (error instanceof ConversationNotFound) throw conversationNotFound();
      throw error;
    }
  } else {
    secret = newConversationSecret();
    ({ turnId } = await store.start(secretHash(secret), turn));
  }
  return {
    conversationId: secret!,
    turnId,
    kind: turn.kind,
    answer: turn.answer,
    sources: turn.sources.map(({ type, documentId, code, title, url }) => ({ type, documentId, code, title, url })),
    confidence: turn.confidence,
  };
}

/** A question: the assistant answers it as typed; the store keeps it with personal data masked. */
export async function answerQuestion({ assistant, knowledge, store }: Conversations, body: AskRequest): Promise<AskResponse> {
  requireContent(knowledge);
  const conversation = body.conversationId === undefined ? undefined : await conversationOf(store, body.conversationId);
  const started = performance.now();
  const reply = await assistant.ask({ question: body.question, locale: body.locale, context: conversation?.context });
  return recordTurn(store, conversation && { id: conversation.id, secret: body.conversationId! }, {
    question: body.question,
    answer: reply.answer,
    kind: reply.kind,
    reason: reply.reason,
    confidence: reply.confidence,
    sources: reply.sources,
    locale: reply.locale,
    latencyMs: performance.now() - started,
    steps: reply.steps,
    // Only an answer changes what a follow-up refers to.
    context: reply.kind === 'answer' ? reply.context : undefined,
  });
}
