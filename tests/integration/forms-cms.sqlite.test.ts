import { formsCmsSuite } from './forms-cms';

formsCmsSuite('sqlite');
