import { describe, expect, it } from "vitest";
import { ApiProblem, formErrorsOf } from "./evaluatorApi";

describe("formErrorsOf", () => {
  const shown = new Set(["judge.baseUrl", "name"]);

  it("puts each issue beside the field the form shows", () => {
    const problem = new ApiProblem("judge.baseUrl: not allowed", [{ path: ["judge", "baseUrl"], message: "not allowed" }]);
    expect(formErrorsOf(problem, shown)).toEqual({ fieldErrors: { "judge.baseUrl": "not allowed" }, message: null });
  });

  it("says what has no field in the form, so a refusal is never silent", () => {
    const problem = new ApiProblem("Bad request", [
      { path: ["name"], message: "taken" },
      { path: ["filter", "release"], message: "too long" },
    ]);
    expect(formErrorsOf(problem, shown)).toEqual({ fieldErrors: { name: "taken" }, message: "Bad request: too long" });
  });

  it("shows the problem itself when it names no field, and any other error's message", () => {
    expect(formErrorsOf(new ApiProblem("Evaluator not found", []), shown)).toEqual({ fieldErrors: {}, message: "Evaluator not found" });
    expect(formErrorsOf(new TypeError("Failed to fetch"), shown)).toEqual({ fieldErrors: {}, message: "Failed to fetch" });
  });
});
