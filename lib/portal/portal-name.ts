// A tenant's portal as people name it: "Acme Brand Portal". Tenants are often named that way
// already; their name is not repeated as "Acme Brand Portal Brand Portal".

export function portalName(tenantName: string): string {
  return /\bbrand portal$/i.test(tenantName.trim()) ? tenantName : `${tenantName} Brand Portal`;
}
