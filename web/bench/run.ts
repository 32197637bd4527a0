// `npm run bench [-- name ...]`: runs the benchmarks (all by default) and prints one table.
// Figures are ratios or percentiles measured within the same run: these machines are
// shared and noisy, so absolute numbers from different runs are not compared.
import { benchWrapperOverhead } from "./wrapperOverhead.ts";
import { benchTraceIngest } from "./traceIngest.ts";
import { benchFeedbackIngestPglite, benchFeedbackIngestPostgres } from "./feedbackIngest.ts";
import { benchWidgetInteraction, benchWidgetSizes } from "./widget.ts";
import { benchDatasetExport, benchReviewClaim } from "./review.ts";
import { benchDashboardPglite, benchDashboardPostgres } from "./dashboard.ts";
import { benchSlowUploads } from "./slowUploads.ts";
import { benchRoutingFlood } from "./routingFlood.ts";
import { benchEmbedders } from "./embedders.ts";
import { benchBuiltinEvaluators } from "./builtinEvaluators.ts";
import { benchIngestWithEvaluators, benchJobOverhead } from "./jobs.ts";
import { benchDriftProjection } from "./driftProjection.ts";
import { benchDriftRun } from "./driftRun.ts";
import { benchAlertEvaluation } from "./alertEvaluation.ts";
import { benchReleaseComparison } from "./releaseComparison.ts";
import { benchRolloutAssignment } from "./rolloutAssignment.ts";
import type { BenchRow } from "./appServer.ts";

const port = Number(process.env.LIVELOOP_BENCH_PORT ?? 3311);
const benches: Record<string, () => Promise<BenchRow | BenchRow[]>> = {
  wrapper: () => benchWrapperOverhead(port),
  ingest: () => benchTraceIngest(port),
  "feedback-postgres": () => benchFeedbackIngestPostgres(port),
  "feedback-pglite": () => benchFeedbackIngestPglite(port),
  "dashboard-postgres": benchDashboardPostgres,
  "dashboard-pglite": benchDashboardPglite,
  "widget-size": benchWidgetSizes,
  "widget-interaction": () => benchWidgetInteraction(port),
  "review-claim": benchReviewClaim,
  "dataset-export": benchDatasetExport,
  "slow-uploads": () => benchSlowUploads(port),
  "routing-flood": benchRoutingFlood,
  embedders: benchEmbedders,
  "builtin-evaluators": benchBuiltinEvaluators,
  "job-overhead": benchJobOverhead,
  "ingest-with-evaluators": benchIngestWithEvaluators,
  "drift-projection": benchDriftProjection,
  "drift-run": benchDriftRun,
  "alert-evaluation": () => benchAlertEvaluation(port),
  "release-comparison": benchReleaseComparison,
  "rollout-assignment": () => benchRolloutAssignment(port),
};

const requested = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = requested.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const name of requested.length > 0 ? requested : Object.keys(benches)) {
  console.error(`running ${name}...`);
  rows.push(...[await (benches[name] ?? (() => Promise.reject(new Error(name))))()].flat());
}
console.log("\n| benchmark | baseline | measured | ratio | target | result |");
console.log("|---|---|---|---|---|---|");
for (const row of rows)
  console.log(
    `| ${row.name} | ${row.baseline} | ${row.measured} | ${row.ratio} | ${row.target} | ${row.met === null ? "—" : row.met ? "met" : "missed"} |`,
  );
if (rows.some((row) => row.met === false)) process.exitCode = 1;
