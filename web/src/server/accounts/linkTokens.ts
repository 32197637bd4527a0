import { createHash, randomBytes } from "node:crypto";

/**
 * Invitation and password-reset links carry a random token; only its SHA-256 is stored,
 * so a copy of the database cannot be turned into working links. (A slow hash buys
 * nothing for 256 random bits.)
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}
