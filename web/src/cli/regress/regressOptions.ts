import { parseArgs } from "node:util";
import { z } from "zod";
import { datasetNameSchema } from "@/contracts/datasets";

/** Thrown for anything the user must fix in the command line or environment: usage is printed, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const regressUsage = `Usage: npx liveloop regress --dataset <name> --release <label> --endpoint <url> --model <model> [options]

Runs a published version of a Liveloop dataset against an OpenAI-compatible endpoint,
uploads the outputs as a dataset run and fails when the regression gate fails.

Required:
  --dataset <name>         the dataset to run
  --release <label>        the candidate's release label (recorded on the run)
  --endpoint <url>         the candidate's OpenAI-compatible base URL (…/v1); POST {url}/chat/completions
  --model <model>          the model to ask

Options:
  --baseline <run>         compare with this run (default: the server's choice, the last run that passed)
  --min-pass-rate <0..1>   lowest pass rate that passes the gate (default 0.95)
  --version <n>            the published dataset version (default: the latest)
  --run-name <name>        the run's name (default: <release>-<UTC timestamp>)
  --prompt-version <v>     recorded on the run
  --concurrency <n>        candidate calls at once (default 4)
  --temperature <t>        sampling temperature (default 0)
  --timeout <seconds>      per candidate call (default 60)
  --attempts <n>           tries per candidate call, retrying network errors, 429 and 5xx (default 5)
  -h, --help               this text

Environment:
  LIVELOOP_URL             where Liveloop is, e.g. https://liveloop.example.com (required)
  LIVELOOP_SECRET_KEY      a secret API key (sk_...) of the dataset's project (required)
  OPENAI_API_KEY           sent to the candidate endpoint as a bearer token when set

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage or connection error.
`;

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `${what} must be an http(s) URL` }).transform((url) => url.replace(/\/+$/, ""));

const number = (what: string) => z.coerce.number({ error: `${what} must be a number` });
const wholeNumber = (what: string, min: number, max: number) =>
  number(what).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);

/** The flags, after parsing: the one definition of what the command accepts. */
export const regressFlagsSchema = z
  .object({
    dataset: datasetNameSchema,
    release: z.string().trim().min(1, "--release must not be empty").max(200),
    endpoint: httpUrl("--endpoint"),
    model: z.string().trim().min(1, "--model must not be empty").max(200),
    baseline: z.string().trim().min(1).max(200).optional(),
    minPassRate: number("--min-pass-rate")
      .min(0, "--min-pass-rate is a share between 0 and 1")
      .max(1, "--min-pass-rate is a share between 0 and 1")
      .default(0.95),
    version: wholeNumber("--version", 1, 2_147_483_647).optional(),
    runName: z.string().trim().min(1).max(200).optional(),
    promptVersion: z.string().trim().min(1).max(200).optional(),
    concurrency: wholeNumber("--concurrency", 1, 64).default(4),
    temperature: number("--temperature").min(0).max(2).default(0),
    timeoutSeconds: number("--timeout").positive("--timeout must be more than 0").max(3_600).default(60),
    attempts: wholeNumber("--attempts", 1, 20).default(5),
  })
  .strict();

const environmentSchema = z.object({
  LIVELOOP_URL: httpUrl("LIVELOOP_URL"),
  LIVELOOP_SECRET_KEY: z
    .string({ error: "LIVELOOP_SECRET_KEY is not set" })
    .trim()
    .startsWith("sk_", "LIVELOOP_SECRET_KEY must be a secret key (sk_...)"),
  OPENAI_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((key) => key || undefined),
});

export interface RegressOptions extends z.infer<typeof regressFlagsSchema> {
  liveloopUrl: string;
  secretKey: string;
  candidateApiKey: string | undefined;
}

export type RegressCommand = { kind: "help" } | { kind: "run"; options: RegressOptions };

// Flag names as typed on the command line, and the field each one fills.
const flags = {
  dataset: "dataset",
  release: "release",
  endpoint: "endpoint",
  model: "model",
  baseline: "baseline",
  "min-pass-rate": "minPassRate",
  version: "version",
  "run-name": "runName",
  "prompt-version": "promptVersion",
  concurrency: "concurrency",
  temperature: "temperature",
  timeout: "timeoutSeconds",
  attempts: "attempts",
} as const satisfies Record<string, keyof z.input<typeof regressFlagsSchema>>;

/** One line per issue, naming the flag or variable; a missing one is "required" (zod would say "expected string, received undefined"). */
function issuesText(error: z.ZodError, input: Readonly<Record<string, unknown>>, names: Readonly<Record<string, string>>): string {
  return error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? "");
      const name = names[field] ?? field;
      return input[field] === undefined ? `${name} is required` : `${name}: ${issue.message}`;
    })
    .join("\n");
}

/**
 * The command line (the words after `regress`) and the environment, checked: what to
 * run, or a UsageError saying every problem at once.
 */
export function parseRegressCommand(args: readonly string[], environment: Readonly<Record<string, string | undefined>>): RegressCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        ...Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: "string" as const }])),
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: "help" };
  // `--concurrency=` would otherwise be read as 0 by the number coercion.
  const blank = Object.keys(flags).filter((flag) => typeof values[flag] === "string" && values[flag].trim() === "");
  if (blank.length > 0) throw new UsageError(blank.map((flag) => `--${flag} needs a value`).join("\n"));
  const input = Object.fromEntries(Object.entries(flags).map(([flag, field]) => [field, values[flag]]));
  const names = Object.fromEntries(Object.entries(flags).map(([flag, field]) => [field, `--${flag}`]));
  const parsedFlags = regressFlagsSchema.safeParse(input);
  const parsedEnvironment = environmentSchema.safeParse(environment);
  const problems = [
    parsedFlags.success ? "" : issuesText(parsedFlags.error, input, names),
    parsedEnvironment.success ? "" : issuesText(parsedEnvironment.error, environment, {}),
  ].filter(Boolean);
  if (!parsedFlags.success || !parsedEnvironment.success) throw new UsageError(problems.join("\n"));
  return {
    kind: "run",
    options: {
      ...parsedFlags.data,
      liveloopUrl: parsedEnvironment.data.LIVELOOP_URL,
      secretKey: parsedEnvironment.data.LIVELOOP_SECRET_KEY,
      candidateApiKey: parsedEnvironment.data.OPENAI_API_KEY,
    },
  };
}
