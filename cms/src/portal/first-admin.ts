import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../../lib/services';
import { settings } from '../../lib/settings';

/**
 * A fresh database gets one super admin: ADMIN_EMAIL with ADMIN_PASSWORD from the environment, or
 * a generated one-time password printed here, once. Nothing is done when any admin exists.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const users = getService(strapi, 'admin::user');
  if ((await users.count()) > 0) return;
  const roles = getService(strapi, 'admin::role');
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('Strapi has no Super Admin role to give the first administrator');
  const { email, password } = settings().admin;
  // Strapi's password rule: 8+ characters with a lower-case letter, an upper-case letter and a digit.
  const oneTimePassword = password ?? `Vn-${crypto.randomBytes(9).toString('base64url')}-7a`;
  await users.create({
    email,
    firstname: 'Quản trị',
    lastname: 'viên',
    password: oneTimePassword,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const lines = password
    ? [`Created the administrator ${email} with ADMIN_PASSWORD from the environment.`]
    : [
        `Created the administrator ${email}`,
        `One-time password (shown only now): ${oneTimePassword}`,
        'Change it at first login: top-left menu › Profile.',
      ];
  if (password) {
    strapi.log.info(lines[0]!);
    return;
  }
  // Printed, not logged: the person starting the portal must see it whatever the log level.
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  console.log(`\n┌${rule}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${rule}┘\n`);
}
