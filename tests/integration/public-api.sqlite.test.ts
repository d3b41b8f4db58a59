import { publicApiSuite } from './public-api';

publicApiSuite('sqlite');
