import { searchCmsSuite } from './search-cms';

searchCmsSuite('sqlite');
