const probe = "http://local.invalid";

/**
 * Where to send someone after signing in: a path on this site, or "/". The value is
 * resolved the way a browser would (which drops tabs and newlines and reads "\" as "/"),
 * and only a result on the same origin is kept, so "/\t/evil.example" or "/\\evil.example"
 * cannot turn sign-in into an open redirect.
 */
export function localPath(value: string | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, probe);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "/.//evil.example" resolves to the path "//evil.example", itself a protocol-relative URL.
    return url.origin === probe && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
