/**
 * Imported first by `npm start`: production mode unless the environment says otherwise. It must
 * run before anything imports @strapi/strapi, which sets NODE_ENV=development when it is unset;
 * the processes `npm start` spawns inherit it.
 */
process.env.NODE_ENV ??= 'production';
