import { describe, expect, it } from "vitest";
import { detectPii, isValidIban, maskPii, maskPiiInJson, passesLuhn } from "@/server/pii/detectors";

const kinds = (text: string) => detectPii(text).map((m) => [m.kind, m.text]);

describe("checksums", () => {
  it("Luhn accepts real test card numbers and rejects a changed digit", () => {
    for (const card of ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"]) expect(passesLuhn(card)).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("1234567812345678")).toBe(false);
  });

  it("IBAN mod 97 accepts published examples and rejects near misses", () => {
    for (const iban of ["DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NL91ABNA0417164300"]) {
      expect(isValidIban(iban)).toBe(true);
    }
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(isValidIban("GB82WEST12345698765433")).toBe(false);
    expect(isValidIban("XX00")).toBe(false);
  });
});

describe("detectPii", () => {
  it("finds emails, phones, cards, IBANs, IPs and secrets", () => {
    expect(kinds("mail jane.doe+bot@example.co.uk now")).toEqual([["email", "jane.doe+bot@example.co.uk"]]);
    expect(kinds("call +49 30 1234567 or (555) 123-4567")).toEqual([
      ["phone", "+49 30 1234567"],
      ["phone", "(555) 123-4567"],
    ]);
    expect(kinds("card 4111 1111 1111 1111 ok")).toEqual([["card", "4111 1111 1111 1111"]]);
    expect(kinds("pay to DE89 3704 0044 0532 0130 00 today")).toEqual([["iban", "DE89 3704 0044 0532 0130 00"]]);
    expect(kinds("from 192.168.1.20 and 2001:db8::8a2e:370:7334")).toEqual([
      ["ip", "192.168.1.20"],
      ["ip", "2001:db8::8a2e:370:7334"],
    ]);
    expect(kinds("key sk-proj-abcdefghijklmnopqrstuvwxyz123456 and AKIAIOSFODNN7EXAMPLE")).toEqual([
      ["secret", "sk-proj-abcdefghijklmnopqrstuvwxyz123456"],
      ["secret", "AKIAIOSFODNN7EXAMPLE"],
    ]);
    expect(kinds("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123")).toEqual([["secret", "abcdefghijklmnopqrstuvwxyz0123"]]);
  });

  it("leaves near misses alone", () => {
    expect(kinds("card 4111 1111 1111 1112 fails Luhn")).toEqual([]);
    expect(kinds("iban DE89 3704 0044 0532 0130 01 fails mod 97")).toEqual([]);
    expect(kinds("version 1.2.3.4567 and 300.1.1.1")).toEqual([]);
    expect(kinds("meet at 10:30, then 10:30:15, order #12345, year 2026")).toEqual([]);
    expect(kinds("not an email: user@localhost")).toEqual([]);
  });
});

describe("maskPii", () => {
  it("replaces each item with a placeholder naming its kind", () => {
    expect(maskPii("I am jane@example.com, card 4111-1111-1111-1111, ip 10.0.0.1")).toBe("I am [EMAIL], card [CARD], ip [IP]");
  });

  it("masks strings anywhere inside JSON and keeps the structure", () => {
    expect(maskPiiInJson([{ role: "user", content: "reach me at jane@example.com" }, 3, null])).toEqual([
      { role: "user", content: "reach me at [EMAIL]" },
      3,
      null,
    ]);
  });
});
