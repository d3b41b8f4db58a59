import { searchCmsSuite } from './search-cms';

searchCmsSuite('postgres');
