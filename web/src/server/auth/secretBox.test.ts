import { createDecipheriv, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretBoxError, secretPurposes } from "@/server/auth/secretBox";

const secret = "instance-secret-for-tests-0123456789abcdef";
const purpose = secretPurposes.judgeApiKey;

describe("encryptSecret / decryptSecret", () => {
  it("round-trips a key, and never writes it in the clear", () => {
    const sealed = encryptSecret("sk-proj-abc123", secret, purpose);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("sk-proj");
    expect(decryptSecret(sealed, secret, purpose)).toBe("sk-proj-abc123");
    // A fresh IV each time: the same key seals differently.
    expect(encryptSecret("sk-proj-abc123", secret, purpose)).not.toBe(sealed);
  });

  it("is AES-256-GCM under HKDF-SHA256 of the instance secret, as documented (decrypted here without the module)", () => {
    const iv = Buffer.alloc(12, 7);
    const sealed = encryptSecret("héllo", secret, purpose, () => iv);
    const [, ivPart, tag, ciphertext] = sealed.split(".");
    const key = Buffer.from(hkdfSync("sha256", secret, "liveloop-secret-box", "v1:judge-api-key", 32));
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivPart ?? "", "base64url"));
    decipher.setAAD(Buffer.from("liveloop:v1:judge-api-key"));
    decipher.setAuthTag(Buffer.from(tag ?? "", "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext ?? "", "base64url")), decipher.final()]).toString("utf8");
    expect(plain).toBe("héllo");
    expect(ivPart).toBe(iv.toString("base64url"));
  });

  it("refuses another instance secret, another purpose, a tampered value and a malformed one, saying why", () => {
    const sealed = encryptSecret("sk-proj-abc123", secret, purpose);
    expect(() => decryptSecret(sealed, "another-secret", purpose)).toThrow(/another instance secret/);
    expect(() => decryptSecret(sealed, secret, "webhook-secret")).toThrow(SecretBoxError);
    const [v, iv, tag, ciphertext = ""] = sealed.split(".");
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."), secret, purpose)).toThrow(/altered/);
    expect(() => decryptSecret(`v2.${iv}.${tag}.${ciphertext}`, secret, purpose)).toThrow(/version v1/);
    expect(() => decryptSecret(`v1.${iv}.${ciphertext}`, secret, purpose)).toThrow(SecretBoxError);
    expect(() => decryptSecret(`v1.AAAA.${tag}.${ciphertext}`, secret, purpose)).toThrow(/wrong length/);
    expect(() => encryptSecret("x", "", purpose)).toThrow(/AUTH_SECRET/);
  });
});
