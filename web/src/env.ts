import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const keyWithPrefix = (prefix: "pk_" | "sk_") =>
  optionalText.pipe(
    z
      .string()
      .regex(new RegExp(`^${prefix}[A-Za-z0-9_-]{16,200}$`), `must start with ${prefix} followed by 16-200 letters, digits, _ or -`)
      .optional(),
  );

/** An on/off switch: 1, 0, true or false; off when unset. */
const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1, 0, true or false" })
  .default("0")
  .transform((value) => value === "1" || value === "true");

/** An on/off switch that is on when unset. */
const flagOn = z
  .enum(["0", "1", "true", "false"], { error: "must be 1, 0, true or false" })
  .default("1")
  .transform((value) => value === "1" || value === "true");

/** Every environment variable Liveloop reads, parsed once. `.env.example` lists the same. */
export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    LIVELOOP_DATA_DIR: optionalText,
    AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
    LIVELOOP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    // How many reverse proxies in front of Liveloop append to X-Forwarded-For and set
    // X-Forwarded-Proto/Host. 0 (default): those headers are the client's and are ignored.
    LIVELOOP_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Sends invitations and password-reset links by e-mail (smtp:// or smtps://); unset: links are shown once.
    SMTP_URL: optionalText.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    SMTP_FROM: optionalText.pipe(z.string().optional()),
    // Serves /api/bench/* for `npm run bench`; off in normal operation.
    LIVELOOP_BENCH_ROUTES: flag,
    // Checks every API answer against its endpoint's response schema (tests and e2e); a
    // mismatch is a 500. Off in normal operation: it costs a parse per answer.
    LIVELOOP_CHECK_RESPONSES: flag,
    // Opens /demo (a fictional shop's support chat) to people who are not signed in; their
    // questions land in the instance owner's demo project. Off: /demo is for members only.
    LIVELOOP_PUBLIC_DEMO: flag,
    // Background jobs (rollups, review routing, evaluators) run inside the web process. Off:
    // it only queues them for `npm run worker` processes on the same PostgreSQL.
    LIVELOOP_WEB_RUNS_JOBS: flagOn,
    // Requests the server sends on a project's behalf (an LLM judge) may go to loopback and
    // private networks (a judge served by Ollama on this machine). Off: public addresses only.
    LIVELOOP_OUTBOUND_ALLOW_PRIVATE: flag,
    // Alert webhooks (generic and Slack) may go to loopback and private networks (a receiver
    // inside the company network). Off: public addresses only, checked again after DNS at delivery.
    LIVELOOP_ALLOW_PRIVATE_WEBHOOKS: flag,
    // The /demo chat answers with a local responder unless pointed at an OpenAI-compatible API.
    LIVELOOP_DEMO_LLM_URL: optionalText.pipe(z.url().optional()),
    LIVELOOP_DEMO_LLM_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
    LIVELOOP_DEMO_LLM_API_KEY: optionalText,
    LIVELOOP_INIT_USER_EMAIL: optionalText.pipe(z.email().optional()),
    LIVELOOP_INIT_USER_PASSWORD: optionalText.pipe(z.string().min(8, "must be at least 8 characters").optional()),
    LIVELOOP_INIT_PROJECT_NAME: optionalText,
    LIVELOOP_INIT_PUBLIC_KEY: keyWithPrefix("pk_"),
    LIVELOOP_INIT_SECRET_KEY: keyWithPrefix("sk_"),
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    AUTH_OIDC_CLIENT_ID: optionalText,
    AUTH_OIDC_CLIENT_SECRET: optionalText,
    AUTH_OIDC_NAME: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production with DATABASE_URL (the embedded default keeps one in the data directory)",
      });
    }
    const init = [
      "LIVELOOP_INIT_USER_EMAIL",
      "LIVELOOP_INIT_USER_PASSWORD",
      "LIVELOOP_INIT_PROJECT_NAME",
      "LIVELOOP_INIT_PUBLIC_KEY",
      "LIVELOOP_INIT_SECRET_KEY",
    ] as const;
    const given = init.filter((name) => env[name] !== undefined);
    if (given.length > 0 && given.length < init.length) {
      for (const name of init.filter((n) => env[n] === undefined)) {
        ctx.addIssue({ code: "custom", path: [name], message: "is required when any LIVELOOP_INIT_* variable is set" });
      }
    }
    for (const [id, secret] of [
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ["AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"],
    ] as const) {
      if ((env[id] === undefined) !== (env[secret] === undefined)) {
        ctx.addIssue({ code: "custom", path: [env[id] ? secret : id], message: `is required together with ${env[id] ? id : secret}` });
      }
    }
    if (env.AUTH_OIDC_CLIENT_ID && !env.AUTH_OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["AUTH_OIDC_ISSUER"], message: "is required when AUTH_OIDC_CLIENT_ID is set" });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Parses an environment; the error names each bad variable and what is wrong with it. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
}

let cached: Environment | undefined;

/** The process environment, parsed on first use. */
export function env(): Environment {
  cached ??= parseEnvironment(process.env);
  return cached;
}
