import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::life-event.life-event');
