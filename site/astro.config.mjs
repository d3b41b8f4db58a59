// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';
import focusDirective from './src/directives/integration.mjs';

const cmsDir = fileURLToPath(new URL('../cms/', import.meta.url));

/**
 * The content loader reads the shared environment (`@portal/cms/environment`), a CommonJS module
 * that finds its folder with `__filename`, which Vite's module runner does not define: each such
 * module of the CMS workspace gets its own.
 */
const cmsFilename = () => ({
  name: 'portal-cms-filename',
  /** @param {string} code @param {string} id @param {{ ssr?: boolean }} [options] */
  transform(code, id, options) {
    const file = id.split('?')[0] ?? id;
    if (!options?.ssr || !file.startsWith(cmsDir) || !/\b__filename\b/.test(code)) return undefined;
    return { code: `const __filename = ${JSON.stringify(file)};\n${code}`, map: null };
  },
});

/** Static portal: Vietnamese at /, English under /en/. Content comes from the CMS at build time (src/content.config.ts). */
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [react(), focusDirective()],
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 }, plugins: [cmsFilename()] },
});
