import { conversationsSuite } from './conversations';

conversationsSuite('sqlite');
