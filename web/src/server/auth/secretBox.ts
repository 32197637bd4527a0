import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Short secrets kept in the database (a judge's API key) are sealed with AES-256-GCM under
 * a key derived from the instance secret (AUTH_SECRET) by HKDF-SHA256. The purpose label
 * goes into the derivation and the authenticated data, so a value sealed for one purpose
 * never opens as another. Output: "v1.<iv>.<tag>.<ciphertext>", each part base64url; the
 * version lets a later scheme sit beside this one.
 */

const version = "v1";
const ivBytes = 12;
const tagBytes = 16;

/** Purpose labels in use: one key per purpose, so a value sealed for one never opens as another. */
export const secretPurposes = { judgeApiKey: "judge-api-key" } as const;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

function keyFor(instanceSecret: string, purpose: string): Buffer {
  if (!instanceSecret) throw new SecretBoxError("The instance secret (AUTH_SECRET) is empty; secrets cannot be sealed without it");
  return Buffer.from(hkdfSync("sha256", instanceSecret, "liveloop-secret-box", `${version}:${purpose}`, 32));
}

const aad = (purpose: string) => Buffer.from(`liveloop:${version}:${purpose}`);

/** Seals `plaintext`; `randomIv` is for tests that need a fixed output. */
export function encryptSecret(
  plaintext: string,
  instanceSecret: string,
  purpose: string,
  randomIv: (size: number) => Buffer = randomBytes,
): string {
  const iv = randomIv(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", keyFor(instanceSecret, purpose), iv, { authTagLength: tagBytes });
  cipher.setAAD(aad(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Opens a sealed value; throws a SecretBoxError if it is malformed, tampered with, or sealed under another secret or purpose. */
export function decryptSecret(sealed: string, instanceSecret: string, purpose: string): string {
  const parts = sealed.split(".");
  if (parts[0] !== version || parts.length !== 4) {
    throw new SecretBoxError(`Not a sealed secret of version ${version} (expected "${version}.<iv>.<tag>.<ciphertext>")`);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext || iv.length !== ivBytes || tag.length !== tagBytes) {
    throw new SecretBoxError("The sealed secret is malformed: its IV or tag has the wrong length");
  }
  const decipher = createDecipheriv("aes-256-gcm", keyFor(instanceSecret, purpose), iv, { authTagLength: tagBytes });
  decipher.setAAD(aad(purpose));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(
      "The sealed secret could not be opened: it was sealed with another instance secret (AUTH_SECRET changed?) or altered; enter it again",
    );
  }
}
