import { searchRecoverySuite } from './search-recovery';

searchRecoverySuite('sqlite');
