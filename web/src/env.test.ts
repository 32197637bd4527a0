import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnvironment } from "@/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnvironment(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnvironment", () => {
  it("fills defaults for an empty environment (embedded database, port 3000)", () => {
    const env = parseEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names a bad port", () => {
    expect(problemsOf({ PORT: "eighty" })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it("names a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://localhost/db" })).toEqual([expect.stringMatching(/^DATABASE_URL: .*postgresql/)]);
  });

  it("requires AUTH_SECRET in production on PostgreSQL", () => {
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x" })).toEqual([expect.stringMatching(/^AUTH_SECRET: /)]);
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x", AUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it("names every missing LIVELOOP_INIT_* variable when only some are set", () => {
    const problems = problemsOf({ LIVELOOP_INIT_USER_EMAIL: "a@b.co", LIVELOOP_INIT_USER_PASSWORD: "password1" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "LIVELOOP_INIT_PROJECT_NAME",
      "LIVELOOP_INIT_PUBLIC_KEY",
      "LIVELOOP_INIT_SECRET_KEY",
    ]);
  });

  it("rejects init keys with the wrong prefix", () => {
    const problems = problemsOf({
      LIVELOOP_INIT_USER_EMAIL: "a@b.co",
      LIVELOOP_INIT_USER_PASSWORD: "password1",
      LIVELOOP_INIT_PROJECT_NAME: "P",
      LIVELOOP_INIT_PUBLIC_KEY: "sk_aaaaaaaaaaaaaaaaaaaa",
      LIVELOOP_INIT_SECRET_KEY: "sk_bbbbbbbbbbbbbbbbbbbb",
    });
    expect(problems).toEqual([expect.stringMatching(/^LIVELOOP_INIT_PUBLIC_KEY: must start with pk_/)]);
  });

  it("keeps /demo for members unless LIVELOOP_PUBLIC_DEMO opens it, and names a bad value", () => {
    expect(parseEnvironment({}).LIVELOOP_PUBLIC_DEMO).toBe(false);
    expect(parseEnvironment({ LIVELOOP_PUBLIC_DEMO: "0" }).LIVELOOP_PUBLIC_DEMO).toBe(false);
    expect(parseEnvironment({ LIVELOOP_PUBLIC_DEMO: "1" }).LIVELOOP_PUBLIC_DEMO).toBe(true);
    expect(parseEnvironment({ LIVELOOP_PUBLIC_DEMO: "true" }).LIVELOOP_PUBLIC_DEMO).toBe(true);
    expect(problemsOf({ LIVELOOP_PUBLIC_DEMO: "yes" })).toEqual(["LIVELOOP_PUBLIC_DEMO: must be 1, 0, true or false"]);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnvironment({ DATABASE_URL: "", AUTH_SECRET: " " }).DATABASE_URL).toBeUndefined();
  });
});
