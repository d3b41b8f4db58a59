import type { Core } from '@strapi/strapi';
import { editorTypes } from '../../lib/content-types';
import { getService, type AdminPermission as Permission } from '../../lib/services';


/**
 * Strapi creates the Editor role (`strapi-editor`) on the first boot, for the content types and
 * locales of that moment: content types added later are invisible to editors, and permissions
 * without a `locales` property do not allow publishing. Every boot therefore grants the Editor role
 * the missing content-manager actions on the catalogue types and search misses, for all locales (`locales: null`).
 * Permissions an administrator narrowed in the admin panel (fields, chosen locales) are kept.
 */
export async function syncEditorRole(strapi: Core.Strapi): Promise<void> {
  const roleService = getService(strapi, 'admin::role');
  const editor = await roleService.findOne({ code: 'strapi-editor' });
  if (!editor) return;
  const permissionService = getService(strapi, 'admin::permission');
  const contentTypeService = getService(strapi, 'admin::content-type');
  const { actionProvider } = permissionService;
  const allLocales = async (p: Permission): Promise<Permission> =>
    (await actionProvider.appliesToProperty('locales', p.action, p.subject)) && !('locales' in (p.properties ?? {}))
      ? { ...p, properties: { ...p.properties, locales: null } }
      : p;

  const actions = actionProvider.values().filter((a) => a.section === 'contentTypes');
  const others = Object.keys(strapi.contentTypes).filter((uid) => !(editorTypes as readonly string[]).includes(uid));
  const wanted = contentTypeService.getPermissionsWithNestedFields(actions, { restrictedSubjects: others });
  const current = await permissionService.findMany({ where: { role: { id: editor.id } } });
  const key = (p: Permission) => `${p.action} ${p.subject ?? ''}`;
  const have = new Set(current.map(key));
  const missing = await Promise.all(wanted.filter((p) => !have.has(key(p))).map(allLocales));
  if (missing.length > 0) await roleService.addPermissions(editor.id, missing);

  const permissions = strapi.db.query('admin::permission');
  for (const permission of current.filter((p) => (editorTypes as readonly (string | null)[]).includes(p.subject))) {
    const patched = await allLocales(permission);
    if (patched !== permission) await permissions.update({ where: { id: permission.id }, data: { properties: patched.properties } });
  }
}
