import { NextResponse, type NextRequest } from "next/server";

/**
 * The Content-Security-Policy of console pages (and /demo, which embeds the widget as
 * this app's own React components: its injected <style> and its calls to this origin are
 * not restricted here). Scripts run only with this response's nonce, which Next puts on
 * its own inline and bootstrap scripts; 'strict-dynamic' lets those load the page's
 * chunks. No framing, no plugins, no <base> or form that sends links or data elsewhere.
 * Development adds 'unsafe-eval', which React's dev build needs for its call stacks.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A fresh nonce per page request (pages are rendered per request: every console page
 * reads the session). Next reads it from the request's Content-Security-Policy header.
 * The 404 page is prerendered without one, so it shows without running its scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API (the lean ingest routes never reach Next anyway), not static
  // files, not /widget.js (loaded by other sites), not prefetches (no document).
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|widget\\.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
