import { botHttpSuite } from './bot-http';

botHttpSuite('sqlite');
