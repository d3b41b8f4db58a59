import * as vocabulary from '../lib/vocabulary';

/** Read with strapi.config.get('portal.levels') etc. */
export default {
  levels: vocabulary.levels,
  audiences: vocabulary.audiences,
  serviceLevels: vocabulary.serviceLevels,
  channels: vocabulary.channels,
  newsCategories: vocabulary.newsCategories,
};
