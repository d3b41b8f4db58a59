import { rateLimitSuite } from './rate-limits';

rateLimitSuite('postgres');
