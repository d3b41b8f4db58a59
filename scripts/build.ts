/** `npm run build`: builds the search library and the CMS (server and admin panel) when their sources changed. */
import { ensureCmsBuilt } from './lib/cms-build';

ensureCmsBuilt();
