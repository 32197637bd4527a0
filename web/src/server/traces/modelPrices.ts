/**
 * List prices of common models in USD per million tokens, as published by the providers
 * on `listPricesTakenOn`. Projects override or extend them in Settings (ModelPrice rows);
 * a row there wins over this table for the models it matches.
 */
export const listPricesTakenOn = "2025-08-15";

export interface ModelPriceEntry {
  /** Glob over the model name: `*` matches any run of characters; case-insensitive. */
  modelPattern: string;
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
  effectiveFrom: Date;
}

// List prices carry no history: they apply to every date unless a project says otherwise.
const entry = (modelPattern: string, inputPerMillionUsd: number, outputPerMillionUsd: number): ModelPriceEntry => ({
  modelPattern,
  inputPerMillionUsd,
  outputPerMillionUsd,
  effectiveFrom: new Date(0),
});

export const listPrices: ModelPriceEntry[] = [
  entry("gpt-5", 1.25, 10),
  entry("gpt-5-2*", 1.25, 10),
  entry("gpt-5-mini*", 0.25, 2),
  entry("gpt-5-nano*", 0.05, 0.4),
  entry("gpt-4.1", 2, 8),
  entry("gpt-4.1-2*", 2, 8),
  entry("gpt-4.1-mini*", 0.4, 1.6),
  entry("gpt-4.1-nano*", 0.1, 0.4),
  entry("gpt-4o", 2.5, 10),
  entry("gpt-4o-2*", 2.5, 10),
  entry("gpt-4o-mini*", 0.15, 0.6),
  entry("o3", 2, 8),
  entry("o3-2*", 2, 8),
  entry("o4-mini*", 1.1, 4.4),
  entry("text-embedding-3-small", 0.02, 0),
  entry("text-embedding-3-large", 0.13, 0),
  entry("claude-opus-4*", 15, 75),
  entry("claude-sonnet-4*", 3, 15),
  entry("claude-3-7-sonnet*", 3, 15),
  entry("claude-3-5-sonnet*", 3, 15),
  entry("claude-3-5-haiku*", 0.8, 4),
  entry("gemini-2.5-pro*", 1.25, 10),
  entry("gemini-2.5-flash-lite*", 0.1, 0.4),
  entry("gemini-2.5-flash", 0.3, 2.5),
  entry("gemini-2.5-flash-0*", 0.3, 2.5),
  entry("gemini-2.0-flash*", 0.1, 0.4),
  entry("mistral-large*", 2, 6),
  entry("mistral-small*", 0.1, 0.3),
];

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "i");
}

/** How specific a pattern is: its literal characters (so "gpt-4o-mini*" beats "gpt-4o*"). */
function specificity(pattern: string): number {
  return pattern.replace(/\*/g, "").length;
}

/**
 * The price in force for a model at a time: among entries whose pattern matches and
 * whose effective date has come, project entries beat list prices, then the most
 * specific pattern wins, then the latest effective date. A call can go by two names,
 * the snapshot that served it and the alias asked for (`gpt-4o-mini-2024-07-18`,
 * `gpt-4o-mini`), given in that order: a price for either applies, the first name's
 * first, so a project's price for the alias still beats a list price for the snapshot.
 */
export function findModelPrice(models: string | string[], at: Date, projectPrices: ModelPriceEntry[]): ModelPriceEntry | null {
  const names = typeof models === "string" ? [models] : models;
  const pick = (entries: ModelPriceEntry[], model: string) =>
    entries
      .filter((price) => price.effectiveFrom <= at && globToRegExp(price.modelPattern).test(model))
      .sort(
        (a, b) => specificity(b.modelPattern) - specificity(a.modelPattern) || b.effectiveFrom.getTime() - a.effectiveFrom.getTime(),
      )[0] ?? null;
  for (const entries of [projectPrices, listPrices]) {
    for (const model of names) {
      const price = pick(entries, model);
      if (price) return price;
    }
  }
  return null;
}

/** Cost in USD of a model call from its token counts and a price per million tokens. */
export function tokenCostUsd(
  price: Pick<ModelPriceEntry, "inputPerMillionUsd" | "outputPerMillionUsd">,
  inputTokens: number,
  outputTokens: number,
): number {
  return (inputTokens * price.inputPerMillionUsd + outputTokens * price.outputPerMillionUsd) / 1_000_000;
}
