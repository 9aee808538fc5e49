// The customers the local portal lists. One has markup for a name: it must show as text, never run.
export interface PortalCustomer { tenantId: string; name: string; domain: string }

export const SAMPLE_CUSTOMERS: PortalCustomer[] = [
  { tenantId: '11111111-1111-4111-8111-111111111111', name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
  { tenantId: '22222222-2222-4222-8222-222222222222', name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' },
  { tenantId: '33333333-3333-4333-8333-333333333333', name: 'Northwind Traders', domain: 'northwind.onmicrosoft.com' },
  { tenantId: '44444444-4444-4444-8444-444444444444', name: '<img src=x onerror="window.__pwned=1">Tailspin', domain: 'tailspin.onmicrosoft.com' },
];

/** A long customers list (the 10,000-row page shape): tenant ids in order, `Customer {i}` for names. */
export function manyCustomers(n: number): PortalCustomer[] {
  return Array.from({ length: n }, (_, i) => {
    const h = i.toString(16).padStart(12, '0');
    return { tenantId: `${h.slice(0, 8)}-0000-4000-8000-${h}`, name: `Customer ${i}`, domain: `c${i}.example.com` };
  });
}
