/**
 * CORS for browser callers. Preflights carry no credentials, so they are answered for
 * any origin; the real request is then refused unless its origin is on the public key's
 * allow-list. The refusal itself carries an Allow-Origin header, so the widget can read
 * the 403 and drop those events instead of taking it for a network error and retrying.
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

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

/**
 * The origin (scheme, host and port) the browser addressed this request to, or null when
 * the headers do not make one. Not `request.nextUrl.origin`: under `npm start` Next builds
 * that from the hostname it was started with (`localhost`) and its port, whatever host the
 * browser used (it also rewrites 127.0.0.1 to localhost), so behind a proxy its host is
 * wrong. The web server sets X-Forwarded-Proto/Host on every request itself (from the
 * socket and Host header, or from a trusted proxy), and `next start`/`next dev` fill them
 * in the same way when absent; a request built without them (tests) falls back to its URL.
 */
export function requestOwnOrigin(request: { headers: Headers; nextUrl: URL }): string | null {
  const proto = firstValue(request.headers.get("x-forwarded-proto")) ?? request.nextUrl.protocol.replace(/:$/, "");
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? request.nextUrl.host;
  if (proto !== "http" && proto !== "https") return null;
  return originOf(`${proto}://${host}`);
}

/**
 * The serialised origin of an Origin header's value, or null for `null` (sent by sandboxed
 * frames, file: pages and some redirects) and anything that is not an http(s) origin.
 */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** A request from the app's own pages (the /demo chat): trusted like the console itself, whatever a key's list says. */
export function isOwnOrigin(request: { headers: Headers; nextUrl: URL }, origin: string): boolean {
  const own = requestOwnOrigin(request);
  return own !== null && originOf(origin) === own;
}
