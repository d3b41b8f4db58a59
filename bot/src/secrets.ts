/**
 * The id a citizen holds for a conversation is a bearer secret: whoever has it continues the
 * conversation, rates its replies and hands it to staff. It is 32 random bytes (base64url, 43
 * characters) and is stored only as its SHA-256, so neither the database nor its backups can be
 * used to take a conversation over.
 */
import crypto from 'node:crypto';

export const newConversationSecret = (): string => crypto.randomBytes(32).toString('base64url');

/** What the store keeps and looks conversations up by. */
export const secretHash = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');
