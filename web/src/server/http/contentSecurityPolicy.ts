/**
 * The nonce a page's own inline scripts must carry, read back from the
 * Content-Security-Policy that src/proxy.ts put on the request. Undefined when the page
 * was rendered without one (the prerendered 404), where inline scripts need none.
 */
export function nonceFromPolicy(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
