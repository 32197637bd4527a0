// Which languages a window of prompts is written in, and how that differs from the baseline:
// "German 0 % -> 38 %" explains a drift alarm in words a person acts on.
import { compareStrings } from "./compareStrings";
import { loadLanguageIdentifier, type IdentifiedLanguage } from "./languageIdentifier";

export interface LanguageShare extends IdentifiedLanguage {
  count: number;
  /** count / number of texts, in [0, 1]. */
  share: number;
}

export interface LanguageShiftRow extends IdentifiedLanguage {
  baselineShare: number;
  liveShare: number;
  /** liveShare - baselineShare: positive when the language grew. */
  difference: number;
}

export const OTHER_LANGUAGES: IdentifiedLanguage = { code: "other", label: "Other languages" };

const byShareThenCode = (a: LanguageShare, b: LanguageShare): number => b.share - a.share || compareStrings(a.code, b.code);

/** Shares of each language among already identified texts, largest first. */
export const mixOfLanguages = (languages: readonly IdentifiedLanguage[]): LanguageShare[] => {
  const counts = new Map<string, LanguageShare>();
  for (const language of languages) {
    const entry = counts.get(language.code) ?? { ...language, count: 0, share: 0 };
    entry.count++;
    counts.set(language.code, entry);
  }
  return [...counts.values()].map((entry) => ({ ...entry, share: entry.count / languages.length })).sort(byShareThenCode);
};

export const languageMix = async (texts: readonly string[]): Promise<LanguageShare[]> => {
  const identify = await loadLanguageIdentifier();
  return mixOfLanguages(texts.map(identify));
};

/**
 * Baseline share, live share and their difference for the `top` languages most present in
 * either window (by the larger of the two shares), then one "other" row for the rest when
 * there is a rest: a short table that still sums to 1 on each side.
 */
export const shiftOfLanguages = (baseline: readonly LanguageShare[], live: readonly LanguageShare[], top: number): LanguageShiftRow[] => {
  const rows = new Map<string, LanguageShiftRow>();
  const row = (language: IdentifiedLanguage): LanguageShiftRow => {
    const existing = rows.get(language.code);
    if (existing) return existing;
    const created = { code: language.code, label: language.label, baselineShare: 0, liveShare: 0, difference: 0 };
    rows.set(language.code, created);
    return created;
  };
  for (const entry of baseline) row(entry).baselineShare = entry.share;
  for (const entry of live) row(entry).liveShare = entry.share;
  const ranked = [...rows.values()]
    .map((entry) => ({ ...entry, difference: entry.liveShare - entry.baselineShare }))
    .sort((a, b) => Math.max(b.baselineShare, b.liveShare) - Math.max(a.baselineShare, a.liveShare) || compareStrings(a.code, b.code));
  const shown = ranked.slice(0, top);
  const rest = ranked.slice(top);
  if (rest.length === 0) return shown;
  const baselineShare = rest.reduce((sum, entry) => sum + entry.baselineShare, 0);
  const liveShare = rest.reduce((sum, entry) => sum + entry.liveShare, 0);
  return [...shown, { ...OTHER_LANGUAGES, baselineShare, liveShare, difference: liveShare - baselineShare }];
};

export const languageShift = async (
  baselineTexts: readonly string[],
  liveTexts: readonly string[],
  { top = 5 }: { top?: number } = {},
): Promise<LanguageShiftRow[]> => shiftOfLanguages(await languageMix(baselineTexts), await languageMix(liveTexts), top);
