import { catalogueCmsSuite } from './catalogue-cms';

catalogueCmsSuite('sqlite');
