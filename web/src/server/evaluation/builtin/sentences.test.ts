import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("splits on terminal punctuation followed by space", () => {
    expect(splitSentences("Paris is the capital. It has 2.1 million people! Is it big? Yes.")).toEqual([
      "Paris is the capital.",
      "It has 2.1 million people!",
      "Is it big?",
      "Yes.",
    ]);
  });

  it("keeps abbreviations, initials and decimals inside a sentence", () => {
    expect(splitSentences("Dr. Smith met J. R. R. Tolkien in the U.S. in 1950, e.g. at Oxford. He left.")).toEqual([
      "Dr. Smith met J. R. R. Tolkien in the U.S. in 1950, e.g. at Oxford.",
      "He left.",
    ]);
  });

  it("ends a sentence at a line break and strips list markers", () => {
    expect(splitSentences("Steps:\n- Open the app\n2. Tap Reset\n\n* Done")).toEqual(["Steps:", "Open the app", "Tap Reset", "Done"]);
  });

  it("keeps a closing quote with its sentence and drops punctuation-only fragments", () => {
    expect(splitSentences('He said "stop." Then he left... !!! ---')).toEqual(['He said "stop."', "Then he left..."]);
  });

  it("gives no sentence for an empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n ")).toEqual([]);
  });
});
