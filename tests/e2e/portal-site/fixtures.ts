// The customers the local portal lists. One has markup for a name: it must show as text, never run.
export interface PortalCustomer { tenantId: string; name: string; domain: string }

export const SAMPLE_CUSTOMERS: PortalCustomer[] = [
  { tenantId: '11111111-1111-4111-8111-111111111111', name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
  { tenantId: '22222222-2222-4222-8222-222222222222', name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' },
  { tenantId: '33333333-3333-4333-8333-333333333333', name: 'Northwind Traders', domain: 'northwind.onmicrosoft.com' },
  { tenantId: '44444444-4444-4444-8444-444444444444', name: '<img src=x onerror="window.__pwned=1">Tailspin', domain: 'tailspin.onmicrosoft.com' },
];
