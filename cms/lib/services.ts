/**
 * The Strapi services our code calls, each with the part of it we use, declared once. Strapi types
 * `strapi.service(uid)` loosely (its registry is keyed by plain strings, and ours has no generated
 * types), so `getService` is the one place where a service gets its type.
 */
import type { Core } from '@strapi/strapi';
import type searchService from '../src/api/search/services/search';

type Action = { actionId: string; section: string; subjects?: string[] };
export type AdminPermission = { id?: number; action: string; subject: string | null; properties?: Record<string, unknown> };
/** A file of the media library, as far as we read it. */
export type MediaFile = { id: number; name: string; caption: string | null; url: string; provider: string };
type Configuration = { settings: Record<string, unknown>; layouts: Record<string, unknown> } & Record<string, unknown>;

export type Services = {
  'api::search.search': ReturnType<typeof searchService>;
  'admin::user': { count(): Promise<number>; create(data: Record<string, unknown>): Promise<unknown> };
  'admin::role': {
    findOne(where: { code: string }): Promise<{ id: number } | null>;
    getSuperAdmin(): Promise<{ id: number } | null>;
    addPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
  };
  'admin::permission': {
    actionProvider: { values(): Action[]; appliesToProperty(property: string, action: string, subject: string | null): Promise<boolean> };
    findMany(query: unknown): Promise<AdminPermission[]>;
  };
  'admin::content-type': { getPermissionsWithNestedFields(actions: Action[], options: { restrictedSubjects: string[] }): AdminPermission[] };
  'admin::api-token-content-api': {
    getByName(name: string, options: { includeDecryptedKey: boolean }): Promise<{ id: number; accessKey?: string } | null>;
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    regenerate(id: number): Promise<{ accessKey: string }>;
  };
  'plugin::upload.upload': {
    upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<MediaFile[]>;
    remove(file: MediaFile): Promise<unknown>;
  };
  'plugin::content-manager.content-types': {
    findConfiguration(contentType: unknown): Promise<Configuration>;
    updateConfiguration(contentType: unknown, configuration: Configuration): Promise<unknown>;
  };
};

/**
 * The service `uid` with the type we use it by.
 * @example const search = getService(strapi, 'api::search.search'); await search.reindex();
 */
export function getService<Uid extends keyof Services>(strapi: Core.Strapi, uid: Uid): Services[Uid] {
  // The one cast: Strapi's registry returns an untyped service for any string uid.
  return strapi.service(uid) as unknown as Services[Uid];
}
