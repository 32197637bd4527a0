import { expect, it } from "vitest";
import { slangRewrite } from "./slangRewrite";

const question = "Janet's ducks lay 16 eggs. What are you going to do with the rest because she wants to know?";

it("rewrites a question the same way every time, with slang, lower case and emojis", () => {
  const casual = slangRewrite(question);
  expect(slangRewrite(question)).toBe(casual);
  expect(casual).toMatch(/\bwut r u gonna do with da rest cuz\b/);
  expect(casual).toMatch(/\p{Extended_Pictographic}$/u);
  expect(casual).not.toMatch(/[A-Z]/);
  expect(casual).toContain("16 eggs");
});

it("varies openers and emojis between questions", () => {
  const rewrites = ["How many apples?", "What is 2 + 2?", "Who wins?", "Where is Tom?", "Why now?"].map(slangRewrite);
  expect(new Set(rewrites.map((text) => text.split(" ")[0])).size).toBeGreaterThan(1);
  expect(new Set(rewrites.map((text) => text.slice(-2))).size).toBeGreaterThan(1);
});
