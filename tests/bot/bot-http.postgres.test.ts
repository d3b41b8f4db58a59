import { botHttpSuite } from './bot-http';

botHttpSuite('postgres');
