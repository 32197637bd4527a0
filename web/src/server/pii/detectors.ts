import { isIPv6 } from "node:net";
import { mapJsonStrings } from "@/contracts/common";

/**
 * Detectors for personal data and secrets in free text. One module, so trace redaction
 * at ingest and later evaluators (a "PII leak" check) find exactly the same things.
 * Numbers that merely look right are checked: cards by Luhn, IBANs by ISO 7064 mod 97.
 */
export type PiiKind = "email" | "phone" | "card" | "iban" | "ip" | "secret";

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** Luhn checksum over the digits of a candidate card number. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

function isValidIpv4(text: string): boolean {
  return text.split(".").every((part) => part.length <= 3 && Number(part) <= 255 && !(part.length > 1 && part.startsWith("0")));
}

/** A year and a day and month in either order (2026-11-27, 27.11.2026, 11-27-2026): a date, not a phone number. */
function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})[-. ](\d{1,2})[-. ](\d{1,2})$|^(\d{1,2})[-. ](\d{1,2})[-. ](\d{4})$/.exec(text);
  if (!parts) return false;
  const [year, a, b] = (parts[1] ? [parts[1], parts[2], parts[3]] : [parts[6], parts[4], parts[5]]).map(Number);
  const dayMonth = (day = 0, month = 0) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  return year !== undefined && year >= 1000 && year <= 2999 && (dayMonth(a, b) || dayMonth(b, a));
}

interface Detector {
  kind: PiiKind;
  pattern: RegExp;
  accept?: (text: string) => boolean;
  /** A rejected match still claims its text, so e.g. an IBAN-shaped string is never read as a card. */
  claimsWhenRejected?: boolean;
}

// Order matters where patterns overlap: earlier detectors claim their text first.
const detectors: Detector[] = [
  {
    kind: "secret",
    pattern:
      /\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/g,
  },
  { kind: "secret", pattern: /(?<=\bBearer\s+)[A-Za-z0-9._~+/-]{20,}=*/g },
  { kind: "email", pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
  {
    kind: "iban",
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    accept: isValidIban,
    claimsWhenRejected: true,
  },
  { kind: "card", pattern: /\b\d(?:[ -]?\d){12,18}\b/g, accept: (text) => passesLuhn(text.replace(/\D/g, "")) },
  {
    kind: "ip",
    pattern: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
    accept: isValidIpv4,
  },
  {
    kind: "ip",
    // Candidates with at least two colons, checked by Node's parser, so times like 10:30 stay.
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g,
    accept: (text) => isIPv6(text) && /[0-9A-Fa-f]/.test(text),
  },
  {
    kind: "phone",
    // International (+...) or grouped national numbers with 7-15 digits.
    // Not the middle of a longer dotted or hyphenated number (an ISBN such as 978-0-306-40615-7,
    // a build number such as 10.0.19045.3803), nor a
    // subtraction ("1200-1000 = 200"), nor numbers on separate lines.
    pattern: /(?<![\w+]|\d[.-])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{1,4}\)[ \t.-]?)?\d{2,5}(?:[ \t.-]\d{2,8}){1,4}(?![\w]|[.-]\d|\s?=)/g,
    accept: (text) => {
      const digits = text.replace(/\D/g, "").length;
      return digits >= 7 && digits <= 15 && !isCalendarDate(text) && (text.startsWith("+") || text.startsWith("(") || /[\s.-]/.test(text));
    },
  },
];

/** Every detected span in the text, non-overlapping, in order of position. */
export function detectPii(text: string): PiiMatch[] {
  const matches: PiiMatch[] = [];
  const claimed: { start: number; end: number }[] = [];
  const taken = (start: number, end: number) => claimed.some((c) => start < c.end && end > c.start);
  for (const detector of detectors) {
    for (const match of text.matchAll(detector.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken(start, end)) continue;
      const accepted = !detector.accept || detector.accept(match[0]);
      if (accepted || detector.claimsWhenRejected) claimed.push({ start, end });
      if (accepted) matches.push({ kind: detector.kind, start, end, text: match[0] });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** What masking puts in place of each kind; evaluators reading masked traces count these. */
export const piiPlaceholders: Record<PiiKind, string> = {
  email: "[EMAIL]",
  phone: "[PHONE]",
  card: "[CARD]",
  iban: "[IBAN]",
  ip: "[IP]",
  secret: "[SECRET]",
};

/** The text with each detected item replaced by a placeholder naming its kind. */
export function maskPii(text: string): string {
  let result = "";
  let cursor = 0;
  for (const match of detectPii(text)) {
    result += text.slice(cursor, match.start) + piiPlaceholders[match.kind];
    cursor = match.end;
  }
  return result + text.slice(cursor);
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Masks every string inside a JSON value (keys are left as they are). The walk is a loop,
 * not recursion, so however deeply a client nests its JSON the stack cannot overflow.
 */
export function maskPiiInJson(value: JsonValue): JsonValue {
  const masked = mapJsonStrings(value, maskPii, { maxDepth: Number.POSITIVE_INFINITY, mapKeys: false });
  return (masked ?? { value }).value as JsonValue;
}
