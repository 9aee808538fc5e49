// The portal hosts the extension runs on: the one place to add another (e.g. a sovereign cloud's portal).
// partner.microsoft.com also serves Partner Center for Microsoft Cloud for US Government.
export const PORTAL_HOSTS = ['partner.microsoft.com'] as const;
export const PORTAL_MATCHES = PORTAL_HOSTS.map((h) => `https://${h}/*`);
export const isPortalHost = (host: string): boolean => (PORTAL_HOSTS as readonly string[]).includes(host.toLowerCase());
