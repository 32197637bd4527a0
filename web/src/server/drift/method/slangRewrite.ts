// A deterministic "style shift" for the drift detector's real-text test: the same question as
// a casual chat user might type it, with slang, lower case and emojis. The choices come from
// a hash of the text, so a question is always rewritten the same way.

const SLANG: readonly [RegExp, string][] = [
  [/\byou\b/gi, "u"],
  [/\bare\b/gi, "r"],
  [/\bbecause\b/gi, "cuz"],
  [/\bgoing to\b/gi, "gonna"],
  [/\bwant to\b/gi, "wanna"],
  [/\bplease\b/gi, "pls"],
  [/\bthanks\b/gi, "thx"],
  [/\bwhat\b/gi, "wut"],
  [/\bthe\b/gi, "da"],
];
const OPENERS = ["yo", "ok so", "ngl", "bruh", "hey fam", "lol"];
const CLOSERS = ["pls help", "asap", "fr", "no cap", "thx", "lmk"];
const EMOJIS = ["😂", "🔥", "🙏", "😭", "💀", "🤔", "👀", "✨"];

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
};

const pick = <T>(items: readonly T[], hash: number, salt: number): T => {
  const item = items[(hash >>> salt) % items.length];
  if (item === undefined) throw new RangeError("pick from an empty list");
  return item;
};

/** The question with slang words, a casual opener and closer, lower case and one to three emojis. */
export function slangRewrite(text: string): string {
  const hash = fnv1a(text);
  let casual = text.toLowerCase().replace(/[.?!]+\s*$/u, "");
  for (const [pattern, replacement] of SLANG) casual = casual.replace(pattern, replacement);
  const emojis = Array.from({ length: 1 + (hash % 3) }, (_, i) => pick(EMOJIS, hash, 3 + 4 * i)).join("");
  return `${pick(OPENERS, hash, 7)} ${casual} ${pick(CLOSERS, hash, 13)} ${emojis}`;
}
