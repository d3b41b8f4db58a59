import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::life-event.life-event');
