/**
 * CORS for browser callers. Preflights carry no credentials, so they are answered for
 * any origin; the real request is then refused (403, and no Allow-Origin header) unless
 * its origin is on the public key's allow-list.
 */
export function preflightResponse(request: Request, methods: string[]): Response {
  const origin = request.headers.get("origin");
  return new Response(null, {
    status: 204,
    headers: {
      ...(origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {}),
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": "Authorization, Content-Type",
      "Access-Control-Max-Age": "600",
    },
  });
}

export function allowOriginHeaders(origin: string | null): Record<string, string> {
  return origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin", "Access-Control-Expose-Headers": "Retry-After" } : {};
}

export function isOriginAllowed(origin: string, allowedOrigins: string[]): boolean {
  return allowedOrigins.includes(origin) || allowedOrigins.includes("*");
}

/** A request from the app's own pages (the /demo chat): trusted like the console itself, whatever a key's list says. */
export function isOwnOrigin(request: { headers: Headers; nextUrl: URL }, origin: string): boolean {
  try {
    return origin === request.nextUrl.origin || new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
