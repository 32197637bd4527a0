import { describe, expect, it } from "vitest";
import { parseRegressCommand, UsageError } from "@/cli/regress/regressOptions";

const environment = { LIVELOOP_URL: "http://liveloop.test/", LIVELOOP_SECRET_KEY: "sk_test_123" };
const required = ["--dataset", "golden", "--release", "v2", "--endpoint", "http://llm.test/v1/", "--model", "gpt-4o-mini"];

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("parseRegressCommand", () => {
  it("takes the required flags with the documented defaults and finds Liveloop and the candidate's key in the environment", () => {
    expect(parseRegressCommand(required, { ...environment, OPENAI_API_KEY: "sk-candidate" })).toEqual({
      kind: "run",
      options: {
        dataset: "golden",
        release: "v2",
        endpoint: "http://llm.test/v1",
        model: "gpt-4o-mini",
        minPassRate: 0.95,
        concurrency: 4,
        temperature: 0,
        timeoutSeconds: 60,
        attempts: 5,
        liveloopUrl: "http://liveloop.test",
        secretKey: "sk_test_123",
        candidateApiKey: "sk-candidate",
      },
    });
  });

  it("takes every optional flag", () => {
    const command = parseRegressCommand(
      [
        ...required,
        "--baseline",
        "v1-run",
        "--min-pass-rate",
        "0.9",
        "--version",
        "3",
        "--run-name",
        "nightly",
        "--prompt-version",
        "p7",
        "--concurrency=8",
        "--temperature",
        "0.2",
        "--timeout",
        "5",
        "--attempts",
        "2",
      ],
      environment,
    );
    expect(command).toMatchObject({
      kind: "run",
      options: {
        baseline: "v1-run",
        minPassRate: 0.9,
        version: 3,
        runName: "nightly",
        promptVersion: "p7",
        concurrency: 8,
        temperature: 0.2,
        timeoutSeconds: 5,
        attempts: 2,
        candidateApiKey: undefined,
      },
    });
  });

  it("answers --help before checking anything else", () => {
    expect(parseRegressCommand(["--help"], {})).toEqual({ kind: "help" });
    expect(parseRegressCommand(["-h", "--dataset", "x"], {})).toEqual({ kind: "help" });
  });

  it("names every missing flag and variable at once", () => {
    const message = usageError(() => parseRegressCommand([], {}));
    expect(message.split("\n")).toEqual([
      "--dataset is required",
      "--release is required",
      "--endpoint is required",
      "--model is required",
      "LIVELOOP_URL is required",
      "LIVELOOP_SECRET_KEY is required",
    ]);
  });

  it("refuses values it cannot use, naming the flag", () => {
    expect(usageError(() => parseRegressCommand([...required, "--min-pass-rate", "95"], environment))).toBe(
      "--min-pass-rate: --min-pass-rate is a share between 0 and 1",
    );
    expect(usageError(() => parseRegressCommand([...required, "--min-pass-rate", "lots"], environment))).toMatch(
      /^--min-pass-rate: .*number/,
    );
    expect(usageError(() => parseRegressCommand([...required, "--concurrency", "0"], environment))).toBe(
      "--concurrency: --concurrency must be at least 1",
    );
    expect(usageError(() => parseRegressCommand([...required, "--version", "1.5"], environment))).toBe(
      "--version: --version must be a whole number",
    );
    const badEndpoint = required.map((word) => (word === "http://llm.test/v1/" ? "ftp://llm.test" : word));
    expect(usageError(() => parseRegressCommand(badEndpoint, environment))).toBe("--endpoint: --endpoint must be an http(s) URL");
    const badName = required.map((word) => (word === "golden" ? "no spaces" : word));
    expect(usageError(() => parseRegressCommand(badName, environment))).toMatch(/^--dataset: Use letters, digits/);
  });

  it("refuses unknown flags, stray words and a flag without its value", () => {
    expect(usageError(() => parseRegressCommand([...required, "--treshold", "0.9"], environment))).toMatch(/--treshold/);
    expect(usageError(() => parseRegressCommand([...required, "extra"], environment))).toMatch(/extra/);
    expect(usageError(() => parseRegressCommand([...required, "--model"], environment))).toMatch(/--model/);
    expect(usageError(() => parseRegressCommand([...required, "--concurrency="], environment))).toBe("--concurrency needs a value");
  });

  it("refuses a public key, which cannot upload runs", () => {
    expect(usageError(() => parseRegressCommand(required, { ...environment, LIVELOOP_SECRET_KEY: "pk_test_1" }))).toBe(
      "LIVELOOP_SECRET_KEY: LIVELOOP_SECRET_KEY must be a secret key (sk_...)",
    );
  });
});
