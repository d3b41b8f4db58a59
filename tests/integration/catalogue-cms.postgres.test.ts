import { catalogueCmsSuite } from './catalogue-cms';

catalogueCmsSuite('postgres');
