// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import focusDirective from './src/directives/integration.mjs';

/** Static portal: Vietnamese at /, English under /en/. Content comes from the CMS at build time (src/content.config.ts). */
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [react(), focusDirective()],
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
