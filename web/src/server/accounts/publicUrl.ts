import { env } from "@/env";
import { requestOwnOrigin } from "@/server/api/cors";

/**
 * The console's public base URL for links sent to people: NEXTAUTH_URL when set, else the
 * origin this request came in on (the one CSRF checks compare against; see cors.ts).
 */
export function publicBaseUrl(request: { headers: Headers; nextUrl: URL }): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  return requestOwnOrigin(request) ?? request.nextUrl.origin;
}
