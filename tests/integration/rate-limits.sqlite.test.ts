import { rateLimitSuite } from './rate-limits';

rateLimitSuite('sqlite');
