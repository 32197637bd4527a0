/**
 * How long the local responder takes, so its traces read like a hosted model's: a
 * retrieval of 60-150 ms, a first token after 250-600 ms, then 15-45 ms a token. Drawn
 * from a hash of the question, so the same question always takes the same time (the
 * demo stays deterministic and its tests can work the numbers out).
 */
export interface DemoPace {
  retrievalMs: number;
  /** From the model call's start to its first token. */
  firstTokenMs: number;
  /** Before each token after the first. */
  tokenMs: (index: number) => number;
}

// FNV-1a: a small, stable string hash (no cryptographic needs here).
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

export function demoPace(question: string): DemoPace {
  const seed = hash(question);
  return {
    retrievalMs: 60 + (seed % 91),
    firstTokenMs: 250 + ((seed >>> 8) % 351),
    tokenMs: (index) => 15 + (hash(`${seed}:${index}`) % 31),
  };
}

/** The answer cut as a model streams it: a word and the space after it (close enough to tokens for a demo). */
export function demoTokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}
