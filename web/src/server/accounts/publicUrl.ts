import { env } from "@/env";

/**
 * The console's public base URL for links sent to people: NEXTAUTH_URL when set, else the
 * URL this request came in on (the web server sets X-Forwarded-Proto/Host itself, or
 * takes them from a trusted proxy: see forwardedHeaders.ts).
 */
export function publicBaseUrl(headers: Headers): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  return `${proto}://${host}`;
}
