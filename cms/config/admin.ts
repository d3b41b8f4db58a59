import { settings } from '../lib/settings';

export default () => {
  const s = settings();
  return {
    auth: {
      secret: s.secrets.adminJwtSecret,
      // Served over https (PUBLIC_URL): the admin's session cookies never travel over plain http.
      // Otherwise Strapi decides per request (secure when the request came over https).
      ...(s.publicUrl?.startsWith('https:') ? { cookie: { secure: true } } : {}),
    },
    apiToken: { salt: s.secrets.apiTokenSalt },
    transfer: { token: { salt: s.secrets.transferTokenSalt } },
    secrets: { encryptionKey: s.secrets.encryptionKey },
    serveAdminPanel: s.serveAdmin,
    flags: { nps: false, promoteEE: false },
  };
};
