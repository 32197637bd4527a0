import { describe, expect, it } from "vitest";
import fixture from "./explainFixture.json";
import { identifyLanguage, loadLanguageIdentifier, UNDETERMINED } from "./languageIdentifier";
import { languageMix, languageShift, mixOfLanguages, shiftOfLanguages } from "./languageMix";

const share = (rows: { code: string; share: number }[], code: string): number => rows.find((row) => row.code === code)?.share ?? 0;

describe("identifyLanguage (fastText lid.176, offline)", () => {
  it("names the language of MGSM questions in English, German and Spanish", async () => {
    const identify = await loadLanguageIdentifier();
    for (const [code, label] of [
      ["en", "English"],
      ["de", "German"],
      ["es", "Spanish"],
    ] as const) {
      const found = fixture.texts.mgsm[code].map(identify);
      expect(found.every((language) => language.code === code && language.label === label)).toBe(true);
    }
  });

  it("gets most short prompts of 3-8 words right", async () => {
    const identify = await loadLanguageIdentifier();
    for (const code of ["en", "de", "es"] as const) {
      const right = fixture.texts.shortPrompts[code].filter((text) => identify(text).code === code).length;
      expect(right, code).toBeGreaterThanOrEqual(27); // of 30
    }
  });

  it("calls text without letters undetermined", async () => {
    expect(await identifyLanguage("👍👍 123 https://example.com")).toEqual(UNDETERMINED);
    expect(await identifyLanguage("")).toEqual(UNDETERMINED);
  });
});

describe("languageMix", () => {
  it("gives shares per language, largest first, summing to 1", async () => {
    const mix = await languageMix([...fixture.texts.mgsm.de.slice(0, 20), ...fixture.texts.mgsm.en.slice(0, 10)]);
    expect(mix.map((row) => row.code)).toEqual(["de", "en"]);
    expect(share(mix, "de")).toBeCloseTo(2 / 3, 12);
    expect(mix.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
  });

  it("is empty for no texts", () => {
    expect(mixOfLanguages([])).toEqual([]);
  });
});

describe("languageShift", () => {
  it("shows English prompts turning German", async () => {
    const rows = await languageShift(fixture.texts.gsm8k.slice(0, 30), fixture.texts.mgsm.de);
    const german = rows.find((row) => row.code === "de");
    const english = rows.find((row) => row.code === "en");
    expect(german).toMatchObject({ label: "German", baselineShare: 0, liveShare: 1, difference: 1 });
    expect(english).toMatchObject({ baselineShare: 1, liveShare: 0, difference: -1 });
  });

  it("keeps the languages most present on either side and folds the rest into one row", () => {
    const language = (code: string) => ({ code, label: code.toUpperCase() });
    const baseline = mixOfLanguages("e e e e e e e d d f".split(" ").map(language));
    const live = mixOfLanguages("e e e e s s g g f h".split(" ").map(language));
    expect(shiftOfLanguages(baseline, live, 3)).toEqual([
      { code: "e", label: "E", baselineShare: 0.7, liveShare: 0.4, difference: expect.closeTo(-0.3, 12) as number },
      { code: "d", label: "D", baselineShare: 0.2, liveShare: 0, difference: -0.2 },
      { code: "g", label: "G", baselineShare: 0, liveShare: 0.2, difference: 0.2 },
      { code: "other", label: "Other languages", baselineShare: 0.1, liveShare: 0.4, difference: expect.closeTo(0.3, 12) as number },
    ]);
  });
});
