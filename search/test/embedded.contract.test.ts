import { EmbeddedEngine } from '../src/engines/embedded';
import { contractSynonyms, engineContract } from './contract';

engineContract('embedded (Orama, in memory)', async () => new EmbeddedEngine({ synonyms: contractSynonyms }));
