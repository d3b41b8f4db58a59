import { searchRecoverySuite } from './search-recovery';

searchRecoverySuite('postgres');
