import { formsCmsSuite } from './forms-cms';

formsCmsSuite('postgres');
