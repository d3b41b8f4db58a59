import { conversationsSuite } from './conversations';

conversationsSuite('postgres');
