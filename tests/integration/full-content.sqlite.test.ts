import { fullContentSuite } from './full-content';

fullContentSuite('sqlite');
