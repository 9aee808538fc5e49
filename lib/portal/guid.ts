// The one shape the portal uses for tenant and subscription ids: a GUID, in any letter case.
export const GUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const WHOLE = new RegExp(`^${GUID_SOURCE}$`, 'i');

export const isGuid = (s: string): boolean => WHOLE.test(s);
