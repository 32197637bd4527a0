import { createHash } from "node:crypto";

/**
 * A JSON answer clients may keep for `maxAgeSeconds` and revalidate with its ETag (304 when
 * unchanged). Private: it answers a key, so shared caches must not hand it to another.
 */
export function cacheableJson(request: Request, body: unknown, maxAgeSeconds: number): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = { ETag: etag, "Cache-Control": `private, max-age=${maxAgeSeconds}`, Vary: "Authorization" };
  const presented = request.headers.get("if-none-match");
  if (presented?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
