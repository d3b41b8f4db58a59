/** What other workspaces (the tests, the start script) use of the site server. */
export { buildSiteApp, type SiteAppOptions } from './app';
export { astroBuild, consoleLogger, SiteBuilder, type BuildCommand, type Logger, type SiteBuild, type SiteBuilderOptions } from './builder';
export { siteConfig, siteVariables, type SiteConfig } from './config';
export { uploadPolicy } from './csp';
export { siteOpenApiPaths } from './openapi';
export { startSiteServer, type RunningSiteServer, type SiteServerOptions } from './serve';
