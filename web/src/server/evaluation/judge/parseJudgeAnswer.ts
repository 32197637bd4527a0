import type { JudgeScoreConfig } from "@/server/evaluation/judge/judgeRubrics";

export type JudgeVerdict = { ok: true; score: number; reasoning: string } | { ok: false; error: string };

/** A judge's answer read into some value (a score, a preference), or why it could not be. */
export type JudgeAnswer<T> = { ok: true; value: T; reasoning: string } | { ok: false; error: string };

const numericString = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The JSON object in a model's answer: inside a code fence, or from the first `{` to the last `}` past any prose. */
function jsonCandidate(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const body = fenced ?? text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  return start >= 0 && end > start ? body.slice(start, end + 1) : body.trim();
}

function parseLoosely(candidate: string): unknown {
  try {
    return JSON.parse(candidate) as unknown;
  } catch {
    // Models that write JSON by hand leave trailing commas; nothing else is repaired.
    return JSON.parse(candidate.replace(/,\s*([}\]])/g, "$1")) as unknown;
  }
}

const quote = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** The JSON object a judge answered, tolerating code fences, prose around the object and trailing commas. */
export function readJudgeObject(text: string): { ok: true; fields: Record<string, unknown> } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = parseLoosely(jsonCandidate(text));
  } catch {
    return { ok: false, error: `The judge's answer is not JSON: ${quote(text)}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `The judge's answer is not a JSON object: ${quote(text)}` };
  }
  return { ok: true, fields: parsed as Record<string, unknown> };
}

/**
 * Reads a judge's answer `{"reasoning": "...", "score": ...}`, tolerating what models
 * outside OpenAI's structured output do (see readJudgeObject) and a score written as a
 * numeric string ("0.8" is 0.8). Anything else is an error with the reason (a word such
 * as "high", NaN, a missing score, or a number outside the score config, e.g. 9.2e124 on
 * 0..1), never a score.
 */
export function parseJudgeAnswer(text: string, config: JudgeScoreConfig): JudgeVerdict {
  const object = readJudgeObject(text);
  if (!object.ok) return object;
  const { score: raw, reasoning } = object.fields;
  if (raw === undefined || raw === null) return { ok: false, error: "The judge's answer has no score" };
  const score = typeof raw === "number" ? raw : typeof raw === "string" && numericString.test(raw.trim()) ? Number(raw.trim()) : null;
  if (score === null)
    return { ok: false, error: `The judge's score ${quote(typeof raw === "string" ? raw : JSON.stringify(raw))} is not a number` };
  if (!Number.isFinite(score)) return { ok: false, error: `The judge's score ${String(score)} is not a finite number` };
  if (score < config.min || score > config.max) {
    return { ok: false, error: `The judge's score ${String(score)} is outside the range ${config.min}..${config.max}` };
  }
  if (config.integer && !Number.isInteger(score)) {
    return { ok: false, error: `The judge's score ${String(score)} is not a whole number from ${config.min} to ${config.max}` };
  }
  return { ok: true, score, reasoning: typeof reasoning === "string" ? reasoning : "" };
}
