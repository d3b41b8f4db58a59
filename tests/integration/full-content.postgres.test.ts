import { fullContentSuite } from './full-content';

fullContentSuite('postgres');
