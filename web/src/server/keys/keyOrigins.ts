import { isOriginAllowed, isOwnOrigin } from "@/server/api/cors";
import { anyOrigin, type AuthenticatedKey } from "@/server/keys/apiKeys";

/**
 * Whether a key may be used from this origin. A public key names the pages that may use
 * it, so a request must come from one of them, or from the app's own pages (the /demo
 * chat), and say so with its Origin header: browsers always send one on cross-origin
 * requests and on navigator.sendBeacon, so a request without one is not from a page of
 * the list. Only a key whose list holds `*` takes requests from anywhere, Origin or not
 * (servers and scripts); secret keys are not tied to origins.
 */
export function keyAcceptsOrigin(
  key: Pick<AuthenticatedKey, "kind" | "allowedOrigins">,
  origin: string | null,
  request: { headers: Headers; nextUrl: URL },
): boolean {
  if (key.kind !== "public") return true;
  if (origin === null) return key.allowedOrigins.includes(anyOrigin);
  return isOriginAllowed(origin, key.allowedOrigins) || isOwnOrigin(request, origin);
}

/** What a refused caller is told: only what it already knows. */
export function originRefusal(origin: string | null): string {
  return origin === null
    ? "This public key only takes requests from its allowed origins, and this one sent no Origin header; from a server, use a secret key (or a public key that allows *)"
    : `Origin ${origin} is not allowed for this key`;
}
