import type { Core } from '@strapi/strapi';
import { publicActions } from '../../lib/content-types';

/**
 * The public role reads the published catalogue and nothing else: missing permissions are
 * granted, any other (registration, login providers, user lookups) is removed, at every boot.
 */
export async function syncPublicAccess(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('The users-permissions plugin has no public role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const current = (await permissions.findMany({ where: { role: role.id } })) as { id: number; action: string }[];
  const wanted = new Set(publicActions);
  const extra = current.filter((p) => !wanted.has(p.action));
  if (extra.length > 0) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  const have = new Set(current.map((p) => p.action));
  for (const action of publicActions) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
