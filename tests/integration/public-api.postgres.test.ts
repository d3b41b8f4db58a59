import { publicApiSuite } from './public-api';

publicApiSuite('postgres');
