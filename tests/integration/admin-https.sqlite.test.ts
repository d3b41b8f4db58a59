import { adminHttpsSuite } from './admin-https';

adminHttpsSuite('sqlite');
