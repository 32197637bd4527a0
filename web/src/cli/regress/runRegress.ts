import { batchResultSchema } from "@/contracts/batch";
import {
  datasetRunReportSchema,
  datasetVersionItemsSchema,
  maxVersionItemsPage,
  type DatasetRunGate,
  type DatasetRunInput,
  type DatasetRunReport,
  type DatasetVersionItem,
  type DatasetVersionItems,
} from "@/contracts/datasetRuns";
import { CandidateRefusedError, collectCandidateAnswers, type CandidateAnswer } from "@/cli/regress/candidateAnswers";
import { createLiveloopApi, LiveloopConnectionError, type LiveloopApi } from "@/cli/regress/liveloopApi";
import { createProgressReporter, type ProgressOutput } from "@/cli/regress/progressLine";
import { decideGate, exitCodes, gateExitCode, percent, type ExitCode, type GateVerdict } from "@/cli/regress/regressGate";
import { parseRegressCommand, regressUsage, UsageError, type RegressOptions } from "@/cli/regress/regressOptions";
import { regressSummary } from "@/cli/regress/regressSummary";

export interface RegressIo {
  environment: Readonly<Record<string, string | undefined>>;
  /** The summary (what a CI log is read for). */
  stdout: { write(text: string): unknown };
  /** Progress and errors. */
  stderr: ProgressOutput;
  fetch?: typeof fetch | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  now?: (() => number) | undefined;
}

/** Outputs per upload: well under the API's 1 000, so one slow request holds little. */
export const uploadBatchSize = 100;

const runNameStart = /^[A-Za-z0-9]/;

/** `<release>-<UTC time>`, e.g. v2.1-20261128T134500Z: unique per start, and safe in a URL path. */
export function defaultRunName(release: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  const label = release.replace(/[^A-Za-z0-9._@+-]+/g, "-").slice(0, 150);
  return `${runNameStart.test(label) ? label : `run-${label}`}-${stamp}`;
}

const datasetPath = (options: RegressOptions) => `/api/v1/datasets/${encodeURIComponent(options.dataset)}`;

/** Every item of the version, page by page (the first answer names the version, which later pages keep to). */
export async function fetchVersionItems(
  api: LiveloopApi,
  options: RegressOptions,
): Promise<{ version: number; items: DatasetVersionItem[] }> {
  let version: number | "latest" = options.version ?? "latest";
  const items: DatasetVersionItem[] = [];
  let cursor: number | null = 0;
  while (cursor !== null) {
    const query: URLSearchParams = new URLSearchParams({
      limit: String(maxVersionItemsPage),
      ...(cursor > 0 ? { cursor: String(cursor) } : {}),
    });
    const page: { body: DatasetVersionItems } = await api.json(
      "GET",
      `${datasetPath(options)}/versions/${version}/items?${query}`,
      datasetVersionItemsSchema,
    );
    version = page.body.version;
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  }
  if (version === "latest") throw new LiveloopConnectionError("Liveloop answered no version for the dataset");
  return { version, items };
}

/** Uploads the outputs in batches; each batch is retried as a whole (the API is idempotent per item). */
async function uploadOutputs(
  api: LiveloopApi,
  options: RegressOptions,
  run: Omit<DatasetRunInput, "outputs">,
  outputs: DatasetRunInput["outputs"],
): Promise<{ itemId: string; status: number; message: string }[]> {
  const rejected: { itemId: string; status: number; message: string }[] = [];
  for (let start = 0; start < outputs.length; start += uploadBatchSize) {
    const batch = outputs.slice(start, start + uploadBatchSize);
    const answer = await api.json("POST", `${datasetPath(options)}/runs`, batchResultSchema, { ...run, outputs: batch });
    for (const refused of answer.body.rejected) {
      rejected.push({ itemId: refused.id ?? batch[refused.index]?.itemId ?? "?", status: refused.status, message: refused.message });
    }
  }
  return rejected;
}

/** The verdict as the run records it: the console shows it beside the report. */
function gateRecord(verdict: GateVerdict, report: DatasetRunReport, minPassRate: number): DatasetRunGate {
  const reason = verdict.passed
    ? `pass rate ${report.passRate === null ? "n/a" : percent(report.passRate)} >= ${percent(minPassRate)}, no critical item newly failing, no errors or missing items`
    : verdict.reasons.join("; ");
  return { passed: verdict.passed, reason: reason.length > 2_000 ? `${reason.slice(0, 1_997)}...` : reason };
}

/**
 * Records the verdict on the run. Liveloop refuses (409) a pass for a run it sees as
 * incomplete or errored: that refusal fails the gate, so a broken run never passes.
 */
async function recordGate(api: LiveloopApi, path: string, gate: DatasetRunGate, verdict: GateVerdict): Promise<GateVerdict> {
  try {
    await api.request("PATCH", path, { gate });
    return verdict;
  } catch (error) {
    if (error instanceof LiveloopConnectionError && error.status === 409 && gate.passed) {
      return { passed: false, reasons: [`Liveloop refused to record a pass: ${error.message}`] };
    }
    throw error;
  }
}

async function regress(options: RegressOptions, io: RegressIo): Promise<ExitCode> {
  const now = io.now ?? Date.now;
  const api = createLiveloopApi(
    { baseUrl: options.liveloopUrl, secretKey: options.secretKey },
    { fetch: io.fetch, sleep: io.sleep, random: io.random, now },
  );
  const { version, items } = await fetchVersionItems(api, options);
  io.stderr.write(
    `${options.dataset} v${version}: ${items.length} items; asking ${options.model} at ${options.endpoint} (${options.concurrency} at a time)\n`,
  );

  const progress = createProgressReporter(io.stderr, items.length, now);
  let answers: CandidateAnswer[];
  try {
    answers = await collectCandidateAnswers(
      items.map((item) => ({ itemId: item.itemId, input: item.input })),
      {
        endpoint: options.endpoint,
        apiKey: options.candidateApiKey,
        model: options.model,
        temperature: options.temperature,
        timeoutMs: options.timeoutSeconds * 1000,
        attempts: options.attempts,
        concurrency: options.concurrency,
      },
      {
        fetch: io.fetch,
        sleep: io.sleep,
        random: io.random,
        onAnswer: (answer) => {
          progress.answered(answer.ok);
        },
        onRetry: () => {
          progress.retried();
        },
      },
    );
  } finally {
    progress.finish();
  }

  const runName = options.runName ?? defaultRunName(options.release, new Date(now()));
  const outputs = answers.flatMap((answer) => (answer.ok ? [{ itemId: answer.itemId, output: answer.output }] : []));
  const unanswered = answers.flatMap((answer) => (answer.ok ? [] : [{ itemId: answer.itemId, error: answer.error }]));
  const run = { name: runName, version, release: options.release, model: options.model, promptVersion: options.promptVersion };
  const rejected = outputs.length > 0 ? await uploadOutputs(api, options, run, outputs) : [];
  if (outputs.length > 0) io.stderr.write(`Uploaded ${outputs.length - rejected.length} of ${items.length} outputs to run ${runName}\n`);

  const runPath = `${datasetPath(options)}/runs/${encodeURIComponent(runName)}`;
  const report =
    outputs.length > 0
      ? (
          await api.json(
            "GET",
            `${runPath}${options.baseline ? `?${new URLSearchParams({ baseline: options.baseline })}` : ""}`,
            datasetRunReportSchema,
          )
        ).body
      : null;
  let verdict = decideGate({ report, versionItems: items, unanswered, rejected, minPassRate: options.minPassRate });
  if (report) verdict = await recordGate(api, runPath, gateRecord(verdict, report, options.minPassRate), verdict);
  io.stdout.write(regressSummary(report, verdict, options.minPassRate));
  return gateExitCode(verdict);
}

/**
 * `liveloop regress`: runs a dataset version against a candidate endpoint, uploads the run,
 * and resolves with the exit code: 0 the gate passed, 1 it failed, 2 a usage or connection
 * error (bad flags, Liveloop unreachable, the key refused, an unknown dataset or baseline,
 * a candidate endpoint that refuses the key, model or URL).
 */
export async function runRegress(args: readonly string[], io: RegressIo): Promise<ExitCode> {
  try {
    const command = parseRegressCommand(args, io.environment);
    if (command.kind === "help") {
      io.stdout.write(regressUsage);
      return exitCodes.passed;
    }
    return await regress(command.options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\nnpx liveloop regress --help shows the flags.\n`);
      return exitCodes.usage;
    }
    if (error instanceof LiveloopConnectionError) {
      io.stderr.write(`${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof CandidateRefusedError) {
      io.stderr.write(`The candidate endpoint refused the request (check --endpoint, --model and OPENAI_API_KEY): ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
