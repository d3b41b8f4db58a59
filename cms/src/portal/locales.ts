import type { Core } from '@strapi/strapi';

/** Vietnamese first, English second. The order matters: the first one is the default. */
export const portalLocales = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
] as const;

type LocaleService = {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<unknown>;
  setDefaultLocale(locale: { code: string }): Promise<void>;
};

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service: LocaleService = strapi.plugin('i18n').service('locales');
  for (const locale of portalLocales) {
    if (!(await service.findByCode(locale.code))) await service.create({ ...locale });
  }
  const defaultCode = portalLocales[0].code;
  if ((await service.getDefaultLocale()) !== defaultCode) await service.setDefaultLocale({ code: defaultCode });
}
