import type { DatasetAssertion } from "@/contracts/datasetAssertions";
import { defaultSimilarityThreshold } from "@/contracts/datasetAssertions";
import { storedAssertionProblem } from "@/server/datasets/runs/datasetAssertionSettings";
import type { AssertionResult, DatasetRunItemStatus } from "@/contracts/datasetRuns";
import type { PairwiseLook, Preference } from "@/server/evaluation/judge/pairwisePreference";
import { compileAnswerJsonSchema, describeError } from "@/server/evaluation/builtin/formatAnswerSchema";
import { noBuiltinScores, scoreAssertionResult, type BuiltinScoresOfItem } from "@/server/datasets/runs/scoreAssertionResult";
import { outputMatches } from "@/server/datasets/runs/outputPattern";

/** What a run item is checked against: the expected answer's text and the question that asked for it. */
export interface RunCheckSubject {
  question: string;
  expected: string;
}

export type JudgeVerdict = { ok: true; score: number; reasoning: string } | { ok: false; error: string };

/** A pairwise judge's choice between the output and the expected output, with where the output was shown in each look. */
export type PreferenceVerdict =
  | { ok: true; preferred: Preference; looks: readonly Pick<PairwiseLook, "candidateShown" | "preferred" | "reasoning">[] }
  | { ok: false; error: string };

/** The services assertions call; injected so tests reach real (local) servers and the route its process ones. */
export interface RunCheckDependencies {
  /** Cosine similarity of two texts in the project's embedder. */
  similarity(output: string, expected: string): Promise<number>;
  /** A judge evaluator's score of the output, normalised to 0..1 (higher is better). */
  judge(evaluator: string, subject: RunCheckSubject & { output: string }): Promise<JudgeVerdict>;
  /** A judge evaluator's preference between the output and the expected output (order drawn at random, or both orders). */
  prefer(evaluator: string, subject: RunCheckSubject & { output: string }, options: { bothOrders: boolean }): Promise<PreferenceVerdict>;
}

/** Case, surrounding and repeated whitespace, and Unicode compatibility forms ignored. */
export function normaliseForMatch(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

const result = (
  type: AssertionResult["type"],
  passed: boolean,
  fields: Partial<Omit<AssertionResult, "type" | "passed">> = {},
): AssertionResult => ({ type, passed, value: null, threshold: null, message: null, error: null, ...fields });

const errorResult = (type: AssertionResult["type"], error: unknown): AssertionResult =>
  result(type, false, { error: error instanceof Error ? error.message : String(error) });

async function similarityResult(
  type: "similarity" | "default",
  output: string,
  expected: string,
  threshold: number,
  dependencies: RunCheckDependencies,
): Promise<AssertionResult> {
  try {
    const value = await dependencies.similarity(output, expected);
    const passed = value >= threshold;
    return result(type, passed, {
      value,
      threshold,
      message: passed ? null : `similarity to the expected output ${value.toFixed(3)} is below ${threshold}`,
    });
  } catch (error) {
    return errorResult(type, error);
  }
}

function jsonSchemaResult(output: string, schema: unknown): AssertionResult {
  const validate = compileAnswerJsonSchema(schema);
  // Declarations are checked when stored, so this only happens to a schema stored before a rule changed.
  if (typeof validate === "string") return result("json_schema", false, { error: validate });
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    return result("json_schema", false, { message: "the output is not JSON" });
  }
  return validate(parsed)
    ? result("json_schema", true)
    : result("json_schema", false, { message: `not valid against the schema: ${describeError(validate.errors?.[0])}` });
}

const preferenceValue: Record<Preference, number> = { candidate: 1, tie: 0.5, reference: 0 };

function describeLooks(looks: readonly Pick<PairwiseLook, "candidateShown" | "reasoning">[]): string {
  return looks.map((item) => `(output shown ${item.candidateShown === "A" ? "first" : "second"}) ${item.reasoning}`).join(" / ");
}

async function pairwiseResult(
  assertion: Extract<DatasetAssertion, { type: "pairwise" }>,
  output: string,
  subject: RunCheckSubject,
  dependencies: RunCheckDependencies,
): Promise<AssertionResult> {
  // 1 the output won, 0.5 a tie, 0 the expected output won; the threshold says which pass.
  const threshold = assertion.allowTie ? preferenceValue.tie : preferenceValue.candidate;
  try {
    const verdict = await dependencies.prefer(assertion.evaluator, { ...subject, output }, { bothOrders: assertion.bothOrders });
    if (!verdict.ok) return result("pairwise", false, { threshold, error: verdict.error });
    const value = preferenceValue[verdict.preferred];
    const passed = value >= threshold;
    const outcome = verdict.preferred === "tie" ? "judged a tie" : "preferred the expected output";
    return result("pairwise", passed, {
      value,
      threshold,
      message: passed ? null : `${assertion.evaluator} ${outcome}: ${describeLooks(verdict.looks)}`,
    });
  } catch (error) {
    return errorResult("pairwise", error);
  }
}

async function checkOne(
  assertion: DatasetAssertion,
  output: string,
  subject: RunCheckSubject,
  dependencies: RunCheckDependencies,
  builtinScores: BuiltinScoresOfItem,
): Promise<AssertionResult> {
  const problem = storedAssertionProblem(assertion);
  if (problem !== null) return result(assertion.type, false, { error: `this check cannot run (${problem}); declare the check again` });
  switch (assertion.type) {
    case "exact": {
      const passed = assertion.normalise ? normaliseForMatch(output) === normaliseForMatch(subject.expected) : output === subject.expected;
      return result("exact", passed, { message: passed ? null : "the output differs from the expected output" });
    }
    case "contains": {
      const passed = assertion.caseSensitive
        ? output.includes(assertion.text)
        : output.toLowerCase().includes(assertion.text.toLowerCase());
      return result("contains", passed, { message: passed ? null : `the output does not contain ${JSON.stringify(assertion.text)}` });
    }
    case "regex": {
      const passed = outputMatches(assertion.pattern, assertion.flags, output);
      return result("regex", passed, { message: passed ? null : `the output does not match /${assertion.pattern}/${assertion.flags}` });
    }
    case "json_schema":
      return jsonSchemaResult(output, assertion.schema);
    case "similarity":
      return similarityResult("similarity", output, subject.expected, assertion.threshold, dependencies);
    case "judge": {
      try {
        const verdict = await dependencies.judge(assertion.evaluator, { ...subject, output });
        if (!verdict.ok) return result("judge", false, { threshold: assertion.minScore, error: verdict.error });
        const passed = verdict.score >= assertion.minScore;
        return result("judge", passed, {
          value: verdict.score,
          threshold: assertion.minScore,
          message: passed ? null : `${assertion.evaluator}: ${verdict.reasoning}`,
        });
      } catch (error) {
        return errorResult("judge", error);
      }
    }
    case "pairwise":
      return pairwiseResult(assertion, output, subject, dependencies);
    case "score":
      return scoreAssertionResult(assertion, builtinScores);
  }
}

/** A dataset that declares nothing: a normalised exact match passes, otherwise the output must be similar enough. */
async function defaultCheck(output: string, subject: RunCheckSubject, dependencies: RunCheckDependencies): Promise<AssertionResult> {
  if (normaliseForMatch(output) === normaliseForMatch(subject.expected)) return result("default", true, { value: 1 });
  return similarityResult("default", output, subject.expected, defaultSimilarityThreshold, dependencies);
}

/** Checks one output against every assertion (all must pass); an assertion that could not be checked makes the item an error. */
export async function checkRunOutput(
  output: string,
  subject: RunCheckSubject,
  assertions: readonly DatasetAssertion[],
  dependencies: RunCheckDependencies,
  /** Computed before the check (uploadRunOutputs scores every output); only score assertions read them. */
  builtinScores: BuiltinScoresOfItem = noBuiltinScores,
): Promise<{ status: DatasetRunItemStatus; assertions: AssertionResult[] }> {
  const results =
    assertions.length === 0
      ? [await defaultCheck(output, subject, dependencies)]
      : await Promise.all(assertions.map((assertion) => checkOne(assertion, output, subject, dependencies, builtinScores)));
  const status = results.some((item) => item.error !== null) ? "error" : results.every((item) => item.passed) ? "passed" : "failed";
  return { status, assertions: results };
}
