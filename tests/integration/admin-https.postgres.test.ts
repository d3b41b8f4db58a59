import { adminHttpsSuite } from './admin-https';

adminHttpsSuite('postgres');
